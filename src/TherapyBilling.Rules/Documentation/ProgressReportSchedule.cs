using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Where a progress-report period stands.</summary>
public enum ReportingPeriodStatus
{
    /// <summary>The period is still running: fewer than 10 treatment days and no report yet.</summary>
    Open = 1,

    /// <summary>A clinician's report ended the period, written by its end.</summary>
    Reported = 2,

    /// <summary>The period ended on its 10th treatment day; the report came within the late window the caller allowed (none by default).</summary>
    ReportedLate = 3,

    /// <summary>The report covering the period was written after the period ended and after any late window.</summary>
    ReportedTooLate = 4,

    /// <summary>The period ended on its 10th treatment day and no clinician report covers it.</summary>
    NotReported = 5,
}

/// <summary>One progress-report period: at most 10 treatment days (BPM ch. 15 §220.3 D).</summary>
/// <param name="Start">The period's first treatment day.</param>
/// <param name="End">The period's last day (the report's date or the 10th treatment day), or <see langword="null"/> while open.</param>
/// <param name="TreatmentDays">The treatment days in the period.</param>
/// <param name="Report">The clinician report that covers the period, if any.</param>
/// <param name="Status">Where the period stands.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ReportingPeriod(LocalDate Start, LocalDate? End, int TreatmentDays, ProgressReport? Report, ReportingPeriodStatus Status)
{
    /// <summary>Gets the calendar days after the period's end within which a late report was allowed when the schedule was computed.</summary>
    /// <value>The default value is 0: the rule text (BPM ch. 15 §220.3 D) has no late window.</value>
    public int LateReportDays { get; init; }

    /// <summary>Gets the last day the period's report is accepted (<see cref="End"/> plus <see cref="LateReportDays"/>), or <see langword="null"/> while open.</summary>
    public LocalDate? LateDeadline => End is LocalDate end ? CalendarMath.PlusDays(end, LateReportDays) : null;

    /// <summary>Gets the treatment days left before a report is required (0 when the period has ended).</summary>
    public int TreatmentDaysRemaining => End.HasValue ? 0 : ProgressReportSchedule.TreatmentDaysPerPeriod - TreatmentDays;
}

/// <summary>
/// The progress-report clock of an episode (BPM ch. 15 §220.3 D): from the treatment days and the reports written,
/// the reporting periods and when each report is due.
/// </summary>
/// <remarks>
/// <para>The rule: the first period starts on the episode's first treatment day. A period ends on the date a
/// clinician's report covers through, or on its 10th treatment day, whichever comes first; the next treatment day
/// starts the next period. A report is due by the end of its period. The rule text has no late window; a caller may
/// allow one (<c>lateReportDays</c>; BPM ch. 15 §220.3 B lets contractors require entry within 1 week, so
/// <see cref="ContractorEntryWindowDays"/> is a policy choice [L], not §220.3 D). Days without a visit are not treatment
/// days. Reports by an assistant (PTA/OTA) do not count.</para>
/// <para>Each report is used by at most one period: a report written within the late window after a period ended on its
/// 10th day is that period's late report and does not also end the next period; a report written later leaves that
/// period <see cref="ReportingPeriodStatus.NotReported"/> and ends the period it falls in. A report whose coverage ends
/// before the current period starts is ignored.</para>
/// <para>Pure and thread-safe. Inputs in any order give the same schedule.</para>
/// </remarks>
/// <example><code>
/// // Manual example: treated weekdays from Mon Oct 1; optional report Oct 5.
/// var schedule = ProgressReportSchedule.Compute(weekdays, [new ProgressReport(new LocalDate(2018, 10, 5), ClinicianRole.Therapist)]);
/// // schedule.Periods[1]: Start Oct 8, End Oct 19 (10 treatment days), due by Oct 19 (Oct 26 with a 7-day window).
/// </code></example>
public sealed class ProgressReportSchedule
{
    /// <summary>The most treatment days a period may span.</summary>
    public const int TreatmentDaysPerPeriod = 10;

    /// <summary>
    /// The 1-week window some contractors use for entering notes and reports (BPM ch. 15 §220.3 B: "contractors may
    /// require" entry within 1 week) [L]: pass it as <c>lateReportDays</c> to allow a late report that long.
    /// </summary>
    public const int ContractorEntryWindowDays = 7;

    private ProgressReportSchedule(ImmutableArray<ReportingPeriod> periods) => Periods = periods;

    /// <summary>Gets the periods, in date order; the last one may be open.</summary>
    public ImmutableArray<ReportingPeriod> Periods { get; }

    /// <summary>Gets the last period, or <see langword="null"/> when there is no treatment day.</summary>
    public ReportingPeriod? Current => Periods.IsEmpty ? null : Periods[^1];

    /// <summary>Computes the schedule as the rule text has it: no late window.</summary>
    /// <param name="treatmentDays">The episode's treatment days (evaluation, re-evaluation or treatment), in any order; duplicates are ignored.</param>
    /// <param name="reports">The progress reports written; those by an assistant are ignored.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ProgressReportSchedule Compute(IEnumerable<LocalDate> treatmentDays, IEnumerable<ProgressReport> reports) =>
        Compute(treatmentDays, reports, 0);

    /// <summary>Computes the schedule with a late window.</summary>
    /// <param name="treatmentDays">The episode's treatment days (evaluation, re-evaluation or treatment), in any order; duplicates are ignored.</param>
    /// <param name="reports">The progress reports written; those by an assistant are ignored.</param>
    /// <param name="lateReportDays">The calendar days after a period's end within which a late report still counts for it (0 for none; <see cref="ContractorEntryWindowDays"/> for the contractor option).</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lateReportDays"/> is negative.</exception>
    public static ProgressReportSchedule Compute(IEnumerable<LocalDate> treatmentDays, IEnumerable<ProgressReport> reports, int lateReportDays)
    {
        Guard.NotNull(treatmentDays);
        Guard.NotNull(reports);
        ArgumentOutOfRangeException.ThrowIfNegative(lateReportDays);
        var days = treatmentDays.Distinct().Order().ToArray();
        var counted = reports
            .Where(static r => r is not null && r.AuthorRole != ClinicianRole.Assistant)
            .OrderBy(static r => r.CoversThrough)
            .ThenBy(static r => r.Date)
            .ToArray();
        var periods = ImmutableArray.CreateBuilder<ReportingPeriod>();
        var walker = new ReportingPeriodWalker(days, counted, new bool[counted.Length], lateReportDays);
        while (walker.MoveNext(out var step))
        {
            var report = step.ReportIndex >= 0 ? counted[step.ReportIndex] : null;
            periods.Add(new ReportingPeriod(step.Start, step.End, step.TreatmentDays, report, step.Status) { LateReportDays = lateReportDays });
        }

        return new ProgressReportSchedule(periods.ToImmutable());
    }
}
