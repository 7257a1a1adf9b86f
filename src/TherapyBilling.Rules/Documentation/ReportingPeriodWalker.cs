using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>One period as <see cref="ReportingPeriodWalker"/> finds it; <paramref name="ReportIndex"/> is into the counted reports, -1 for none.</summary>
internal readonly record struct PeriodStep(LocalDate Start, LocalDate? End, int TreatmentDays, int ReportIndex, ReportingPeriodStatus Status);

/// <summary>
/// The progress-report clock of <see cref="ProgressReportSchedule"/>, one period at a time and without allocating:
/// the schedule builds its records from the steps, the documentation check reads the steps directly.
/// </summary>
/// <remarks>
/// Takes the treatment days sorted and distinct, the counted reports (no assistant's, none null) sorted by
/// <see cref="ProgressReport.CoversThrough"/> then <see cref="ProgressReport.Date"/> (stable), and a cleared flag per report.
/// </remarks>
internal ref struct ReportingPeriodWalker
{
    private readonly ReadOnlySpan<LocalDate> _days;
    private readonly ReadOnlySpan<ProgressReport> _reports;
    private readonly Span<bool> _used;
    private readonly int _lateReportDays;
    private int _next;

    public ReportingPeriodWalker(ReadOnlySpan<LocalDate> days, ReadOnlySpan<ProgressReport> reports, Span<bool> used, int lateReportDays)
    {
        _days = days;
        _reports = reports;
        _used = used;
        _lateReportDays = lateReportDays;
        _next = 0;
    }

    /// <summary>Finds the next period.</summary>
    /// <returns><see langword="false"/> after the last one.</returns>
    public bool MoveNext(out PeriodStep step)
    {
        step = default;
        int i = _next;
        if (i >= _days.Length)
        {
            return false;
        }

        var start = _days[i];
        LocalDate? tenth = i + ProgressReportSchedule.TreatmentDaysPerPeriod - 1 < _days.Length ? _days[i + ProgressReportSchedule.TreatmentDaysPerPeriod - 1] : null;
        int r = FindReport(start, tenth);
        if (r >= 0)
        {
            _used[r] = true;
            var report = _reports[r];
            var end = report.CoversThrough;
            var status = report.Date <= end ? ReportingPeriodStatus.Reported
                : report.Date <= CalendarMath.PlusDays(end, _lateReportDays) ? ReportingPeriodStatus.ReportedLate
                : ReportingPeriodStatus.ReportedTooLate;
            int next = i;
            while (next < _days.Length && _days[next] <= end)
            {
                next++;
            }

            step = new PeriodStep(start, end, next - i, r, status);
            _next = next;
        }
        else if (tenth is LocalDate last)
        {
            int late = FindLateReport(last);
            var status = ReportingPeriodStatus.NotReported;
            if (late >= 0)
            {
                _used[late] = true;
                status = ReportingPeriodStatus.ReportedLate;
            }

            step = new PeriodStep(start, last, ProgressReportSchedule.TreatmentDaysPerPeriod, late, status);
            _next = i + ProgressReportSchedule.TreatmentDaysPerPeriod;
        }
        else
        {
            step = new PeriodStep(start, null, _days.Length - i, -1, ReportingPeriodStatus.Open);
            _next = _days.Length;
        }

        return true;
    }

    /// <summary>The first unused report whose coverage ends inside [start, tenth].</summary>
    private readonly int FindReport(LocalDate start, LocalDate? tenth)
    {
        for (int r = 0; r < _reports.Length; r++)
        {
            var through = _reports[r].CoversThrough;
            if (!_used[r] && through >= start && (tenth is null || through <= tenth.Value))
            {
                return r;
            }
        }

        return -1;
    }

    /// <summary>The first unused report written within the late window after the period's 10th day that covers beyond it: the late report.</summary>
    /// <remarks>A report written later than that does not rescue the period; it ends the period it falls in instead.</remarks>
    private readonly int FindLateReport(LocalDate end)
    {
        for (int r = 0; r < _reports.Length; r++)
        {
            if (!_used[r] && _reports[r].CoversThrough > end && _reports[r].Date > end && _reports[r].Date <= CalendarMath.PlusDays(end, _lateReportDays))
            {
                return r;
            }
        }

        return -1;
    }
}
