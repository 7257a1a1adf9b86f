namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    private const string UnitsCategory = "Units";

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.OverlappingSegments"/>.</summary>
    public static DiagnosticDescriptor OverlappingSegments { get; } = new(
        DiagnosticIds.OverlappingSegments,
        "Overlapping treatment segments",
        "{count} segments overlap between {from} and {to}, first segment {other} ({otherCode}) and segment {segment} ({code}); codes {codes}. {shared} minute(s) were recorded more than once: one-on-one time is exclusive, so the group's {minutes} minute(s) of clock time are counted once and the shared minutes stay with the segment that started first (CPM ch. 5 §20.3; NCCI ch. 11 §P.2). Correct the times.",
        UnitsCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.SegmentEndsBeforeStart"/>.</summary>
    public static DiagnosticDescriptor SegmentEndsBeforeStart { get; } = new(
        DiagnosticIds.SegmentEndsBeforeStart,
        "Segment ends before it starts",
        "Segment {segment} ({code}) ends at {end}, before it starts at {start}; its time is not counted. Correct the times.",
        UnitsCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.ZeroLengthSegment"/>.</summary>
    public static DiagnosticDescriptor ZeroLengthSegment { get; } = new(
        DiagnosticIds.ZeroLengthSegment,
        "Segment has no duration",
        "Segment {segment} ({code}) has no duration; remove it or record its time.",
        UnitsCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.SegmentCrossesMidnight"/>.</summary>
    public static DiagnosticDescriptor SegmentCrossesMidnight { get; } = new(
        DiagnosticIds.SegmentCrossesMidnight,
        "Segment crosses midnight",
        "Segment {segment} ({code}) runs from {start} to {end} across midnight; units are counted per calendar day (CPM ch. 5 §20.2 B). Split it at midnight into two dates of service.",
        UnitsCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.LoneServiceUnderEightMinutes"/>.</summary>
    public static DiagnosticDescriptor LoneServiceUnderEightMinutes { get; } = new(
        DiagnosticIds.LoneServiceUnderEightMinutes,
        "Lone timed service under 8 minutes",
        "{code} is the only timed service of the day and lasted {minutes} minute(s), under 8; it is not billable (CPM ch. 5 §20.2 C). Keep it on the note; do not bill it.",
        UnitsCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TimedLineEarnsNoUnit"/>.</summary>
    public static DiagnosticDescriptor TimedLineEarnsNoUnit { get; } = new(
        DiagnosticIds.TimedLineEarnsNoUnit,
        "Timed code earns no unit",
        "{code} ({minutes} minute(s)) earns no unit under the {method} method; document it on the note but leave it off the claim.",
        UnitsCategory,
        Severity.Info);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.SegmentOffDateOfService"/>.</summary>
    public static DiagnosticDescriptor SegmentOffDateOfService { get; } = new(
        DiagnosticIds.SegmentOffDateOfService,
        "Segment not on the date of service",
        "Segment {segment} ({code}) is dated {date}, not the date of service {dateOfService}; units are counted per calendar day.",
        UnitsCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.BilledUnitsDiffer"/>.</summary>
    public static DiagnosticDescriptor BilledUnitsDiffer { get; } = new(
        DiagnosticIds.BilledUnitsDiffer,
        "Billed units differ from the minutes",
        "{code} is billed with {billed} unit(s) but its minutes support {computed} under the {method} method; bill {allocations}.",
        UnitsCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.BilledCodeWithoutMinutes"/>.</summary>
    public static DiagnosticDescriptor BilledCodeWithoutMinutes { get; } = new(
        DiagnosticIds.BilledCodeWithoutMinutes,
        "Billed code without documented time",
        "{code} is billed but no segment of the encounter records it; document the service or remove the line.",
        UnitsCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.UntimedServiceOverlapsTimedTime"/>.</summary>
    public static DiagnosticDescriptor UntimedServiceOverlapsTimedTime { get; } = new(
        DiagnosticIds.UntimedServiceOverlapsTimedTime,
        "Untimed service in the same time as another service",
        "Segment {segment} ({code}) is an untimed service that occupies the patient, and it shares time with segment {other} ({otherCode}) from {from} to {to} (a group of {count} overlapping segments); only one PM&R service may be reported for the same period, supervised modalities 97010-97028 excepted (NCCI ch. 11 §P.2). Correct the times.",
        UnitsCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.MinutesBeyondLimit"/>.</summary>
    public static DiagnosticDescriptor MinutesBeyondLimit { get; } = new(
        DiagnosticIds.MinutesBeyondLimit,
        "Minutes beyond what the engine counts",
        "The encounter's {kind} minutes add up to more than {limit}; a calendar day has 1,440. Its units are not computed. Correct the segments' minutes and times.",
        UnitsCategory,
        Severity.Error);

    private static DiagnosticDescriptor[] UnitDescriptors() =>
    [
        OverlappingSegments, SegmentEndsBeforeStart, ZeroLengthSegment, SegmentCrossesMidnight,
        LoneServiceUnderEightMinutes, TimedLineEarnsNoUnit, SegmentOffDateOfService, BilledUnitsDiffer,
        BilledCodeWithoutMinutes, UntimedServiceOverlapsTimedTime, MinutesBeyondLimit,
    ];
}
