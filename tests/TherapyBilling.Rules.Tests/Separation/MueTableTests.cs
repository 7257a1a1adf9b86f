using System.IO.Compression;
using System.Text;
using static TherapyBilling.Rules.Tests.Separation.CmsReleaseFiles;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>The CMS practitioner MUE CSV as published: preamble, header, one row per code; also from a folder or the zip.</summary>
public sealed class MueTableTests : IDisposable
{
    private static readonly LocalDate s_dos = new(2026, 2, 2);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-mue-{Guid.NewGuid():N}");

    public MueTableTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MueTable Load(string text) => MueTable.LoadCms(new StringReader(text), "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv");

    [Fact]
    public void LoadCms_SkipsPreambleReadsValuesIndicatorsAndRationales()
    {
        var table = Load(MuePreamble + MueRows);

        Assert.Equal(3, table.Count); // 0001U (PLA) skipped
        Assert.Equal("MCR_MUE_PractitionerServices_Eff_01-01-2026", table.Version);
        var exercise = table.Find(C97110, s_dos)!;
        Assert.Equal(6, exercise.Units);
        Assert.Equal(MueAdjudicationIndicator.DateOfServiceClinical, exercise.Indicator);
        Assert.Equal("Clinical: Data", exercise.Rationale);
        Assert.Equal(MueAdjudicationIndicator.DateOfServicePolicy, table.Find(C97164, s_dos)!.Indicator);
        Assert.Equal(MueAdjudicationIndicator.Line, table.Find(C97535, s_dos)!.Indicator);
        Assert.Null(table.Find(C97530, s_dos));
    }

    [Fact]
    public void LoadCms_QuotedFieldsAndHeaderOrder_AreRead()
    {
        string text = MuePreamble.Replace("HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale", "MUE Rationale,MUE Adjudication Indicator,HCPCS/CPT Code,Practitioner Services MUE Values", StringComparison.Ordinal)
            + "\"Clinical: Data, per day\",\"3 Date of Service Edit: Clinical\",97110,6\n";

        var limit = Load(text).Find(C97110, s_dos)!;

        Assert.Equal(6, limit.Units);
        Assert.Equal("Clinical: Data, per day", limit.Rationale);
    }

    [Fact]
    public void LoadCms_EffectiveDateColumns_PickTheValueInForce()
    {
        string text = "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale,Effective Date,End Date\n" +
            "97110,4,3 Date of Service Edit: Clinical,Clinical: Data,20200101,20260101\n" +
            "97110,6,3 Date of Service Edit: Clinical,Clinical: Data,20260101,\n";

        var table = Load(text);

        Assert.Equal(4, table.Find(C97110, new LocalDate(2025, 12, 31))!.Units);
        Assert.Equal(6, table.Find(C97110, s_dos)!.Units);
    }

    [Theory]
    [InlineData("97110,six,3 Date of Service Edit: Clinical,Clinical: Data", "MUE value 'six'")]
    [InlineData("97110,6,4 Something,Clinical: Data", "adjudication indicator")]
    [InlineData("97110,6", "expected at least 3")]
    [InlineData("Note: end of file,,,", "not a five-character")]
    public void LoadCms_MalformedRow_NamesTheLine(string row, string problem)
    {
        string text = MuePreamble + MueRows + row + "\n";
        var ex = Assert.Throws<ReferenceDataException>(() => Load(text));
        Assert.Equal(text.Split('\n').Length - 1, ex.LineNumber);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"encounters\":[]}")]
    [InlineData("Column1\tColumn 2\t*\n97140\t97530\t\t20200101\t*\t1\tr\n")]
    public void LoadCms_NoMueRows_IsRefused(string text)
    {
        var ex = Assert.Throws<ReferenceDataException>(() => Load(text));
        Assert.Contains("no MUE row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCms_ConflictingValuesForOneCode_AreRefused()
    {
        var ex = Assert.Throws<ReferenceDataException>(() => Load(MuePreamble + MueRows + "97110,4,3 Date of Service Edit: Clinical,Clinical: Data\n"));
        Assert.Contains("97110 already has MUE 6", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCms_ZipAsDownloaded_ReadsTheCsvIgnoresOtherEntries()
    {
        string zip = Path.Combine(_dir, "MCR_MUE_PractitionerServices.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            Add(archive, "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv", MuePreamble + MueRows);
            AddBytes(archive, "MCR_MUE_PractitionerServices_Eff_01-01-2026.xlsx", [0x50, 0x4B, 1, 2]);
            Add(archive, "Readme.txt", "MUE readme\n");
        }

        var table = MueTable.LoadCms(zip);

        Assert.Equal(["MCR_MUE_PractitionerServices_Eff_01-01-2026"], table.Parts.ToArray());
        Assert.Equal(6, table.Find(C97110, s_dos)!.Units);
    }

    [Fact]
    public void LoadCms_Folder_ReadsTheCsv()
    {
        File.WriteAllText(Path.Combine(_dir, "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"), MuePreamble + MueRows, Encoding.Latin1);
        File.WriteAllText(Path.Combine(_dir, "notes.pdf"), "%PDF");

        Assert.Equal(3, MueTable.LoadCms(_dir).Count);
    }
}
