using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

/// <summary>
/// CQ/CO unit counts (CPM ch. 5 §20.1 [H]; de minimis per billed unit, CY 2020/2022 PFS [M]): the units billed with
/// CQ/CO must equal the units the per-unit decision says need it.
/// </summary>
public sealed class AssistantUnitCountTests
{
    private static readonly LocalDate Dos = new(2025, 6, 2);

    private static Encounter Medicare(params TreatmentSegment[] segments) =>
        Encounter(Dos, segments) with { PayerId = "medicare", Discipline = Discipline.PhysicalTherapy };

    private static string[] AssistantIds(EncounterReport report) => [.. report.Diagnostics
        .Where(d => d.Id is DiagnosticIds.AssistantModifierMissing or DiagnosticIds.AssistantModifierUnsupported
            or DiagnosticIds.AssistantUnitsTooFew or DiagnosticIds.AssistantUnitsTooMany)
        .Select(d => d.Id)];

    [Fact]
    public void Check_IssueExample_TwoOfThreeUnitsNeedCq_BilledOne_TooFew()
    {
        // 97110: PT 15 min + PTA 30 min = 45 min = 3 units; 1 full therapist unit, 2 full assistant units -> 2 need CQ.
        var encounter = Medicare(Therapist(C97110, 15), Assistant(C97110, 30)) with
        {
            BilledLines = [Line(C97110, 2, "GP"), Line(C97110, 1, "GP", "CQ")],
        };
        var report = ComplianceEngine.Check(encounter);
        var d = Single(report, DiagnosticIds.AssistantUnitsTooFew);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(("2", "1", "3", "CQ"), (d.GetArgument("needed"), d.GetArgument("billed"), d.GetArgument("units"), d.GetArgument("modifier")));
        Assert.Equal("97110 GP ×1 and 97110 GP CQ ×2", d.GetArgument("fix"));
        Assert.Contains("bill 97110 GP ×1 and 97110 GP CQ ×2", d.Message, StringComparison.Ordinal);
        Assert.Equal(["TBR414"], AssistantIds(report));
    }

    [Fact]
    public void Check_EveryUnitMarkedCqWhenTwoNeedIt_TooMany()
    {
        var encounter = Medicare(Therapist(C97110, 15), Assistant(C97110, 30)) with
        {
            BilledLines = [Line(C97110, 3, "GP", "CQ")],
        };
        var report = ComplianceEngine.Check(encounter);
        var d = Single(report, DiagnosticIds.AssistantUnitsTooMany);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(("2", "3"), (d.GetArgument("needed"), d.GetArgument("billed")));
        Assert.Equal("97110 GP ×1 and 97110 GP CQ ×2", d.GetArgument("fix"));
        Assert.Equal(["TBR415"], AssistantIds(report));
    }

    [Fact]
    public void Check_SplitAsDecided_Clean()
    {
        var encounter = Medicare(Therapist(C97110, 15), Assistant(C97110, 30)) with
        {
            BilledLines = [Line(C97110, 1, "GP"), Line(C97110, 2, "GP", "CQ")],
        };
        Assert.Empty(AssistantIds(ComplianceEngine.Check(encounter)));
    }

    [Fact]
    public void Check_AllUnitsNeedCq_FixNamesOnlyTheCqLine()
    {
        var encounter = Medicare(Assistant(C97110, 30)) with { BilledLines = [Line(C97110, 1, "GP"), Line(C97110, 1, "GP", "CQ")] };
        Assert.Equal("97110 GP CQ ×2", Single(ComplianceEngine.Check(encounter), DiagnosticIds.AssistantUnitsTooFew).GetArgument("fix"));
    }

    [Fact]
    public void Check_OtUnits_CountsCoWithGo()
    {
        var encounter = Encounter(Dos, Therapist(C97530, 15), Assistant(C97530, 30)) with
        {
            PayerId = "medicare",
            Discipline = Discipline.OccupationalTherapy,
            BilledLines = [Line(C97530, 3, "GO", "CO")],
        };
        Assert.Equal("97530 GO ×1 and 97530 GO CO ×2", Single(ComplianceEngine.Check(encounter), DiagnosticIds.AssistantUnitsTooMany).GetArgument("fix"));
    }

    [Fact]
    public void Check_NoBilledLines_NoCountFinding()
    {
        // Computed lines carry one modifier set for all units: there is no per-unit billing to count.
        var encounter = Medicare(Therapist(C97110, 15), Assistant(C97110, 30) with { Modifiers = [Modifier.GP, Modifier.CQ] });
        var report = ComplianceEngine.Check(encounter);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id is DiagnosticIds.AssistantUnitsTooFew or DiagnosticIds.AssistantUnitsTooMany);
    }

    /// <summary>
    /// For random PT/PTA splits of one code and every count of units billed with CQ, the findings agree with the
    /// per-unit decision: none when the count equals it, TBR410 when none is billed, TBR414 when fewer, TBR415 when
    /// more, TBR411 when CQ is billed and no unit needs it.
    /// </summary>
    [Property(MaxTest = 400)]
    public Property Check_CountFindingsAgreeWithThePerUnitDecision() =>
        Prop.ForAll(Gen.Choose(0, 60).ToArbitrary(), Gen.Choose(0, 60).ToArbitrary(), Gen.Choose(0, 8).ToArbitrary(), (therapist, assistant, cqSeed) =>
        {
            TreatmentSegment[] segments = [Therapist(C97110, therapist), Assistant(C97110, assistant)];
            var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
            var decision = AssistantRules.Decide(segments, units, Discipline.PhysicalTherapy).SingleOrDefault();
            int total = decision?.Units ?? 0;
            if (total == 0)
            {
                return true.ToProperty();
            }

            int cq = cqSeed % (total + 1);
            var lines = new List<BilledLine>();
            if (total - cq > 0)
            {
                lines.Add(Line(C97110, total - cq, "GP"));
            }

            if (cq > 0)
            {
                lines.Add(Line(C97110, cq, "GP", "CQ"));
            }

            var ids = AssistantIds(ComplianceEngine.Check(Medicare(segments) with { BilledLines = [.. lines] }));
            int needed = decision!.AssistantUnits;
            string[] expected = cq == needed ? []
                : cq == 0 ? [DiagnosticIds.AssistantModifierMissing]
                : needed == 0 ? [DiagnosticIds.AssistantModifierUnsupported]
                : cq < needed ? [DiagnosticIds.AssistantUnitsTooFew]
                : [DiagnosticIds.AssistantUnitsTooMany];
            return ids.SequenceEqual(expected)
                .Label($"t={therapist} a={assistant} units={total} needed={needed} cq={cq}: {string.Join(",", ids)}");
        });
}
