using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

public sealed class MethodResolutionTests
{
    private static readonly PayerProfile Commercial = new("acme", "Acme") { Method = UnitMethod.Ama };

    [Fact]
    public void Resolve_EncounterMethod_WinsOverPayerAndDefault()
    {
        var r = MethodResolution.Resolve(UnitMethod.Cms, Commercial, UnitMethod.Ama);
        Assert.Equal((UnitMethod.Cms, MethodSource.Encounter, "acme"), (r.Method, r.Source, r.PayerId));
    }

    [Fact]
    public void Resolve_NoEncounterMethod_TakesPayerMethod()
    {
        var r = MethodResolution.Resolve(null, Commercial, UnitMethod.Cms);
        Assert.Equal((UnitMethod.Ama, MethodSource.PayerProfile), (r.Method, r.Source));
        Assert.Equal("payerProfile", r.SourceName);
    }

    [Fact]
    public void Resolve_PayerWithoutMethod_FallsBackToDefault()
    {
        var r = MethodResolution.Resolve(null, new PayerProfile("x", "X"), UnitMethod.Ama);
        Assert.Equal((UnitMethod.Ama, MethodSource.Default), (r.Method, r.Source));
    }

    [Fact]
    public void Check_CommercialPayer_UsesAmaAndNamesThePayerProfile()
    {
        // CMS pools 7+7+7 = 21 minutes into 1 unit; AMA gives 0 per code (rules-reference §2 test vectors).
        var encounter = Encounter(new LocalDate(2025, 3, 3), Therapist(C97110, 7), Therapist(C97140, 7), Therapist(C97530, 7)) with { PayerId = "commercial" };
        var report = ComplianceEngine.Check(encounter);
        Assert.Equal(UnitMethod.Ama, report.Method);
        Assert.Equal(0, report.Units.TotalUnits);
        var resolved = Single(report, DiagnosticIds.PayerMethodResolved);
        Assert.Equal("payer profile", resolved.GetArgument("source"));
        Assert.Equal("AMA", resolved.GetArgument("method"));
        Assert.Equal(MethodSource.PayerProfile, ComplianceEngine.ResolveMethodSource(encounter).Source);
    }

    [Fact]
    public void Check_EncounterOverride_BeatsCommercialPayer()
    {
        var encounter = Encounter(new LocalDate(2025, 3, 3), Therapist(C97110, 7), Therapist(C97140, 7), Therapist(C97530, 7))
            with { PayerId = "commercial", Method = UnitMethod.Cms };
        var report = ComplianceEngine.Check(encounter);
        Assert.Equal(UnitMethod.Cms, report.Method);
        Assert.Equal(1, report.Units.TotalUnits);
        Assert.Equal("encounter (case override)", Single(report, DiagnosticIds.PayerMethodResolved).GetArgument("source"));
    }

    [Fact]
    public void Check_NoPayer_UsesDefaultAndReportsNoPayerFinding()
    {
        var encounter = Encounter(new LocalDate(2025, 3, 3), Therapist(C97535, 23));
        var report = ComplianceEngine.Check(encounter, ComplianceOptions.Default with { DefaultMethod = UnitMethod.Ama });
        Assert.Equal(UnitMethod.Ama, report.Method);
        Assert.DoesNotContain(report.Diagnostics, d => d.Descriptor.Category == "Payers");
        Assert.Equal(MethodSource.Default, ComplianceEngine.ResolveMethodSource(encounter).Source);
    }

    [Fact]
    public void Check_DefaultPayerId_AppliesWhenEncounterNamesNone()
    {
        var encounter = Encounter(new LocalDate(2025, 3, 3), Therapist(C97535, 23));
        var report = ComplianceEngine.Check(encounter, ComplianceOptions.Default with { DefaultPayerId = "commercial" });
        Assert.Equal(UnitMethod.Ama, report.Method);
    }

    [Fact]
    public void Check_UnknownPayer_WarnsAndUsesDefault()
    {
        var encounter = Encounter(new LocalDate(2025, 3, 3), Therapist(C97535, 23)) with { PayerId = "nobody" };
        var report = ComplianceEngine.Check(encounter);
        var d = Single(report, DiagnosticIds.UnknownPayer);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("payer", d.Path);
        Assert.Equal(UnitMethod.Cms, report.Method);
    }

    [Fact]
    public void Check_MedicareRequiresDisciplineModifier_FlagsLineWithoutGp()
    {
        var encounter = Encounter(new LocalDate(2025, 3, 3), Therapist(C97535, 30)) with
        {
            PayerId = "medicare",
            BilledLines = [Line(C97535, 2)],
        };
        var d = Single(ComplianceEngine.Check(encounter), DiagnosticIds.DisciplineModifierMissing);
        Assert.Equal("lines[0]", d.Path);
        Assert.Equal(Severity.Error, d.Severity);

        var fixedEncounter = encounter with { BilledLines = [Line(C97535, 2, "GP")] };
        Assert.DoesNotContain(ComplianceEngine.Check(fixedEncounter).Diagnostics, x => x.Id == DiagnosticIds.DisciplineModifierMissing);
    }

    [Fact]
    public void Check_PayerThatDoesNotRequireDisciplineModifiers_SkipsTheCheck()
    {
        var encounter = Encounter(new LocalDate(2025, 3, 3), Therapist(C97535, 30)) with
        {
            PayerId = "commercial",
            BilledLines = [Line(C97535, 2)],
        };
        Assert.DoesNotContain(ComplianceEngine.Check(encounter).Diagnostics, x => x.Id == DiagnosticIds.DisciplineModifierMissing);
    }

    [Fact]
    public void DescribeReferenceData_ListsPayerTables()
    {
        var names = ComplianceOptions.Default.DescribeReferenceData().Select(t => t.Name).ToArray();
        Assert.Contains("payerProfiles", names);
        Assert.Contains("kxThresholds", names);
        Assert.Contains("appealAmountInControversy", names);
    }
}
