namespace TherapyBilling.Rules.Tests.Compliance;

/// <summary>Issue 12: one record that cannot be checked never stops a batch.</summary>
public sealed class ComplianceEngineBatchTests
{
    private static readonly LocalDate Dos = new(2026, 3, 2);

    private static Encounter Enc(string id) => new(id, Dos, [TreatmentSegment.FromMinutes(C97535, 23)]);

    [Fact]
    public void CheckAll_OneEncounterThrows_ItGetsTbr015AndTheOthersAreChecked()
    {
        var encounters = new[] { Enc("a"), Enc("boom"), Enc("c") };
        var reports = ComplianceEngine.CheckAll(
            encounters,
            null,
            (e, o) => e.Id == "boom" ? throw new OverflowException("secret input 12345") : ComplianceEngine.Check(e, o)).ToList();

        Assert.Equal(new[] { "a", "boom", "c" }, reports.Select(r => r.Id));
        Assert.Equal(2, reports[0].Units.TotalUnits);
        Assert.Equal(2, reports[2].Units.TotalUnits);
        var failed = reports[1];
        var finding = Assert.Single(failed.Diagnostics);
        Assert.Equal(DiagnosticIds.InternalError, finding.Id);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.True(failed.HasErrors);
        Assert.Empty(failed.Lines);
        Assert.Contains("OverflowException", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("12345", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_Public_ChecksEveryEncounterInOrder()
    {
        var reports = ComplianceEngine.CheckAll([Enc("x"), Enc("y")]).ToList();
        Assert.Equal(new[] { "x", "y" }, reports.Select(r => r.Id));
        Assert.All(reports, r => Assert.DoesNotContain(r.Diagnostics, d => d.Id == DiagnosticIds.InternalError));
    }

    [Fact]
    public void CheckAll_NullItem_IsMisuse()
    {
        Assert.Throws<ArgumentNullException>(() => ComplianceEngine.CheckAll([Enc("x"), null!]).ToList());
    }
}
