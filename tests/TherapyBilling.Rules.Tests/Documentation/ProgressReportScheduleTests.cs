using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Documentation.NoteFixtures;

namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>The progress-report clock (BPM ch. 15 §220.3 D; rules reference §3.3).</summary>
public sealed class ProgressReportScheduleTests
{
    private static readonly LocalDate Oct1 = new(2018, 10, 1); // a Monday, as in the manual

    [Fact]
    public void Compute_ManualExample_OptionalReportOct5_NextPeriodOct8To19()
    {
        var days = Weekdays(Oct1, 20);
        var schedule = ProgressReportSchedule.Compute(days, [new ProgressReport(new LocalDate(2018, 10, 5), ClinicianRole.Therapist)]);

        var first = schedule.Periods[0];
        Assert.Equal(Oct1, first.Start);
        Assert.Equal(new LocalDate(2018, 10, 5), first.End);
        Assert.Equal(5, first.TreatmentDays);
        Assert.Equal(ReportingPeriodStatus.Reported, first.Status);

        var second = schedule.Periods[1];
        Assert.Equal(new LocalDate(2018, 10, 8), second.Start);
        Assert.Equal(new LocalDate(2018, 10, 19), second.End);
        Assert.Equal(10, second.TreatmentDays);
        Assert.Equal(ReportingPeriodStatus.NotReported, second.Status);
        Assert.Equal(new LocalDate(2018, 10, 19), second.LateDeadline); // rule text: due by the period's end, no late window
        var withWindow = ProgressReportSchedule.Compute(days, [new ProgressReport(new LocalDate(2018, 10, 5), ClinicianRole.Therapist)], ProgressReportSchedule.ContractorEntryWindowDays);
        Assert.Equal(new LocalDate(2018, 10, 26), withWindow.Periods[1].LateDeadline);
        Assert.Equal(7, withWindow.Periods[1].LateReportDays);
    }

    [Fact]
    public void Compute_Default_NoLateWindow_ReportAfterTheTenthDayDoesNotRescueThePeriod()
    {
        // BPM ch. 15 §220.3 D: a report at least once every 10 treatment days; the 1-week entry window is a
        // contractor option (§220.3 B) [L], off by default.
        var days = Weekdays(Oct1, 12);
        var schedule = ProgressReportSchedule.Compute(days, [new ProgressReport(new LocalDate(2018, 10, 15), ClinicianRole.Therapist)]);
        Assert.Equal(new LocalDate(2018, 10, 12), schedule.Periods[0].End);
        Assert.Equal(ReportingPeriodStatus.NotReported, schedule.Periods[0].Status);
        Assert.Equal(0, schedule.Periods[0].LateReportDays);
    }

