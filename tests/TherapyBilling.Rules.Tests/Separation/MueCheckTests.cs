namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>MUE per indicator (NCCI ch. 1 §V, rules reference §4.2): MAI 1 per line, MAI 2 and 3 per date of service.</summary>
public sealed class MueCheckTests
{
    private static readonly LocalDate s_dos = new(2026, 2, 2);

    private static readonly MueTable s_table = MueTable.Create("test", "test",
    [
        new MueLimit(C97535, 4, MueAdjudicationIndicator.Line, "Clinical: Data"),
        new MueLimit(C97164, 1, MueAdjudicationIndicator.DateOfServicePolicy, "Code Descriptor / CPT Instruction"),
        new MueLimit(C97110, 6, MueAdjudicationIndicator.DateOfServiceClinical, "Clinical: Data"),
    ]);

    private static Diagnostic[] Check(params MueLine[] lines) => [.. MueCheck.Check(s_dos, lines, s_table)];

    [Fact]
    public void Mai1_UnitsOnOneLineAboveTheLimit_Error()
    {
        var d = Assert.Single(Check(new MueLine(C97535, 5, "lines[0].units")));

        Assert.Equal(DiagnosticIds.MueLineExceeded, d.Id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("lines[0].units", d.Path);
        Assert.Contains("MUE (medically unlikely edit) is 4 units per line (MAI 1", d.Message, StringComparison.Ordinal);
        Assert.Contains("an ABN does not shift liability", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mai1_SplitLinesEachWithinTheLimit_NoFinding()
    {
        Assert.Empty(Check(new MueLine(C97535, 4, "lines[0].units"), new MueLine(C97535, 3, "lines[1].units")));
    }

    [Fact]
    public void Mai1_AtTheLimit_NoFinding() => Assert.Empty(Check(new MueLine(C97535, 4, "lines[0].units")));

    [Fact]
    public void Mai2_DayTotalAboveTheLimit_ErrorSaysAbsolute()
    {
        var d = Assert.Single(Check(new MueLine(C97164, 1, "lines[0].units"), new MueLine(C97164, 1, "lines[1].units")));

        Assert.Equal(DiagnosticIds.MueDateOfServiceExceeded, d.Id);
        Assert.Equal("lines[0].units", d.Path);
        Assert.Contains("2 units on the date of service (2 line(s))", d.Message, StringComparison.Ordinal);
        Assert.Contains("is 1 units per date of service (MAI 2", d.Message, StringComparison.Ordinal);
        Assert.Contains("absolute", d.Message, StringComparison.Ordinal);
        Assert.Contains("an ABN does not shift liability", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mai3_SplitLinesOfOneCodeAddUp_ErrorSaysAppealWithRecords()
    {
        var d = Assert.Single(Check(new MueLine(C97110, 4, "lines[0].units"), new MueLine(C97110, 3, "lines[2].units")));

        Assert.Equal(DiagnosticIds.MueDateOfServiceExceeded, d.Id);
        Assert.Contains("7 units", d.Message, StringComparison.Ordinal);
        Assert.Contains("MAI 3", d.Message, StringComparison.Ordinal);
        Assert.Contains("appeal with records", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mai3_OneLineWithinTheDayLimit_NoFinding() => Assert.Empty(Check(new MueLine(C97110, 6, "lines[0].units")));

    [Fact]
    public void CodeWithoutMue_NoFinding() => Assert.Empty(Check(new MueLine(C97530, 40, "lines[0].units")));

    [Fact]
    public void NoTable_OneNotCheckedInfo_NotOnePerLine()
    {
        var result = MueCheck.Check(s_dos, [new MueLine(C97110, 9, "lines[0].units"), new MueLine(C97535, 9, "lines[1].units")], table: null);

        var d = Assert.Single(result);
        Assert.Equal(DiagnosticIds.MueNotChecked, d.Id);
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Equal(string.Empty, d.Path);
        Assert.Contains("not checked", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_WithoutMueTable_ReportCarriesTheNoticeOnceNotInDiagnostics()
    {
        var encounter = new Encounter("e1", s_dos, [TreatmentSegment.FromMinutes(C97110, 200)]);

        var report = ComplianceEngine.Check(encounter);

        Assert.DoesNotContain(report.Diagnostics, static d => d.Id.StartsWith("TBR31", StringComparison.Ordinal) && d.Id != DiagnosticIds.DisciplineModifierMissing);
        var mue = Assert.Single(report.ReferenceData, static t => t.Name == "mueTable");
        Assert.Equal(DiagnosticIds.MueNotChecked, mue.Notice!.Id);
        Assert.Contains(report.ReferenceData, static t => t.Name == "pairTable" && t.Provenance!.StartsWith("shipped subset", StringComparison.Ordinal));
    }

    [Fact]
    public void Engine_WithMueTable_ComputedUnitsAboveMai3_Error()
    {
        var encounter = new Encounter("e1", s_dos, [TreatmentSegment.FromMinutes(C97110, 120)]); // 8 units
        var options = ComplianceOptions.Default with { MueTable = s_table };

        var report = ComplianceEngine.Check(encounter, options);

        var d = Assert.Single(report.Diagnostics, static d => d.Id == DiagnosticIds.MueDateOfServiceExceeded);
        Assert.Equal("segments[0]", d.Path);
        Assert.Null(Assert.Single(report.ReferenceData, static t => t.Name == "mueTable").Notice);
    }
}
