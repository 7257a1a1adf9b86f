using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

public sealed class PtpEditTableTests
{
    [Fact]
    public void Default_IsVersionedAndEveryRowHasSourceAndConfidence()
    {
        var table = PtpEditTable.Default;
        Assert.Equal("2026.1-tbr.1", table.Version);
        Assert.Equal("embedded:ptp-edits.tsv", table.Source);
        Assert.True(table.Count >= 10);
        Assert.All(table.Edits, e =>
        {
            Assert.Matches(@"\[(H|M|L)", e.Source);
            Assert.NotEmpty(e.Rationale);
        });
    }

    [Theory]
    [InlineData("97140", "97530")]
    [InlineData("97530", "97535")]
    [InlineData("97530", "97116")]
    [InlineData("97150", "97535")]
    [InlineData("97530", "97164")]
    [InlineData("97535", "97168")]
    public void Default_HasTheReferencePairs_ColumnTwoAsInTheReference(string c1, string c2)
    {
        var edit = PtpEditTable.Default.FindInForce(CptCode.Parse(c1), CptCode.Parse(c2), Dos);
        Assert.NotNull(edit);
        Assert.Equal(ModifierIndicator.Allowed, edit.Indicator);
        Assert.Null(PtpEditTable.Default.FindInForce(CptCode.Parse(c2), CptCode.Parse(c1), Dos));
    }

    [Theory]
    [InlineData("97110", "97535")]
    [InlineData("97112", "97535")]
    [InlineData("97110", "97112")]
    public void Default_NoEditWhereTheReferenceFoundNone(string a, string b) =>
        Assert.Null(PtpEditTable.Default.FindPairInForce(CptCode.Parse(a), CptCode.Parse(b), Dos));

    [Fact]
    public void FindInForce_PicksTheRowWhoseWindowHoldsTheDate()
    {
        var early = Edit(C97140, C97530, ModifierIndicator.NotAllowed, new LocalDate(2019, 1, 1), new LocalDate(2020, 4, 1));
        var late = Edit(C97140, C97530, ModifierIndicator.Allowed, new LocalDate(2020, 10, 1));
        var table = PtpEditTable.Create("t", "t", [late, early]); // rows are kept packed: lookups return equal rows, not the same instances

        Assert.Null(table.FindInForce(C97140, C97530, new LocalDate(2018, 12, 31)));
        Assert.Equal(early, table.FindInForce(C97140, C97530, new LocalDate(2019, 1, 1)));
        Assert.Equal(early, table.FindInForce(C97140, C97530, new LocalDate(2020, 3, 31)));
        Assert.Null(table.FindInForce(C97140, C97530, new LocalDate(2020, 4, 1))); // deletion date is exclusive
        Assert.Null(table.FindInForce(C97140, C97530, new LocalDate(2020, 9, 30)));
        Assert.Equal(late, table.FindInForce(C97140, C97530, new LocalDate(2020, 10, 1)));
        Assert.Equal(late, table.FindPairInForce(C97530, C97140, new LocalDate(2030, 1, 1)));
        Assert.Equal(2, table.GetRows(C97140, C97530).Length);
    }

    [Fact]
    public void Load_LibraryFormat_ReadsVersionAndRows()
    {
        const string text = "# version: 7\n97140\t97530\t20200101\t*\t1\tr\ts [M]\n97530\t97535\t20200101\t20240101\t0\tr\ts [L]\n";
        var table = PtpEditTable.Load(new StringReader(text), "mine.tsv");
        Assert.Equal("7", table.Version);
        Assert.Equal(2, table.Count);
        Assert.Null(table.FindInForce(C97530, C97535, new LocalDate(2024, 1, 1)));
        Assert.Equal(ModifierIndicator.NotAllowed, table.FindInForce(C97530, C97535, new LocalDate(2023, 12, 31))!.Indicator);
    }

    [Theory]
    [InlineData("97140\t97530\t20200101\t*\t1\tr", "expected 7")]
    [InlineData("97140\t97530\t2020-01-01\t*\t1\tr\ts", "effective date")]
    [InlineData("97140\t97530\t20200101\t*\t2\tr\ts", "modifier indicator")]
    [InlineData("9714\t97530\t20200101\t*\t1\tr\ts", "column 1")]
    [InlineData("97140\t97140\t20200101\t*\t1\tr\ts", "same code")]
    [InlineData("97140\t97530\t20200101\t20190101\t1\tr\ts", "before the effective date")]
    public void Load_LibraryFormat_MalformedRow_ThrowsNamingTheLine(string row, string problem)
    {
        var ex = Assert.Throws<ReferenceDataException>(() => PtpEditTable.Load(new StringReader("# version: 1\n\n" + row + "\n"), "bad.tsv"));
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal("bad.tsv", ex.SourceName);
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void Without_RemovesRows()
    {
        var table = PtpEditTable.Default.Without(e => e.Column1 == C97140 && e.Column2 == C97530);
        Assert.Null(table.FindInForce(C97140, C97530, Dos));
        Assert.Equal(PtpEditTable.Default.Count - 1, table.Count);
        Assert.EndsWith("+custom", table.Version);
    }

    [Fact]
    public void PtpEdit_Misuse_Throws()
    {
        Assert.Throws<ArgumentException>(() => Edit(C97140, C97140, ModifierIndicator.Allowed));
        Assert.Throws<ArgumentException>(() => Edit(C97140, C97530, (ModifierIndicator)5));
        Assert.Throws<ArgumentException>(() => Edit(C97140, C97530, ModifierIndicator.Allowed, new LocalDate(2020, 1, 2), new LocalDate(2020, 1, 1)));
        Assert.Throws<ArgumentException>(() => Edit(default, C97530, ModifierIndicator.Allowed));
    }
}
