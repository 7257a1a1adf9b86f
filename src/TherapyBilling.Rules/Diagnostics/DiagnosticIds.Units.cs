namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR101: two segments share time; one-on-one time is exclusive and the same minutes cannot be billed twice.</summary>
    public const string OverlappingSegments = "TBR101";

    /// <summary>TBR102: a segment ends before it starts.</summary>
    public const string SegmentEndsBeforeStart = "TBR102";

    /// <summary>TBR103: a segment has no duration.</summary>
    public const string ZeroLengthSegment = "TBR103";

    /// <summary>TBR104: a segment crosses midnight; units are counted per calendar day.</summary>
    public const string SegmentCrossesMidnight = "TBR104";

    /// <summary>TBR105: the only timed service of the day lasted under 8 minutes and is not billable.</summary>
    public const string LoneServiceUnderEightMinutes = "TBR105";

    /// <summary>TBR106: a timed code earns no unit; the line stays on the note but not on the claim.</summary>
    public const string TimedLineEarnsNoUnit = "TBR106";

    /// <summary>TBR107: a segment's times are on a date other than the date of service.</summary>
    public const string SegmentOffDateOfService = "TBR107";

    /// <summary>TBR108: the units billed for a code differ from the units the minutes support.</summary>
    public const string BilledUnitsDiffer = "TBR108";

    /// <summary>TBR109: a code is billed that no documented segment supports.</summary>
    public const string BilledCodeWithoutMinutes = "TBR109";
}
