namespace TherapyBilling.Rules;

/// <summary>The edition of one reference table a report was produced with, so a finding can be traced to it.</summary>
/// <param name="Name">The table's name, such as <c>codeCatalog</c> or <c>pairTable</c>.</param>
/// <param name="Version">The table's version.</param>
/// <param name="Source">Where it was loaded from (embedded resource or file name).</param>
public sealed record ReferenceDataInfo(string Name, string Version, string Source);
