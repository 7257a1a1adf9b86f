using System.Text;
using TherapyBilling.Rules.Tests.Support;
using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Compliance;

public sealed class PayerFindingsSnapshotTests
{
    private static string Render(EncounterReport report)
    {
        var text = new StringBuilder();
        text.Append(report.Id).Append(' ').Append(report.DateOfService.ToString("yyyy-MM-dd", null)).Append(" method ").Append(report.Method).Append('\n');
        foreach (var d in report.Diagnostics)
        {
            text.Append("  ").Append(d).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public void Check_MedicareTelehealthVisitWithAssistantKxAndAuthorization_Findings()
    {
        var encounter = new Encounter("visit-13", new LocalDate(2026, 3, 27),
        [
            Therapist(C97535, 35),
            Assistant(C97535, 10),
            TreatmentSegment.FromMinutes(C97110, 20) with { AssistantMinutes = 2 },
        ])
        {
            PayerId = "medicare",
            Discipline = Discipline.PhysicalTherapy,
            IsTelehealth = true,
            PlaceOfService = "11",
            AllowedAmount = 180m,
            KxYearToDateAllowed = 2900m,
            Authorization = new Authorization("AUTH-1", 12, new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 29)),
            AuthorizationVisitsUsed = 12,
            BilledLines = [Line(C97535, 3, "GP"), Line(C97110, 1, "CQ")],
        };
        Snapshot.Verify(Render(ComplianceEngine.Check(encounter)));
    }

    [Fact]
    public void Check_CleanMedicareVisit_OnlyInfoFindings()
    {
        var encounter = new Encounter("clean", new LocalDate(2025, 6, 2), [Therapist(C97535, 35), Assistant(C97535, 10)])
        {
            PayerId = "medicare",
            Discipline = Discipline.PhysicalTherapy,
            IsTelehealth = true,
            PlaceOfService = "10",
            AllowedAmount = 90m,
            KxYearToDateAllowed = 2500m,
            BilledLines = [Line(C97535, 2, "GP", "95", "KX"), Line(C97535, 1, "GP", "CQ", "95", "KX")],
        };
        var report = ComplianceEngine.Check(encounter);
        Snapshot.Verify(Render(report));
        Assert.False(report.HasAtLeast(Severity.Warning));
    }
}
