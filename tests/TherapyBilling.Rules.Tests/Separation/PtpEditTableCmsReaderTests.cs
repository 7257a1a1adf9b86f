using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>The CMS loader's line splitting and sorting, which read spans of a buffer instead of a string per line.</summary>
public sealed class PtpEditTableCmsReaderTests
{
    private const string Header = "Copyright line\nColumn1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n";

    private static readonly string[] s_rows =
    [
        "97140\t97530\t*\t19960101\t20000101\t0\tMutually exclusive procedures",
        "97140\t97530\t\t20000101\t*\t1\tMutually exclusive procedures",
        "97530\t97535\t\t20040101\t*\t1\tStandards of medical / surgical practice",
        "99212\t97110\t\t20100101\t20110101\t9\tCPT Manual or CMS manual coding instructions",
    ];

    private static PtpEditTable Load(TextReader reader) => PtpEditTable.LoadCms(reader, "ccipra-test-f1.txt");

    private static string Describe(PtpEditTable table) =>
        string.Join("\n", table.Edits.Select(e => $"{e} {e.Rationale}"));

    public static TheoryData<string> LineBreaks => new() { "\n", "\r\n", "\r" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void LoadCms_AnyLineBreak_ReadsTheSameRowsAsLineFeeds(string lineBreak)
    {
        string expected = Describe(Load(new StringReader(Header + string.Join("\n", s_rows) + "\n")));

        var table = Load(new StringReader((Header + string.Join("\n", s_rows)).Replace("\n", lineBreak, StringComparison.Ordinal) + lineBreak));

        Assert.Equal(4, table.Count);
        Assert.Equal(expected, Describe(table));
    }

    [Fact]
    public void LoadCms_OneCharacterPerRead_SplitsCrLfAcrossReadsAndCountsLines()
    {
        string text = (Header + string.Join("\n", s_rows) + "\n\nnot a row\n").Replace("\n", "\r\n", StringComparison.Ordinal);

        var error = Assert.Throws<ReferenceDataException>(() => Load(new TrickleReader(text)));

        Assert.Equal(8, error.LineNumber); // 2 header lines, 4 rows, a blank line, then the bad one
        var table = Load(new TrickleReader(text[..text.IndexOf("\r\n\r\nnot", StringComparison.Ordinal)]));
        Assert.Equal(4, table.Count);
        Assert.NotNull(table.FindInForce(C97530, C97535, Dos));
    }

    [Fact]
    public void LoadCms_LastLineWithoutLineBreak_IsRead()
    {
        var table = Load(new StringReader(Header + string.Join("\r\n", s_rows)));

        Assert.Equal(4, table.Count);
        Assert.Equal("CPT Manual or CMS manual coding instructions", table.Edits[^1].Rationale);
    }

    [Fact]
    public void LoadCms_LineLongerThanTheBuffer_IsReadWhole()
    {
        string rationale = new('r', 200_000);

        var table = Load(new StringReader(Header + "97140\t97530\t\t20000101\t*\t1\t" + rationale + "\n" + s_rows[2] + "\n"));

        Assert.Equal(2, table.Count);
        Assert.Equal(rationale, table.FindInForce(C97140, C97530, Dos)!.Rationale);
    }

    [Fact]
    public void LoadCms_UnsortedRows_GiveTheSameTableAsSortedRows()
    {
        string sorted = Describe(Load(new StringReader(Header + string.Join("\n", s_rows))));

        var shuffled = Load(new StringReader(Header + string.Join("\n", s_rows.Reverse())));

        Assert.Equal(sorted, Describe(shuffled));
        Assert.Equal(ModifierIndicator.Allowed, shuffled.FindInForce(C97140, C97530, Dos)!.Indicator);
    }

    /// <summary>A reader that hands out one character per call, so every line break falls on a read boundary.</summary>
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _position;

        public override int Peek() => _position < text.Length ? text[_position] : -1;

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            if (count == 0 || _position >= text.Length)
            {
                return 0;
            }

            buffer[index] = text[_position++];
            return 1;
        }

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty || _position >= text.Length)
            {
                return 0;
            }

            buffer[0] = text[_position++];
            return 1;
        }
    }
}