    [Fact]
    public void Compute_NegativeLateWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgressReportSchedule.Compute(Weekdays(Oct1, 3), [], -1));

    [Fact]
    public void Compute_WithContractorWindow_PeriodEndsOnTenthTreatmentDay_LateAllowedSevenDays()
    {
        var days = Weekdays(Oct1, 12);
        const int Window = ProgressReportSchedule.ContractorEntryWindowDays;
        var late = ProgressReportSchedule.Compute(days, [new ProgressReport(new LocalDate(2018, 10, 19), ClinicianRole.Therapist)], Window);
        Assert.Equal(new LocalDate(2018, 10, 12), late.Periods[0].End);
        Assert.Equal(ReportingPeriodStatus.ReportedLate, late.Periods[0].Status);
        Assert.Equal(new LocalDate(2018, 10, 15), late.Periods[1].Start);
        Assert.Equal(ReportingPeriodStatus.Open, late.Periods[1].Status);
        Assert.Equal(8, late.Periods[1].TreatmentDaysRemaining);

        var tooLate = ProgressReportSchedule.Compute(days, [new ProgressReport(new LocalDate(2018, 10, 20), ClinicianRole.Therapist)], Window);
        Assert.Equal(ReportingPeriodStatus.NotReported, tooLate.Periods[0].Status);
    }

    [Fact]
    public void Compute_AssistantReport_DoesNotCount()
    {
        var schedule = ProgressReportSchedule.Compute(Weekdays(Oct1, 10), [new ProgressReport(new LocalDate(2018, 10, 5), ClinicianRole.Assistant)]);
        Assert.Single(schedule.Periods);
        Assert.Equal(ReportingPeriodStatus.NotReported, schedule.Periods[0].Status);
    }

    [Fact]
    public void Validate_VisitBilledPastLateDeadline_Overdue()
    {
        var days = Weekdays(Oct1, 16); // the 16th weekday is Oct 22; period 1 ended Oct 12; with the 7-day option the window closed Oct 19
        var visit = days[^1];
        var note = Complete() with
        {
            DateOfService = visit,
            Episode = new EpisodeContext { TreatmentDays = [.. days], ProgressReports = [new ProgressReport(new LocalDate(2018, 10, 3), ClinicianRole.Assistant)] },
        };
        var withWindow = new DocumentationCheckContext(visit, NoteFixtures.Units())
        {
            Requirements = DocumentationRequirementSet.Medicare with { ProgressReportLateDays = ProgressReportSchedule.ContractorEntryWindowDays },
        };
        var findings = DocumentationCheck.Validate(note, withWindow);
        var d = Assert.Single(findings, d => d.Id == DiagnosticIds.ProgressReportOverdue);
        Assert.Equal("2018-10-01", d.GetArgument("start"));
        Assert.Equal("2018-10-12", d.GetArgument("end"));
        Assert.Equal("2018-10-19", d.GetArgument("deadline"));
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains(findings, d => d.Id == DiagnosticIds.AssistantProgressReport && d.Path == "documentation.episode.progressReports[0].authorRole");
    }

    [Fact]
    public void Validate_VisitWithinContractorLateWindow_ReportDueWarning()
    {
        var days = Weekdays(Oct1, 12); // Oct 16 is within Oct 12 + 7
        var visit = days[^1];
        var note = Complete() with { DateOfService = visit, Episode = new EpisodeContext { TreatmentDays = [.. days] } };
        var context = new DocumentationCheckContext(visit, NoteFixtures.Units())
        {
            Requirements = DocumentationRequirementSet.Medicare with { ProgressReportLateDays = 7 },
        };
        var findings = DocumentationCheck.Validate(note, context);
        var d = Assert.Single(findings, d => d.Id == DiagnosticIds.ProgressReportDue);
        Assert.Equal((Severity.Warning, "2018-10-19"), (d.Severity, d.GetArgument("deadline")));
        Assert.DoesNotContain(findings, d => d.Id == DiagnosticIds.ProgressReportOverdue);
    }

    [Fact]
    public void Validate_Default_VisitAfterTheTenthTreatmentDayWithoutReport_Overdue()
    {
        // Default (rule text, BPM ch. 15 §220.3 D): no late window, so the 11th treatment day without a report is past due.
        var days = Weekdays(Oct1, 11);
        var visit = days[^1];
        var note = Complete() with { DateOfService = visit, Episode = new EpisodeContext { TreatmentDays = [.. days] } };
        var findings = DocumentationCheck.Validate(note, new DocumentationCheckContext(visit, NoteFixtures.Units()));
        var d = Assert.Single(findings, d => d.Id == DiagnosticIds.ProgressReportOverdue);
        Assert.Equal(("2018-10-12", "2018-10-12"), (d.GetArgument("end"), d.GetArgument("deadline")));
    }

    [Fact]
    public void Validate_Default_VisitOnTheTenthTreatmentDayWithoutReport_DueWarning()
    {
        var days = Weekdays(Oct1, 10);
        var visit = days[^1];
        var note = Complete() with { DateOfService = visit, Episode = new EpisodeContext { TreatmentDays = [.. days] } };
        var findings = DocumentationCheck.Validate(note, new DocumentationCheckContext(visit, NoteFixtures.Units()));
        Assert.Equal(Severity.Warning, Assert.Single(findings, d => d.Id == DiagnosticIds.ProgressReportDue).Severity);
    }

    [Fact]
    public void RequirementSet_LateWindow_DefaultsToZero_AndRejectsNegative()
    {
        Assert.Equal(0, DocumentationRequirementSet.Medicare.ProgressReportLateDays);
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentationRequirementSet.Medicare with { ProgressReportLateDays = -1 });
    }

    // ---- property: the schedule agrees with a naive day-by-day simulation ----

    /// <summary>Day-by-day reference: count treatment days, end a period on a report or the 10th day; a report within the late window after an unreported period is its late report.</summary>
    private static List<(LocalDate Start, LocalDate? End, int Days, ReportingPeriodStatus Status)> Naive(HashSet<LocalDate> days, IReadOnlyList<LocalDate> reports, int window)
    {
        var result = new List<(LocalDate Start, LocalDate? End, int Days, ReportingPeriodStatus Status)>();
        if (days.Count == 0)
        {
            return result;
        }

        var first = days.Min();
        var last = days.Max();
        foreach (var r in reports)
        {
            last = r > last ? r : last;
        }

        LocalDate? start = null;
        int count = 0;
        int pending = -1; // index in result of an unreported period whose late window is open
        for (var d = first; d <= last.PlusDays(window + 1); d = d.PlusDays(1))
        {
            if (pending >= 0 && d > result[pending].End!.Value.PlusDays(window))
            {
                pending = -1;
            }

            if (days.Contains(d))
            {
                start ??= d;
                count++;
            }

            bool endedByReport = false;
            foreach (var r in reports.Where(r => r == d))
            {
                if (pending >= 0)
                {
                    result[pending] = result[pending] with { Status = ReportingPeriodStatus.ReportedLate };
                    pending = -1;
                }
                else if (start is not null && !endedByReport)
                {
                    result.Add((start.Value, d, count, ReportingPeriodStatus.Reported));
                    start = null;
                    count = 0;
                    endedByReport = true;
                }
            }

            if (start is not null && count == 10)
            {
                result.Add((start.Value, d, 10, ReportingPeriodStatus.NotReported));
                pending = result.Count - 1;
                start = null;
                count = 0;
            }
        }

        if (start is not null)
        {
            result.Add((start.Value, null, count, ReportingPeriodStatus.Open));
        }

        return result;
    }

    private static readonly Gen<(HashSet<LocalDate> Days, List<LocalDate> Reports)> Calendars =
        from visits in Gen.ListOf(Gen.Choose(0, 70))
        from reports in Gen.ListOf(Gen.Choose(0, 75))
        select (visits.Select(v => Oct1.PlusDays(v)).ToHashSet(), reports.Select(r => Oct1.PlusDays(r)).ToList());

    [Property(MaxTest = 3000)]
    public Property Compute_RandomCalendars_AgreesWithNaiveDayByDaySimulation() =>
        Prop.ForAll(Calendars.ToArbitrary(), Gen.Elements(0, 3, 7).ToArbitrary(), (c, window) =>
        {
            // The naive walk starts at the first treatment day; reports before it cannot count in either.
            var schedule = ProgressReportSchedule.Compute(c.Days, c.Reports.Select(r => new ProgressReport(r, ClinicianRole.Therapist)), window);
            var expected = Naive(c.Days, c.Reports, window);
            var actual = schedule.Periods.Select(p => (p.Start, p.End, p.TreatmentDays, p.Status)).ToList();
            return expected.SequenceEqual(actual);
        });

    [Property(MaxTest = 300)]
    public Property Compute_InputOrder_DoesNotMatter() =>
        Prop.ForAll(Calendars.ToArbitrary(), c =>
        {
            var reports = c.Reports.Select(r => new ProgressReport(r, ClinicianRole.Therapist)).ToList();
            var a = ProgressReportSchedule.Compute(c.Days, reports).Periods;
            var b = ProgressReportSchedule.Compute(c.Days.Reverse(), Enumerable.Reverse(reports)).Periods;
            return a.SequenceEqual(b);
        });
}
