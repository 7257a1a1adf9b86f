using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Documentation.NoteFixtures;

namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>Properties of the documentation checks.</summary>
public sealed class DocumentationPropertyTests
{
    /// <summary>The removable elements of a complete note: each removes one element (the complete value restores it).</summary>
    private static readonly Func<TreatmentNote, TreatmentNote>[] Removals =
    [
        n => n with { DateOfService = null },
        n => n with { TotalTimedMinutes = null },
        n => n with { TotalTreatmentMinutes = null },
        n => n with { Signature = null },
        n => n with { Signature = n.Signature is null ? null : n.Signature with { Credentials = null } },
        n => n.WithIntervention(i => i with { Task = null }),
        n => n.WithIntervention(i => i with { AssistanceBefore = null }),
        n => n.WithIntervention(i => i with { AssistanceAfter = null }),
        n => n.WithIntervention(i => i with { CompensatoryStrategy = null }),
        n => n.WithIntervention(i => i with { AdaptiveEquipment = null }),
        n => n.WithIntervention(i => i with { SafetyInstruction = null }),
        n => n.WithIntervention(i => i with { PatientResponse = null }),
        n => n.WithIntervention(i => i with { GoalIds = [] }),
        n => n.WithIntervention(i => i with { OneOnOne = null }),
        n => n.WithIntervention(i => i with { AbleToFollowInstructions = null }),
        n => n.WithIntervention(i => i with { Narrative = null }),
    ];

    private static readonly Gen<bool[]> Masks = Gen.ArrayOf(Gen.Elements(true, false), Removals.Length);

    private static TreatmentNote Apply(bool[] mask)
    {
        var note = Complete();
        for (int i = 0; i < Removals.Length; i++)
        {
            if (mask[i])
            {
                note = Removals[i](note);
            }
        }

        return note;
    }

    private static int Errors(TreatmentNote note) => Check(note).Count(d => d.Severity == Severity.Error);

    [Property(MaxTest = 1000)]
    public Property Validate_AddingARequiredElement_NeverAddsAnError() =>
        Prop.ForAll(Masks.ToArbitrary(), Gen.Choose(0, Removals.Length - 1).ToArbitrary(), (mask, k) =>
        {
            var without = (bool[])mask.Clone();
            without[k] = true;
            var with = (bool[])mask.Clone();
            with[k] = false;
            var errorsWithout = Check(Apply(without)).Where(d => d.Severity == Severity.Error).Select(d => d.Id + d.Path).ToHashSet();
            var errorsWith = Check(Apply(with)).Where(d => d.Severity == Severity.Error).Select(d => d.Id + d.Path);
            return errorsWith.All(errorsWithout.Contains) && Errors(Apply(with)) <= Errors(Apply(without));
        });

    private static readonly Gen<int[]> Permutations =
        Gen.Shuffle(Enumerable.Range(0, 4).ToArray()).Select(a => a.ToArray());

    [Property(MaxTest = 300)]
    public Property Validate_FindingsDoNotDependOnInputOrder() =>
        Prop.ForAll(Permutations.ToArbitrary(), Masks.ToArbitrary(), (order, mask) =>
        {
            var days = Weekdays(Dos.PlusDays(-20), 12);
            var reports = new[]
            {
                new ProgressReport(Dos.PlusDays(-15), ClinicianRole.Assistant),
                new ProgressReport(Dos.PlusDays(-18), ClinicianRole.Therapist),
                new ProgressReport(Dos.PlusDays(-3), ClinicianRole.Assistant),
                new ProgressReport(Dos.PlusDays(-1), ClinicianRole.Therapist),
            };
            var goals = new[] { new FunctionalGoal("STG1"), new FunctionalGoal("LTG1"), new FunctionalGoal("LTG2"), new FunctionalGoal("STG2") };
            var note = Apply(mask) with { Goals = [.. goals], Episode = new EpisodeContext { TreatmentDays = [.. days], ProgressReports = [.. reports] } };
            var shuffled = note with
            {
                Goals = [.. order.Select(i => goals[i])],
                Episode = note.Episode with { TreatmentDays = [.. Enumerable.Reverse(days)], ProgressReports = [.. order.Select(i => reports[i])] },
            };
            // Paths name input positions, so they move with the input; the findings themselves must not change.
            var a = Check(note).Select(d => d.Id + " " + d.Severity + " " + d.Message).Order(StringComparer.Ordinal);
            var b = Check(shuffled).Select(d => d.Id + " " + d.Severity + " " + d.Message).Order(StringComparer.Ordinal);
            return a.SequenceEqual(b);
        });

