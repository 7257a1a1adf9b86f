using System.IO.Compression;
using System.Text;
using static TherapyBilling.Rules.Tests.Separation.CmsReleaseFiles;
using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>The practitioner PTP release as CMS ships it: four parts each with a preamble and header, a folder, the zip as downloaded.</summary>
public sealed class PtpEditTableReleaseTests : IDisposable
{
    private static readonly LocalDate s_2026 = new(2026, 2, 2);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-ptp-{Guid.NewGuid():N}");

    public PtpEditTableReleaseTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void LoadCms_FourParts_MergedWithEachPreambleAndHeaderRecognised()
    {
        var paths = WriteParts(Path.Combine(_dir, "parts"));

        var table = PtpEditTable.LoadCms(paths);

        Assert.Equal(PairTableKind.CmsRelease, table.Kind);
        Assert.True(table.IsComplete);
        Assert.Equal(["ccipra-v321r0-f1", "ccipra-v321r0-f2", "ccipra-v321r0-f3", "ccipra-v321r0-f4"], table.Parts.ToArray());
        Assert.Equal("ccipra-v321r0", table.Version);
        Assert.NotNull(table.FindInForce(CptCode.Parse("10000"), CptCode.Parse("10001"), s_2026)); // f1
        Assert.NotNull(table.FindInForce(CptCode.Parse("97012"), C97140, s_2026));                  // f2
        Assert.NotNull(table.FindInForce(C97150, C97110, s_2026));                                   // f4
        Assert.Equal("2026Q1", table.EffectiveQuarter);
        Assert.Equal("CMS release (ccipra-v321r0, parts f1+f2+f3+f4, 10 rows, effective 2026Q1)", table.Provenance);
    }

    [Fact]
    public void LoadCms_PairRepeatedAcrossParts_KeptOnceAndWindowsStillPickTheRowInForce()
    {
        var table = PtpEditTable.LoadCms(WriteParts(Path.Combine(_dir, "parts")));

        var rows = table.GetRows(C97140, C97530);
        Assert.Equal(2, rows.Length); // f3 and f4 both hold 2000..*: kept once; 1996..2000 is another window
        Assert.Equal(ModifierIndicator.NotAllowed, table.FindInForce(C97140, C97530, new LocalDate(1999, 6, 1))!.Indicator);
        Assert.Equal(ModifierIndicator.Allowed, table.FindInForce(C97140, C97530, s_2026)!.Indicator);
    }

