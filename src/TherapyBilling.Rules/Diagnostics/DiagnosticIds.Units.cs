namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR101: timed segments share time (one finding per group of overlapping segments); one-on-one time is exclusive and is counted once.</summary>
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

    /// <summary>TBR108: the units billed for a code are not part of any allocation the minutes support (every valid tie choice is accepted).</summary>
    public const string BilledUnitsDiffer = "TBR108";

    /// <summary>TBR109: a code is billed that no documented segment supports.</summary>
    public const string BilledCodeWithoutMinutes = "TBR109";

    /// <summary>TBR110: an untimed service that occupies the patient (group therapy, an evaluation) shares time with a timed service or another such service.</summary>
    public const string UntimedServiceOverlapsTimedTime = "TBR110";

    /// <summary>TBR111: the encounter's minutes exceed what the unit engine counts; its units are not computed.</summary>
    public const string MinutesBeyondLimit = "TBR111";
}
