namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>The example of docs/code-separation.md, kept compiling and true.</summary>
public sealed class CodeSeparationDocsTests
{
    [Fact]
    public void DocsExample_SplitBlocks_FixThenBypass()
    {
        var date = new LocalDate(2025, 3, 3);
        var c97140 = CptCode.Parse("97140");
        var c97530 = CptCode.Parse("97530");
        TreatmentSegment[] segments =
        [
            TreatmentSegment.FromTimes(c97140, new LocalTime(9, 0), new LocalTime(9, 10)),
            TreatmentSegment.FromTimes(c97530, new LocalTime(9, 10), new LocalTime(9, 25)),
            TreatmentSegment.FromTimes(c97140, new LocalTime(9, 25), new LocalTime(9, 30)),
        ];
        BilledLine[] lines = [new(c97140, 1, [Modifier.GP]), new(c97530, 1, [Modifier.GP])];

        var result = CodePairCheck.Check(SeparationInput.FromBilledLines(date, segments, lines, Discipline.PhysicalTherapy));
        Assert.Equal(PairStatus.Failed, result.Outcomes[0].Status);
        Assert.Equal("lines[1]: error TBR303", result.Diagnostics[0].ToString()[..22]);
        Assert.StartsWith("lines[1] 97530: add XU (TBR303) - the segment times show distinct intervals", result.Fixes[0].ToString());

        var fixedLines = new[] { lines[0], new BilledLine(c97530, 1, [Modifier.GP, Modifier.XU]) };
        var after = CodePairCheck.Check(SeparationInput.FromBilledLines(date, segments, fixedLines, Discipline.PhysicalTherapy));
        Assert.Equal(PairStatus.Bypassed, after.Outcomes[0].Status);
        Assert.Empty(after.Diagnostics);
    }

    [Fact]
    public void DocsExample_LoadCmsWithTherapyCodes_CompilesAndFilters()
    {
        var therapyCodes = CodeCatalog.Default.Entries.Select(e => e.Code).ToHashSet();
        const string file = "Column1\tColumn 2\n97140\t97530\t\t20200101\t*\t1\tr\n99212\t99213\t\t20200101\t*\t1\tr\n";
        var table = PtpEditTable.LoadCms(new StringReader(file), "f1.txt", therapyCodes);
        var options = ComplianceOptions.Default with { PairTable = table };
        Assert.Equal(1, options.PairTable.Count);
    }
}
