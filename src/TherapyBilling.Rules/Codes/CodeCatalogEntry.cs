namespace TherapyBilling.Rules;

/// <summary>One code in a <see cref="CodeCatalog"/>: how it is counted, whether it is always therapy, and where that comes from.</summary>
/// <param name="Code">The code.</param>
/// <param name="Kind">Whether the code is timed (15-minute units) or untimed (1 unit per day).</param>
/// <param name="AlwaysTherapy">Whether CMS lists the code as "always therapy" (it needs GP/GO/GN whoever performs it).</param>
/// <param name="Descriptor">A short descriptor in this library's own words (not the AMA descriptor).</param>
/// <param name="Source">Where the classification comes from, with its confidence tag.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CodeCatalogEntry(CptCode Code, CodeKind Kind, bool AlwaysTherapy, string Descriptor, string Source)
{
    /// <summary>
    /// Gets a value indicating whether the service takes the patient's time, so that no other PM&amp;R service may be
    /// reported for the same period (NCCI ch. 11 §P.2): every timed one-on-one code, and untimed services such as group
    /// therapy 97150 and the evaluations 97161–97168. Supervised modalities (97010–97028) do not.
    /// </summary>
    /// <value>The default value is <see langword="false"/>; catalog files without the column read it as <see langword="false"/>.</value>
    /// <remarks>Only untimed codes use it: an untimed service that occupies the patient and overlaps another such service or a timed one is TBR110.</remarks>
    public bool OccupiesPatient { get; init; }

    /// <summary>Gets where <see cref="OccupiesPatient"/> comes from, with its confidence tag.</summary>
    /// <value>The default value is an empty string (not given).</value>
    public string OccupiesPatientSource { get; init; } = string.Empty;
}
