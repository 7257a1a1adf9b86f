namespace TherapyBilling.Rules;

public sealed partial record TreatmentSegment
{
    private readonly string? _region;

    /// <summary>
    /// Gets the body region the segment treated (such as <c>cervical</c>, <c>lumbar</c>, <c>left shoulder</c>), or
    /// <see langword="null"/> when not recorded. Regions are compared trimmed and case-insensitively, and are never
    /// echoed in findings.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; blank text is read as <see langword="null"/>.</value>
    /// <remarks>
    /// Used for NCCI edits whose codes are distinct only on different body regions (97012 with 97140; 97140 beside
    /// chiropractic manipulation 98940–98942): XS is accepted there when the two codes' segments record different
    /// regions (rules reference §4.3). Timed therapy pairs are still separated by time interval.
    /// </remarks>
    public string? Region
    {
        get => _region;
        init => _region = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