    private static readonly Gen<ProgressReport> AnyReport =
        from offset in Gen.Choose(-160, 5)
        from role in Gen.Elements<ClinicianRole?>(ClinicianRole.Therapist, ClinicianRole.Therapist, ClinicianRole.Assistant, ClinicianRole.Physician, null)
        from coverage in Gen.Elements<int?>(null, null, 0, -3, 4)
        select new ProgressReport(Dos.PlusDays(offset), role) { PeriodEnd = coverage is int c ? Dos.PlusDays(offset + c) : null };

    /// <summary>Treatment days and reports on both sides of the stack and sorting bounds (64 days, 32 reports), sorted or not.</summary>
    private static readonly Gen<EpisodeContext> Episodes =
        from dayCount in Gen.Frequency((3, Gen.Choose(0, 20)), (2, Gen.Choose(60, 66)), (1, Gen.Choose(100, 150)))
        from offsets in Gen.ArrayOf(Gen.Choose(-200, 3), dayCount)
        from reportCount in Gen.Frequency((3, Gen.Choose(0, 5)), (1, Gen.Choose(30, 45)))
        from reports in Gen.ArrayOf(AnyReport, reportCount)
        from sortReports in Gen.Elements(true, false)
        from first in Gen.Elements<int?>(null, -200, -30, 1)
        select new EpisodeContext
        {
            FirstTreatmentDate = first is int f ? Dos.PlusDays(f) : null,
            TreatmentDays = [.. offsets.Select(o => Dos.PlusDays(o))],
            ProgressReports = sortReports ? [.. reports.OrderBy(r => r.CoversThrough).ThenBy(r => r.Date)] : [.. reports],
        };

    /// <summary>
    /// The check's own preparation of the clock (days and reports on the stack or pooled, sorted in place or not, the
    /// last report found) against the public schedule. Both walk the periods with <c>ReportingPeriodWalker</c>, so this
    /// does not test the walk itself: ProgressReportScheduleTests' sourced examples do.
    /// </summary>
    [Property(MaxTest = 400)]
    public Property Validate_ProgressClock_MatchesTheSchedule() =>
        Prop.ForAll(Episodes.ToArbitrary(), Gen.Elements(0, 7).ToArbitrary(), (episode, window) =>
        {
            var context = Context() with { Requirements = DocumentationRequirementSet.Medicare with { ProgressReportLateDays = window } };
            var actual = Check(Complete() with { Episode = episode }, context)
                .Where(d => d.Id is DiagnosticIds.ProgressReportOverdue or DiagnosticIds.ProgressReportDue)
                .Select(d => d.Id + " " + string.Join(",", d.Arguments.Select(a => a.Name + "=" + a.Value)))
                .Order(StringComparer.Ordinal).ToList();
            return actual.SequenceEqual(ExpectedClockFindings(episode, window)).Label(string.Join("\n", actual));
        });

    /// <summary>The clock findings as the public schedule computes them: every unreported period after the last reported one.</summary>
    private static IEnumerable<string> ExpectedClockFindings(EpisodeContext episode, int window)
    {
        var days = episode.TreatmentDays.Append(Dos).Concat(episode.FirstTreatmentDate is LocalDate f ? [f] : []).Where(d => d <= Dos);
        var schedule = ProgressReportSchedule.Compute(days, episode.ProgressReports.Where(r => r.Date <= Dos), window);
        int lastReported = -1;
        for (int p = 0; p < schedule.Periods.Length; p++)
        {
            lastReported = schedule.Periods[p].Report is null ? lastReported : p;
        }

        var found = new List<string>();
        foreach (var period in schedule.Periods.Skip(lastReported + 1))
        {
            if (period is { Status: ReportingPeriodStatus.NotReported, End: LocalDate end })
            {
                var deadline = end.PlusDays(window);
                string id = Dos > deadline ? DiagnosticIds.ProgressReportOverdue : DiagnosticIds.ProgressReportDue;
                found.Add(id + " " + string.Join(",", new[] { ("start", period.Start), ("end", end), ("deadline", deadline), ("date", Dos) }.Select(a => a.Item1 + "=" + Iso(a.Item2))));
            }
        }

        return found.Order(StringComparer.Ordinal);
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
