using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

public sealed class AssistantComplianceTests
{
    private static readonly LocalDate Dos = new(2025, 6, 2);

    private static Encounter Medicare(params TreatmentSegment[] segments) =>
        Encounter(Dos, segments) with { PayerId = "medicare", Discipline = Discipline.PhysicalTherapy };

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Check_ProfileWithAPercentOutOfRange_Misuse(int percent)
    {
        // The engine splits units without the sentences of AssistantRules.Decide, but with its guard: a de minimis
        // percent outside 0-100 from an API-built profile is misuse, as Decide says (CheckAll makes it a TBR015 report).
        Assert.True(ComplianceOptions.Default.PayerProfiles.TryGet("medicare", out var medicare));
        var options = ComplianceOptions.Default with
        {
            PayerProfiles = ComplianceOptions.Default.PayerProfiles.With([medicare with { Assistants = medicare.Assistants! with { DeMinimisPercent = percent } }]),
        };
        var encounter = Medicare(Assistant(C97535, 15)) with { BilledLines = [Line(C97535, 1, "GP", "CQ")] };

        Assert.Throws<ArgumentOutOfRangeException>(() => ComplianceEngine.Check(encounter, options));
    }

    [Fact]
    public void Check_AssistantUnitBilledWithoutCq_Tbr410()
    {
        var encounter = Medicare(Assistant(C97535, 15)) with { BilledLines = [Line(C97535, 1, "GP")] };
        var d = Single(ComplianceEngine.Check(encounter), DiagnosticIds.AssistantModifierMissing);
        Assert.Equal(("lines[0].modifiers", "CQ", "1"), (d.Path, d.GetArgument("modifier"), d.GetArgument("units")));
    }

    [Fact]
    public void Check_AssistantUnitBilledWithGpCq_Clean()
    {
        var encounter = Medicare(Assistant(C97535, 15)) with { BilledLines = [Line(C97535, 1, "GP", "CQ")] };
        Assert.DoesNotContain(ComplianceEngine.Check(encounter).Diagnostics, d => d.Severity >= Severity.Warning);
    }

    [Fact]
    public void Check_CqWithoutAssistantMinutes_Tbr411()
    {
        var encounter = Medicare(Therapist(C97535, 15)) with { BilledLines = [Line(C97535, 1, "GP", "CQ")] };
        Assert.Equal(Severity.Warning, Single(ComplianceEngine.Check(encounter), DiagnosticIds.AssistantModifierUnsupported).Severity);
    }

    [Fact]
    public void Check_CqWithGo_Tbr412EvenWithoutPayer()
    {
        var encounter = Encounter(Dos, Assistant(C97535, 15)) with { BilledLines = [Line(C97535, 1, "GO", "CQ")] };
        var d = Single(ComplianceEngine.Check(encounter), DiagnosticIds.AssistantModifierWrongDiscipline);
        Assert.Equal(("CQ", "GP"), (d.GetArgument("modifier"), d.GetArgument("required")));
    }

    [Fact]
    public void Check_CoWithoutGo_Tbr412()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 15)) with { BilledLines = [Line(C97535, 1, "GP", "CO")] };
        Assert.Equal("GO", Single(ComplianceEngine.Check(encounter), DiagnosticIds.AssistantModifierWrongDiscipline).GetArgument("required"));
    }

    [Fact]
    public void Check_DisciplineFromLineModifier_ChoosesCo()
    {
        var encounter = Encounter(Dos, Assistant(C97535, 15)) with { PayerId = "medicare", BilledLines = [Line(C97535, 1, "GO")] };
        Assert.Equal("CO", Single(ComplianceEngine.Check(encounter), DiagnosticIds.AssistantModifierMissing).GetArgument("modifier"));
    }

    [Fact]
    public void Check_AssistantUnitsWithUnknownDiscipline_Tbr413()
    {
        var encounter = Encounter(Dos, Assistant(C97535, 15)) with { PayerId = "medicare" };
        Assert.Equal("segments[0]", Single(ComplianceEngine.Check(encounter), DiagnosticIds.AssistantDisciplineUnknown).Path);
    }

    [Fact]
    public void Check_BeforeCqCoWereRequired_NoFinding()
    {
        var encounter = new Encounter("E1", new LocalDate(2019, 12, 31), [Assistant(C97535, 15)])
        {
            PayerId = "medicare",
            Discipline = Discipline.PhysicalTherapy,
        };
        Assert.DoesNotContain(ComplianceEngine.Check(encounter).Diagnostics, d => d.Id == DiagnosticIds.AssistantModifierMissing);
    }

    [Fact]
    public void Check_CommercialPayerWithoutAssistantPolicy_NoCqFinding()
    {
        var encounter = Medicare(Assistant(C97535, 15)) with { PayerId = "commercial" };
        Assert.DoesNotContain(ComplianceEngine.Check(encounter).Diagnostics, d => d.Id == DiagnosticIds.AssistantModifierMissing);
    }
}
