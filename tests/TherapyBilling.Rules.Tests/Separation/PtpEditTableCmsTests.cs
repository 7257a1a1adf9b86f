using System.Diagnostics;
using System.Globalization;
using System.Text;
using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>The CMS practitioner PTP text layout (rules reference §4.1) on synthetic files.</summary>
public sealed class PtpEditTableCmsTests
{
    private const string Preamble =
        "CPT codes, descriptions and other data only are copyright 2024 American Medical Association. All Rights Reserved.\n" +
        "Applicable FARS\\DFARS Restrictions Apply to Government Use.\n" +
        "\n" +
        "Column1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n" +
        "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n" +
        "\t\t\t\t*=no data\t1=allowed\t\n" +
        "\t\t\t\t\t9=not applicable\t\n";

    private const string Rows =
        "0001A\t0591T\t\t20210101\t*\t1\tMisuse of column two code with column one code\n" +
        "97140\t97530\t*\t19960101\t20000101\t0\tMutually exclusive procedures\n" +
        "97140\t97530\t\t20000101\t*\t1\tMutually exclusive procedures\n" +
        "97530\t97535\t\t20040101\t*\t1\tStandards of medical / surgical practice\n" +
        "99212\t97110\t\t20100101\t20100101\t9\tCPT Manual or CMS manual coding instructions\n";

    private static PtpEditTable Load(string text, IReadOnlySet<CptCode>? keep = null) =>
        PtpEditTable.LoadCms(new StringReader(text), "ccipra-test-f1.txt", keep);

    [Fact]
    public void LoadCms_SkipsPreamble_ReadsTabsStarDatesAndIndicators()
    {
        var table = Load(Preamble + Rows);

        Assert.Equal(4, table.Count); // 0001A/0591T: Category III / PLA codes are skipped
        Assert.Equal("ccipra-test-f1.txt", table.Source);
        Assert.Equal("ccipra-test", table.Version); // the release name: the part name without extension and -fN
        var open = table.FindInForce(C97140, C97530, Dos)!;
        Assert.Null(open.DeletionDate);
        Assert.Equal(ModifierIndicator.Allowed, open.Indicator);
        Assert.Equal("Mutually exclusive procedures", open.Rationale);
        var nine = table.GetRows(CptCode.Parse("99212"), C97110)[0];
        Assert.Equal(ModifierIndicator.NotApplicable, nine.Indicator);
        Assert.False(nine.IsInForceOn(new LocalDate(2010, 1, 1)));
    }

    [Fact]
    public void LoadCms_RepeatedPairWithDisjointDates_RowInForceOnTheDate()
    {
        var table = Load(Preamble + Rows);
        Assert.Equal(2, table.GetRows(C97140, C97530).Length);
        Assert.Equal(ModifierIndicator.NotAllowed, table.FindInForce(C97140, C97530, new LocalDate(1999, 12, 31))!.Indicator);
        Assert.Equal(ModifierIndicator.Allowed, table.FindInForce(C97140, C97530, new LocalDate(2000, 1, 1))!.Indicator);
        Assert.Null(table.FindInForce(C97140, C97530, new LocalDate(1995, 12, 31)));
    }

    [Fact]
    public void LoadCms_SharesRationaleStrings()
    {
        var rows = Load(Preamble + Rows).GetRows(C97140, C97530);
        Assert.Same(rows[0].Rationale, rows[1].Rationale);
    }

    [Fact]
    public void LoadCms_KeepOnlyCodes_KeepsPairsInvolvingThem()
    {
        var table = Load(Preamble + Rows, new HashSet<CptCode> { C97535 });
        var edit = Assert.Single(table.Edits);
        Assert.Equal(C97530, edit.Column1);
        Assert.Equal(C97535, edit.Column2);
    }

