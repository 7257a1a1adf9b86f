namespace TherapyBilling.Rules.Tests.Compliance;

public sealed class ComplianceEngineTests
{
    private static readonly LocalDate Dos = new(2026, 3, 2);

    [Fact]
    public void Check_ComputesLinesInInputOrderWithModifiers()
    {
        var encounter = new Encounter("enc-1", Dos,
        [
            TreatmentSegment.FromMinutes(C97535, 10) with { Modifiers = [Modifier.GO] },
            TreatmentSegment.FromMinutes(C97530, 20),
            TreatmentSegment.FromMinutes(C97535, 13),
        ]);
        var report = ComplianceEngine.Check(encounter);
        Assert.Equal("enc-1", report.Id);
        Assert.Equal(UnitMethod.Cms, report.Method);
        Assert.Equal(new[] { "97535", "97530" }, report.Lines.Select(l => l.Code.Value));
        Assert.Equal(new[] { 2, 1 }, report.Lines.Select(l => l.Units));
        Assert.Equal(Modifier.GO, Assert.Single(report.Lines[0].Modifiers));
    }

    [Fact]
    public void Check_EncounterMethodOverridesTheDefault()
    {
        var encounter = new Encounter("enc-2", Dos, [TreatmentSegment.FromMinutes(C97535, 8), TreatmentSegment.FromMinutes(C97530, 8)]) { Method = UnitMethod.Ama };
        Assert.Equal(2, ComplianceEngine.Check(encounter).Units.TotalUnits);
        Assert.Equal(1, ComplianceEngine.Check(encounter with { Method = null }).Units.TotalUnits);
    }

    [Fact]
    public void Check_BilledUnitsDiffer_Error()
    {
        var encounter = new Encounter("enc-3", Dos, [TreatmentSegment.FromMinutes(C97535, 20)])
        {
            BilledLines = [new BilledLine(C97535, 2)],
        };
        var report = ComplianceEngine.Check(encounter);
        var d = Assert.Single(report.Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        Assert.Equal("lines[0].units", d.Path);
        Assert.Equal("2", d.GetArgument("billed"));
        Assert.Equal("1", d.GetArgument("computed"));
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Check_BilledCodeWithoutSegments_Error()
    {
        var encounter = new Encounter("enc-4", Dos, [TreatmentSegment.FromMinutes(C97535, 20)])
        {
            BilledLines = [new BilledLine(C97535, 1), new BilledLine(C97530, 1)],
        };
        var report = ComplianceEngine.Check(encounter);
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.BilledCodeWithoutMinutes && d.Path == "lines[1].code");
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
    }

    [Fact]
    public void Check_SegmentOffTheDateOfService_Error()
    {
        var start = new LocalDateTime(2026, 3, 3, 9, 0);
        var report = ComplianceEngine.Check(new Encounter("enc-5", Dos, [TreatmentSegment.FromTimes(C97535, start, start.PlusMinutes(15))]));
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.SegmentOffDateOfService);
    }

    [Fact]
    public void DescribeReferenceData_NamesTheCatalog()
    {
        var tables = ComplianceOptions.Default.DescribeReferenceData();
        Assert.Contains(tables, t => t.Name == "codeCatalog" && t.Version == CodeCatalog.Default.Version);
    }

    [Fact]
    public void Check_EncounterWithNothingToCheck_IsAnErrorNotAPass()
    {
        // "No data is not a pass": no segments, no billed lines, no documentation.
        var report = ComplianceEngine.Check(new Encounter("enc-empty", Dos, []));

        Assert.True(report.HasErrors);
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.InputNothingToCheck && d.Severity == Severity.Error);
    }

    [Fact]
    public void Check_EncounterWithOnlyBilledLines_IsNotNothingToCheck()
    {
        var report = ComplianceEngine.Check(new Encounter("enc-lines", Dos, []) { BilledLines = [new BilledLine(C97535, 1, [Modifier.GO])] });

        Assert.DoesNotContain(report.Diagnostics, d => d.Id == DiagnosticIds.InputNothingToCheck);
    }
}
