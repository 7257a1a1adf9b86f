namespace TherapyBilling.Rules.Tests.Compliance;

public sealed class ComplianceEngineSeparationTests
{
    private static readonly LocalDate Dos = new(2025, 3, 3);

    private static TreatmentSegment[] Segments(params Modifier[] on97530) =>
    [
        TreatmentSegment.FromTimes(C97140, new LocalTime(9, 0), new LocalTime(9, 10)) with { Modifiers = [Modifier.GP] },
        TreatmentSegment.FromTimes(C97530, new LocalTime(9, 10), new LocalTime(9, 25)) with { Modifiers = [Modifier.GP, .. on97530] },
        TreatmentSegment.FromTimes(C97140, new LocalTime(9, 25), new LocalTime(9, 30)) with { Modifiers = [Modifier.GP] },
    ];

    [Fact]
    public void Check_BilledLines_SeparationFindingsPointAtLines()
    {
        var encounter = new Encounter("e1", Dos, Segments())
        {
            Discipline = Discipline.PhysicalTherapy,
            BilledLines = [new BilledLine(C97140, 1, [Modifier.GP]), new BilledLine(C97530, 1, [Modifier.GP])],
        };
        var report = ComplianceEngine.Check(encounter);
        var d = Assert.Single(report.Diagnostics, d => d.Id.StartsWith("TBR3", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.PairModifierMissing, d.Id);
        Assert.Equal("lines[1]", d.Path);
    }

    [Fact]
    public void Check_NoBilledLines_UsesComputedLinesAndSegmentModifiers()
    {
        var encounter = new Encounter("e2", Dos, Segments(Modifier.XU)) { Discipline = Discipline.PhysicalTherapy };
        var report = ComplianceEngine.Check(encounter);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id.StartsWith("TBR3", StringComparison.Ordinal));

        var missing = ComplianceEngine.Check(new Encounter("e3", Dos, Segments()) { Discipline = Discipline.PhysicalTherapy });
        Assert.Equal("segments[1]", Assert.Single(missing.Diagnostics, d => d.Id == DiagnosticIds.PairModifierMissing).Path);
    }

    [Fact]
    public void Check_PairTableOption_IsUsedAndDescribed()
    {
        var options = ComplianceOptions.Default with { PairTable = PtpEditTable.Empty };
        var encounter = new Encounter("e4", Dos, Segments()) { Discipline = Discipline.PhysicalTherapy };
        Assert.DoesNotContain(ComplianceEngine.Check(encounter, options).Diagnostics, d => d.Id == DiagnosticIds.PairModifierMissing);

        var info = Assert.Single(ComplianceOptions.Default.DescribeReferenceData(), t => t.Name == "pairTable");
        Assert.Equal(PtpEditTable.Default.Version, info.Version);
        Assert.Equal("embedded:ptp-edits.tsv", info.Source);
    }
}