    [Fact]
    public void LoadCms_CrLfLineEndings_AreRead()
    {
        var table = Load((Preamble + Rows).Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(4, table.Count);
    }

    [Theory]
    [InlineData("97140\t97530\t\t20200101\t*\t1", "expected 7")]
    [InlineData("97140\t97530\t\t2020011\t*\t1\tr", "effective date")]
    [InlineData("97140\t97530\t\t20200230\t*\t1\tr", "effective date")]
    [InlineData("97140\t97530\t\t20200101\tnever\t1\tr", "deletion date")]
    [InlineData("97140\t97530\t\t20200101\t*\t3\tr", "modifier indicator")]
    [InlineData("97140\t97530\tX\t20200101\t*\t1\tr", "prior to 1996")]
    [InlineData("97140\t975-0\t\t20200101\t*\t1\tr", "five-character codes")]
    [InlineData("97140\t97530\t\t20200101\t20190101\t1\tr", "before the effective date")]
    [InlineData("97140\t97530\t\t20200101\t*\t1\tr\textra", "more than 7")]
    [InlineData("Column1\tColumn 2\t*\tEffective\tDeletion\tModifier\tPTP Edit Rationale", "five-character codes")]
    public void LoadCms_MalformedRowAfterData_ThrowsNamingTheLine(string row, string problem)
    {
        string text = Preamble + Rows + row + "\n";
        int expectedLine = text.Split('\n').Length - 1;
        var ex = Assert.Throws<ReferenceDataException>(() => Load(text));
        Assert.Equal(expectedLine, ex.LineNumber);
        Assert.Equal("ccipra-test-f1.txt", ex.SourceName);
        Assert.Contains(problem, ex.Message);
        Assert.StartsWith($"ccipra-test-f1.txt:{expectedLine}: ", ex.Message);
    }

    [Fact]
    public void LoadCms_TrailingEmptyFields_AreAccepted()
    {
        var table = Load(Preamble + "97140\t97530\t\t20200101\t*\t1\tr\t\t\n");
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void LoadCms_FullSizeFile_LoadsEveryRowAndFilters()
    {
        const int rowCount = 1_200_000;
        string path = Path.Combine(Path.GetTempPath(), $"ccipra-synthetic-{Guid.NewGuid():N}.txt");
        try
        {
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16))
            {
                writer.Write(Preamble);
                writer.Write("97140\t97530\t\t20200101\t*\t1\tMutually exclusive procedures\n");
                for (int i = 0; i < rowCount; i++)
                {
                    int col1 = 10000 + (i / 20);
                    int col2 = 80000 + (i % 20);
                    writer.Write(col1.ToString(CultureInfo.InvariantCulture));
                    writer.Write('\t');
                    writer.Write(col2.ToString(CultureInfo.InvariantCulture));
                    writer.Write(i % 3 == 0 ? "\t*\t19960101\t*\t" : "\t\t20150101\t20250101\t");
                    writer.Write(i % 2 == 0 ? '1' : '0');
                    writer.Write(i % 2 == 0 ? "\tStandards of medical / surgical practice\n" : "\tMutually exclusive procedures\n");
                }
            }

            var watch = Stopwatch.StartNew();
            var full = PtpEditTable.LoadCms(path);
            watch.Stop();
            Assert.Equal(rowCount + 1, full.Count);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), full.Version);
            var probe = full.FindInForce(CptCode.Parse("10003"), CptCode.Parse("80007"), new LocalDate(2024, 6, 1));
            Assert.NotNull(probe); // i = 67: effective 2015-01-01, deleted 2025-01-01, indicator 0
            Assert.Equal(ModifierIndicator.NotAllowed, probe.Indicator);
            Assert.Null(full.FindInForce(CptCode.Parse("10003"), CptCode.Parse("80007"), new LocalDate(2025, 1, 1)));
            Assert.NotNull(full.FindInForce(C97140, C97530, Dos));

            var filteredWatch = Stopwatch.StartNew();
            var kept = PtpEditTable.LoadCms(path, new HashSet<CptCode> { C97530, CptCode.Parse("10000") });
            filteredWatch.Stop();
            Assert.Equal(21, kept.Count);

            Console.WriteLine($"LoadCms: {rowCount + 1} rows in {watch.ElapsedMilliseconds} ms; filtered load {filteredWatch.ElapsedMilliseconds} ms");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
