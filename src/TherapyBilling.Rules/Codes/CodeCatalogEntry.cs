namespace TherapyBilling.Rules;

/// <summary>One code in a <see cref="CodeCatalog"/>: how it is counted, whether it is always therapy, and where that comes from.</summary>
/// <param name="Code">The code.</param>
/// <param name="Kind">Whether the code is timed (15-minute units) or untimed (1 unit per day).</param>
/// <param name="AlwaysTherapy">Whether CMS lists the code as "always therapy" (it needs GP/GO/GN whoever performs it).</param>
/// <param name="Descriptor">A short descriptor in this library's own words (not the AMA descriptor).</param>
/// <param name="Source">Where the classification comes from, with its confidence tag.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CodeCatalogEntry(CptCode Code, CodeKind Kind, bool AlwaysTherapy, string Descriptor, string Source);
