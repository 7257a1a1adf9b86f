using System.Text;
using TherapyBilling.Rules.Tests.Support;
using static TherapyBilling.Rules.Tests.Documentation.NoteFixtures;

namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>Golden files of the rendered findings for a corpus of complete and incomplete notes.</summary>
public sealed class DocumentationReportSnapshotTests
{
    private static IEnumerable<(string Name, Encounter Encounter)> Corpus()
    {
        var segments = new[] { TreatmentSegment.FromMinutes(C97535, 30) with { Modifiers = [Modifier.GO] } };
        Encounter E(string id, TreatmentNote note, params BilledLine[] lines) =>
            new(id, Dos, segments) { Documentation = note, BilledLines = [.. lines] };

        yield return ("complete", E("complete", Complete()));
        yield return ("empty note", E("empty", new TreatmentNote()));
        yield return ("unsigned, totals wrong, 3 units billed", E("totals", Complete() with
        {
            Signature = null,
            TotalTimedMinutes = 22,
            TotalTreatmentMinutes = 20,
        }, new BilledLine(C97535, 3, [Modifier.GO])));
        yield return ("97535 bare", E("bare", Complete() with { Interventions = [new NoteIntervention { Code = C97535, Minutes = 30 }] }));
        yield return ("97535 caregiver only, independent, cloned, short", E("flags", Complete().WithIntervention(n => n with
        {
            CaregiverOnly = true,
            AssistanceAfter = new AssistanceLevel("descriptive", "modified independent"),
            GoalIds = ["STG1", "GOAL-X"],
            Narrative = "Dressing training. Tolerated well.",
        }) with { Episode = new EpisodeContext { PreviousNarrative = "dressing training; tolerated WELL" } }));
        yield return ("episode clocks overdue", E("clocks", Complete() with
        {
            Episode = new EpisodeContext
            {
                FirstTreatmentDate = Dos.PlusDays(-95),
                TreatmentDays = [.. Weekdays(Dos.PlusDays(-30), 20)],
                ProgressReports = [new ProgressReport(Dos.PlusDays(-31), ClinicianRole.Assistant)],
                PlanOfCare = new PlanOfCare { VerbalOrderOn = Dos.PlusDays(-90), SignedOn = Dos.PlusDays(-40) },
                PeriodTimedMinutes = 300,
                PeriodTimedUnits = 24,
            },
        }));
    }

    [Fact]
    public void Check_Corpus_RenderedFindings()
    {
        var text = new StringBuilder();
        foreach (var (name, encounter) in Corpus())
        {
            var report = ComplianceEngine.Check(encounter, ComplianceOptions.Default with { Today = Dos });
            text.Append("## ").Append(name).Append(" (").Append(encounter.Id).Append(")\n");
            foreach (var d in report.Diagnostics)
            {
                text.Append(d).Append('\n');
            }

            text.Append('\n');
        }

        Snapshot.Verify(text.ToString());
    }
}
