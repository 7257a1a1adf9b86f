using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace TherapyBilling.Rules;

/// <summary>One block of direct one-on-one time on one code, given as whole minutes or as a start and an end.</summary>
/// <remarks>
/// <para>Create segments with <see cref="FromMinutes"/>, <see cref="FromTimes(CptCode, LocalTime, LocalTime)"/> or
/// <see cref="FromTimes(CptCode, LocalDateTime, LocalDateTime)"/>. Durations come from NodaTime, never from
/// <see langword="double"/> minutes; a code's segments are summed exactly and only then rounded down to whole
/// minutes (CPM ch. 5 §20.3 counts direct time; a partial minute never counts).</para>
/// <para>Times that make no sense (an end before the start, a segment across midnight) are not exceptions: the
/// calculator reports them as diagnostics. Negative minutes are misuse and throw.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <example><code>
/// var a = TreatmentSegment.FromMinutes(CptCode.Parse("97535"), 20);
/// var b = TreatmentSegment.FromTimes(CptCode.Parse("97535"), new LocalTime(9, 0), new LocalTime(9, 7, 40));
/// </code></example>
public sealed partial record TreatmentSegment
{
    private TreatmentSegment(CptCode code, int? minutes, LocalTime? start, LocalTime? end, LocalDate? startDate, LocalDate? endDate)
    {
        Code = code;
        Minutes = minutes;
        Start = start;
        End = end;
        StartDate = startDate;
        EndDate = endDate;
    }

    /// <summary>Gets the procedure code.</summary>
    public CptCode Code { get; }

    /// <summary>Gets the whole minutes given, or <see langword="null"/> when the segment was given as times.</summary>
    public int? Minutes { get; }

    /// <summary>Gets the start time of day, or <see langword="null"/> when the segment was given as minutes.</summary>
    public LocalTime? Start { get; }

    /// <summary>Gets the end time of day, or <see langword="null"/> when the segment was given as minutes.</summary>
    public LocalTime? End { get; }

    /// <summary>Gets the start date, when the segment was given as <see cref="LocalDateTime"/> values.</summary>
    public LocalDate? StartDate { get; }

    /// <summary>Gets the end date, when the segment was given as <see cref="LocalDateTime"/> values.</summary>
    public LocalDate? EndDate { get; }

    /// <summary>Gets the modifiers recorded on the segment (for example GP, or 59 on a distinct block).</summary>
    /// <value>The default value is an empty array.</value>
    public ImmutableArray<Modifier> Modifiers { get; init; } = [];

    /// <summary>Gets a value indicating whether the segment has a start and an end.</summary>
    public bool HasTimes => Start.HasValue;

    /// <summary>Creates a segment of whole minutes.</summary>
    /// <param name="code">The code.</param>
    /// <param name="minutes">The minutes of direct one-on-one time; zero or more.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is negative.</exception>
    public static TreatmentSegment FromMinutes(CptCode code, int minutes)
    {
        Guard.NotDefault(code);
        Guard.NotNegative(minutes);
        return new TreatmentSegment(code, minutes, null, null, null, null);
    }

    /// <summary>Creates a segment from a start and an end time on the date of service.</summary>
    /// <param name="code">The code.</param>
    /// <param name="start">The start time.</param>
    /// <param name="end">The end time.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is the default value.</exception>
    public static TreatmentSegment FromTimes(CptCode code, LocalTime start, LocalTime end)
    {
        Guard.NotDefault(code);
        return new TreatmentSegment(code, null, start, end, null, null);
    }

    /// <summary>Creates a segment from a start and an end date and time.</summary>
    /// <param name="code">The code.</param>
    /// <param name="start">The start.</param>
    /// <param name="end">The end.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentException"><paramref name="code"/> is the default value.</exception>
    public static TreatmentSegment FromTimes(CptCode code, LocalDateTime start, LocalDateTime end)
    {
        Guard.NotDefault(code);
        return new TreatmentSegment(code, null, start.TimeOfDay, end.TimeOfDay, start.Date, end.Date);
    }

    /// <summary>
    /// Creates a segment with every field at once, for readers (one object, not a copy per <c>with</c>); the same
    /// checks and normalization as <see cref="FromMinutes"/>, <see cref="FromTimes(CptCode, LocalTime, LocalTime)"/>
    /// and the init accessors.
    /// </summary>
    internal static TreatmentSegment Create(CptCode code, int? minutes, LocalTime? start, LocalTime? end, ImmutableArray<Modifier> modifiers, string? region, ProviderRole? furnishedBy, int? assistantMinutes)
    {
        Guard.NotDefault(code);
        if (minutes is int m)
        {
            Guard.NotNegative(m);
        }

        return new TreatmentSegment(code, minutes, minutes is null ? start : null, minutes is null ? end : null, null, null)
        {
            Modifiers = modifiers,
            Region = region,
            FurnishedBy = furnishedBy,
            AssistantMinutes = assistantMinutes,
        };
    }

    /// <summary>Gets the segment's exact duration, or <see langword="null"/> when its times are invalid (end before start).</summary>
    /// <returns>The duration.</returns>
    public Duration? GetDuration()
    {
        if (Minutes is int minutes)
        {
            return Duration.FromMinutes(minutes);
        }

        var (start, end) = Anchor(new LocalDate(2000, 1, 1));
        return end >= start ? end.InUtc().ToInstant() - start.InUtc().ToInstant() : null;
    }

    /// <summary>Describes the segment in the invariant culture, without patient data.</summary>
    /// <returns>The text, such as <c>97535 09:00:00-09:20:00</c> or <c>97535 20 min</c>.</returns>
    public override string ToString() => Minutes is int m
        ? string.Create(CultureInfo.InvariantCulture, $"{Code} {m} min")
        : $"{Code} {FormatTime(Start!.Value)}-{FormatTime(End!.Value)}";

    /// <summary>Gets the start and end as date-times, placing time-of-day segments on <paramref name="dateOfService"/>.</summary>
    internal (LocalDateTime Start, LocalDateTime End) Anchor(LocalDate dateOfService) =>
        (Start!.Value.On(StartDate ?? dateOfService), End!.Value.On(EndDate ?? StartDate ?? dateOfService));

    internal static string FormatTime(LocalTime time) =>
        LocalTimePattern.ExtendedIso.Format(time);
}
