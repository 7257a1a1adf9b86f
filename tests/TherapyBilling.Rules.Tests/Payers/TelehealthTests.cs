using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

public sealed class TelehealthTests
{
    private static Encounter Tele(LocalDate date, string? pos, params string[] modifiers) =>
        Encounter(date, Therapist(C97535, 30)) with
        {
            PayerId = "medicare",
            Discipline = Discipline.PhysicalTherapy,
            IsTelehealth = true,
            PlaceOfService = pos,
            BilledLines = [Line(C97535, 2, modifiers)],
        };

    private static string[] TelehealthIds(Encounter e) =>
        [.. ComplianceEngine.Check(e).Diagnostics.Where(d => d.Id.StartsWith("TBR43", StringComparison.Ordinal)).Select(d => d.Id)];

    [Theory]
    [InlineData("02")]
    [InlineData("10")]
    public void Check_MedicareTelehealthWithPosAnd95_Clean(string pos) =>
        Assert.Empty(TelehealthIds(Tele(new LocalDate(2025, 6, 2), pos, "GP", "95")));

    [Fact]
    public void Check_OfficePlaceOfService_Tbr430()
    {
        var d = Single(ComplianceEngine.Check(Tele(new LocalDate(2025, 6, 2), "11", "GP", "95")), DiagnosticIds.TelehealthPlaceOfService);
        Assert.Equal(("placeOfService", "11"), (d.Path, d.GetArgument("pos")));
    }

    [Fact]
    public void Check_MissingPlaceOfService_Tbr430() =>
        Assert.Equal([DiagnosticIds.TelehealthPlaceOfService], TelehealthIds(Tele(new LocalDate(2025, 6, 2), null, "GP", "95")));

    [Fact]
    public void Check_Missing95_Tbr431() =>
        Assert.Equal([DiagnosticIds.TelehealthModifierMissing], TelehealthIds(Tele(new LocalDate(2025, 6, 2), "10", "GP")));

    [Theory]
    [InlineData(2026, 1, 30, false)] // last day of the Congressional extension
    [InlineData(2020, 2, 29, true)]  // before the PHE list
    public void Check_CodeAllowedByDate_Tbr432(int y, int m, int d, bool flagged) =>
        Assert.Equal(flagged, TelehealthIds(Tele(new LocalDate(y, m, d), "10", "GP", "95")).Contains(DiagnosticIds.TelehealthCodeNotAllowed));

    [Theory]
    [InlineData(2026, 1, 31)] // the day after the last date the shipped list knows
    [InlineData(2027, 6, 1)]
    public void Check_AfterTheListsLastKnownDate_NotCheckedWarningNeverError(int y, int m, int d)
    {
        var report = ComplianceEngine.Check(Tele(new LocalDate(y, m, d), "10", "GP", "95"));
        var finding = Single(report, DiagnosticIds.TelehealthListOutOfDate);
        Assert.Equal((Severity.Warning, "2026-01-30", "medicare"), (finding.Severity, finding.GetArgument("through"), finding.GetArgument("payer")));
        Assert.DoesNotContain(report.Diagnostics, x => x.Id == DiagnosticIds.TelehealthCodeNotAllowed);
        Assert.DoesNotContain(report.Diagnostics, x => x.Id.StartsWith("TBR43", StringComparison.Ordinal) && x.Severity == Severity.Error);
    }

    [Fact]
    public void Check_AfterTheListsLastKnownDate_PlaceOfServiceAndModifierStillChecked() =>
        Assert.Equal(
            [DiagnosticIds.TelehealthPlaceOfService, DiagnosticIds.TelehealthModifierMissing, DiagnosticIds.TelehealthListOutOfDate],
            TelehealthIds(Tele(new LocalDate(2026, 3, 2), "11", "GP")).Order(StringComparer.Ordinal));

    [Fact]
    public void Policy_KnownThrough_IsTheLatestEndDate_OrNullWhenOpenEnded()
    {
        var closed = new TelehealthPolicy
        {
            RestrictCodes = true,
            Codes = [new TelehealthCode(C97535, null, new LocalDate(2024, 12, 31), "t"), new TelehealthCode(C97110, null, new LocalDate(2025, 3, 31), "t")],
        };
        Assert.Equal(new LocalDate(2025, 3, 31), closed.KnownThrough);
        Assert.Null((closed with { Codes = [.. closed.Codes, new TelehealthCode(C97112, null, null, "t")] }).KnownThrough);
        Assert.Null((closed with { RestrictCodes = false }).KnownThrough);
        Assert.Null(new TelehealthPolicy { RestrictCodes = true }.KnownThrough);
    }

    [Theory]
    [InlineData("97542", "GP")] // APTA 2020-04-30 list [M]
    [InlineData("97750", "GP")]
    [InlineData("97755", "GP")]
    [InlineData("97760", "GP")]
    [InlineData("97761", "GP")]
    [InlineData("97165", "GO")]
    [InlineData("92507", "GN")] // SLP treatment (WebPT 2020-04-30 summary of the CMS list) [M]
    [InlineData("92521", "GN")]
    [InlineData("92522", "GN")]
    [InlineData("92523", "GN")]
    [InlineData("92524", "GN")]
    public void Check_CodesTheSourcesList_AllowedByTelehealth(string code, string discipline)
    {
        var c = CptCode.Parse(code);
        var e = Encounter(new LocalDate(2025, 6, 2), Therapist(c, 30)) with
        {
            PayerId = "medicare",
            IsTelehealth = true,
            PlaceOfService = "10",
            BilledLines = [Line(c, 1, discipline, "95")],
        };
        Assert.DoesNotContain(ComplianceEngine.Check(e).Diagnostics, x => x.Id == DiagnosticIds.TelehealthCodeNotAllowed);
    }

    [Fact]
    public void Check_CommercialTemplate_AllowsAnyCode()
    {
        var e = Tele(new LocalDate(2026, 6, 1), "10", "95") with { PayerId = "commercial" };
        Assert.Empty(TelehealthIds(e));
    }

    [Fact]
    public void Check_PayerWithoutTelehealthPolicy_Tbr433()
    {
        var options = ComplianceOptions.Default with
        {
            PayerProfiles = ComplianceOptions.Default.PayerProfiles.With([new PayerProfile("inperson", "In person only")]),
        };
        var e = Tele(new LocalDate(2025, 6, 2), "10", "GP", "95") with { PayerId = "inperson" };
        Assert.Single(ComplianceEngine.Check(e, options).Diagnostics, x => x.Id == DiagnosticIds.TelehealthNotCovered);
    }

    [Fact]
    public void Check_NotTelehealth_NoTelehealthFindings() =>
        Assert.Empty(TelehealthIds(Tele(new LocalDate(2026, 6, 1), "11", "GP") with { IsTelehealth = false }));

    [Fact]
    public void Policy_Allows_RespectsInclusiveDates()
    {
        var policy = new TelehealthPolicy { RestrictCodes = true, Codes = [new TelehealthCode(C97535, new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31), "test")] };
        Assert.True(policy.Allows(C97535, new LocalDate(2024, 1, 1)));
        Assert.True(policy.Allows(C97535, new LocalDate(2024, 12, 31)));
        Assert.False(policy.Allows(C97535, new LocalDate(2025, 1, 1)));
        Assert.False(policy.Allows(C97110, new LocalDate(2024, 6, 1)));
    }
}