    [Fact]
    public void LoadCms_OnePartOnly_IsIncompleteAndSaysSo()
    {
        var paths = WriteParts(Path.Combine(_dir, "parts"));

        var table = PtpEditTable.LoadCms(paths[3]);

        Assert.False(table.IsComplete);
        Assert.Equal(["ccipra-v321r0-f4"], table.Parts.ToArray());
        Assert.Contains("incomplete", table.Provenance, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCms_Folder_ReadsTheTextParts()
    {
        string folder = Path.Combine(_dir, "parts");
        WriteParts(folder);
        File.WriteAllBytes(Path.Combine(folder, "ccipra-v321r0-f1.xlsx"), [1, 2, 3]);

        var table = PtpEditTable.LoadCms(folder);

        Assert.True(table.IsComplete);
        Assert.Equal(4, table.Parts.Length);
    }

    [Fact]
    public void LoadCms_ZipAsDownloaded_ReadsTheFourPartsIgnoresSpreadsheetPdfAndReadme()
    {
        string zip = WriteZip(Path.Combine(_dir, "ccipra-v321r0.zip"));

        var table = PtpEditTable.LoadCms(zip);

        Assert.Equal(["ccipra-v321r0-f1", "ccipra-v321r0-f2", "ccipra-v321r0-f3", "ccipra-v321r0-f4"], table.Parts.ToArray());
        Assert.True(table.IsComplete);
        Assert.Equal(PtpEditTable.LoadCms(WriteParts(Path.Combine(_dir, "parts"))).Edits.Select(static e => e.ToString()), table.Edits.Select(static e => e.ToString()));
    }

    [Fact]
    public void LoadCms_MalformedRowInSecondPartOfZip_NamesZipEntryAndLine()
    {
        string bad = PtpPreamble + Parts[1] + "97140\t97530\t\t2020013\t*\t1\tMutually exclusive procedures\n";
        string zip = WriteZip(Path.Combine(_dir, "bad.zip"), [(PartName(1), bad)]);

        var ex = Assert.Throws<ReferenceDataException>(() => PtpEditTable.LoadCms(zip));

        int line = bad.Split('\n').Length - 1;
        Assert.Equal(zip + "!ccipra-v321r0-f2.txt", ex.SourceName);
        Assert.Equal(line, ex.LineNumber);
        Assert.StartsWith($"{zip}!ccipra-v321r0-f2.txt:{line}: effective date '2020013'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCms_MalformedRowInSecondPart_NamesThePartAndLine()
    {
        var paths = WriteParts(Path.Combine(_dir, "parts"));
        File.AppendAllText(paths[1], "97140\t97530\t\t20200101\t*\t5\tMutually exclusive procedures\n", Encoding.Latin1);

        var ex = Assert.Throws<ReferenceDataException>(() => PtpEditTable.LoadCms(paths));

        Assert.Equal(paths[1], ex.SourceName);
        Assert.Equal(10, ex.LineNumber);
        Assert.Contains("modifier indicator '5'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCms_HugeField_MessageQuotesOnlyAShortExcerpt()
    {
        string huge = new('9', 5_000_000);
        string text = PtpPreamble + Parts[0] + "97140\t" + huge + "\t\t20200101\t*\t1\tr\n";

        var ex = Assert.Throws<ReferenceDataException>(() => PtpEditTable.LoadCms(new StringReader(text), "ccipra-v321r0-f1.txt"));

        Assert.True(ex.Message.Length < 200, ex.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("…", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCms_ConcatenatedParts_SecondPreambleIsRecognised()
    {
        string text = PtpPreamble + Parts[2] + PtpPreamble + Parts[3];

        var table = PtpEditTable.LoadCms(new StringReader(text), "ccipra-v321r0.txt");

        Assert.NotNull(table.FindInForce(C97150, C97110, s_2026));
        Assert.True(table.IsComplete); // no part suffix: a whole file
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"encounters\":[{\"id\":\"e1\",\"dateOfService\":\"2026-01-05\",\"segments\":[{\"code\":\"97535\",\"minutes\":23}]}]}")]
    [InlineData("CPT codes, descriptions and other data only are copyright 2025 American Medical Association.\nColumn1\tColumn 2\n")]
    [InlineData("\u0000\u0001PK\u0003\u0004\u00ff\u00fe binary")]
    public void LoadCms_NoEditRows_IsRefused(string text)
    {
        var ex = Assert.Throws<ReferenceDataException>(() => PtpEditTable.LoadCms(new StringReader(text), "input.txt"));
        Assert.Contains("no PTP edit row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCms_ZipWithoutTextParts_IsRefused()
    {
        string zip = Path.Combine(_dir, "empty.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            AddBytes(archive, "ccipra-v321r0-f1.xlsx", [1, 2, 3]);
            Add(archive, "README.txt", "nothing here\n");
        }

        var ex = Assert.Throws<ReferenceDataException>(() => PtpEditTable.LoadCms(zip));
        Assert.Contains("no CMS PTP part found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("README.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsTheShippedSubsetWithItsLowConfidenceCount()
    {
        var table = PtpEditTable.Default;

        Assert.Equal(PairTableKind.ShippedSubset, table.Kind);
        Assert.False(table.IsComplete);
        Assert.Equal(table.Edits.Count(static e => e.Source.StartsWith("[L", StringComparison.Ordinal)), table.LowConfidenceCount);
        Assert.True(table.LowConfidenceCount > 0);
        Assert.Equal($"shipped subset (version {table.Version}, {table.Count} rows, {table.LowConfidenceCount} [L])", table.Provenance);
    }
}
