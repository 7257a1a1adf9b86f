using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary><c>--ptp-file</c> and <c>--mue-file</c> with the files as CMS ships them: parts f1…f4, a folder, the zip as downloaded.</summary>
public sealed class CmsReleaseOptionTests : IDisposable
{
    private const string PtpPreamble =
        "CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved.\n" +
        "Applicable FARS\\DFARS Restrictions Apply to Government Use.\n\n" +
        "Column1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n" +
        "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n" +
        "\t\t\t\t*=no data\t1=allowed\t\n";

    private const string MuePreamble =
        "\"CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved.\"\n\n" +
        "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n";

    private static readonly string[] s_parts =
    [
        "10000\t10001\t\t20100101\t*\t0\tMutually exclusive procedures\n",
        "20000\t20001\t\t20100101\t*\t1\tStandards of medical / surgical practice\n",
        "97140\t97530\t\t20000101\t*\t1\tMutually exclusive procedures\n",
        "97150\t97110\t\t20201001\t*\t1\tMutually exclusive procedures\n97530\t97535\t\t20200101\t*\t1\tStandards of medical / surgical practice\n",
    ];

    /// <summary>97535 then 97530 in distinct intervals, no PTP modifier (the shipped row is [L]); 97110 for 2 hours (8 units).</summary>
    private const string Visit = """
        {"encounters":[{"id":"v1","dateOfService":"2026-01-05","discipline":"PT",
          "segments":[{"code":"97535","start":"10:00","end":"10:23","modifiers":["GP"]},{"code":"97530","start":"10:23","end":"10:48","modifiers":["GP"]}]},
          {"id":"v2","dateOfService":"2026-01-05","discipline":"PT","segments":[{"code":"97110","minutes":120,"modifiers":["GP"]}]}]}
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-cms-{Guid.NewGuid():N}");

    public CmsReleaseOptionTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string PartName(int i) => $"ccipra-v321r0-f{i + 1}.txt";

    private string[] WriteParts()
    {
        string folder = Path.Combine(_dir, "parts");
        Directory.CreateDirectory(folder);
        return [.. s_parts.Select((rows, i) => Write(Path.Combine(folder, PartName(i)), PtpPreamble + rows))];
    }

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text, Encoding.Latin1);
        return path;
    }

    private string WriteZip(string? badSecondPart = null)
    {
        string zip = Path.Combine(_dir, "ccipra-v321r0.zip");
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
        for (int i = 0; i < s_parts.Length; i++)
        {
            Add(archive, PartName(i), i == 1 && badSecondPart is not null ? badSecondPart : PtpPreamble + s_parts[i]);
        }

        Add(archive, "ccipra-v321r0-f1.xlsx", "PK\u0003\u0004binary");
        Add(archive, "NCCI_PTP_Policy.pdf", "%PDF-1.7");
        Add(archive, "README.txt", "Practitioner PTP edits, four parts.\n");
        return zip;
    }

    private static void Add(ZipArchive archive, string name, string text)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.Latin1.GetBytes(text));
    }

    private static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    private static List<string> Ids(JsonElement root, int encounter) =>
        [.. root.GetProperty("encounters")[encounter].GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

    private static List<string> Severities(JsonElement root, int encounter) =>
        [.. root.GetProperty("encounters")[encounter].GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("severity").GetString()!)];

    [Fact]
    public void Check_PtpFileZipAsDownloaded_LoadsEveryPartAndNamesTheRelease()
    {
        var run = CliRunner.Run(["check", "-", "--format", "json", "--ptp-file", WriteZip()], Visit);

        var table = Json(run).GetProperty("rules").GetProperty("pairTable");
        Assert.Equal("ccipra-v321r0", table.GetProperty("version").GetString());
        Assert.Equal("CMS release (ccipra-v321r0, parts f1+f2+f3+f4, 5 rows, effective 2020Q4)", table.GetProperty("provenance").GetString());
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["error"], Severities(Json(run), 0)); // the 97530/97535 edit is now CMS data: an ordinary error
    }

    [Fact]
    public void Check_WithoutPtpFile_LowConfidenceRowIsAVerifyWarning()
    {
        var run = CliRunner.Run(["check", "-", "--format", "json"], Visit);

        var d = Json(run).GetProperty("encounters")[0].GetProperty("diagnostics")[0];
        Assert.Equal("TBR303", d.GetProperty("id").GetString());
        Assert.Equal("warning", d.GetProperty("severity").GetString());
        Assert.Contains("verify in the current CMS file", d.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("shipped subset (version", Json(run).GetProperty("rules").GetProperty("pairTable").GetProperty("provenance").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PtpFileRepeatedForEachPart_OrAFolder_SameTable()
    {
        var parts = WriteParts();
        var each = CliRunner.Run(["check", "-", "--format", "json", "--ptp-file", parts[0], "--ptp-file", parts[1], "--ptp-file", parts[2], "--ptp-file", parts[3]], Visit);
        var folder = CliRunner.Run(["check", "-", "--format", "json", "--ptp-file", Path.GetDirectoryName(parts[0])!], Visit);

        Assert.Equal(string.Empty, each.Stderr);
        string provenance = Json(each).GetProperty("rules").GetProperty("pairTable").GetProperty("provenance").GetString()!;
        Assert.StartsWith("CMS release (ccipra-v321r0, parts f1+f2+f3+f4", provenance, StringComparison.Ordinal);
        Assert.Equal(provenance, Json(folder).GetProperty("rules").GetProperty("pairTable").GetProperty("provenance").GetString());
    }

    [Fact]
    public void Check_BadRowInSecondPartOfZip_ExitTwoNamingEntryAndLineWithAShortExcerpt()
    {
        string bad = PtpPreamble + s_parts[1] + "97140\t" + new string('7', 5_000_000) + "\t\t20200101\t*\t1\tr\n";
        string zip = WriteZip(bad);

        var run = CliRunner.Run(["check", "-", "--ptp-file", zip], Visit);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"therapy-rules: {zip}!ccipra-v321r0-f2.txt:8: ", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.Stderr.Length < zip.Length + 250, run.Stderr.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"encounters\":[{\"id\":\"e1\",\"dateOfService\":\"2026-01-05\",\"segments\":[{\"code\":\"97535\",\"minutes\":23}]}]}")]
    [InlineData("\u0000\u0001\u0002 binary \u00ff")]
    public void Check_PtpOrMueFileWithoutEditRows_ExitTwo(string text)
    {
        string path = Write(Path.Combine(_dir, "not-edits.txt"), text);

        var ptp = CliRunner.Run(["check", "-", "--ptp-file", path], Visit);
        var mue = CliRunner.Run(["check", "-", "--mue-file", path], Visit);

        Assert.Equal(2, ptp.ExitCode);
        Assert.Contains("no PTP edit row found", ptp.Stderr, StringComparison.Ordinal);
        Assert.Contains("(bad PTP file)", ptp.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, mue.ExitCode);
        Assert.Contains("no MUE row found", mue.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MueFile_UnitsAboveTheLimitOnTheDate_ErrorAndNoNotice()
    {
        string csv = Write(Path.Combine(_dir, "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"), MuePreamble + "97110,6,3 Date of Service Edit: Clinical,Clinical: Data\n");

        var run = CliRunner.Run(["check", "-", "--format", "json", "--mue-file", csv], Visit);

        var root = Json(run);
        Assert.Contains("TBR314", Ids(root, 1));
        var mue = root.GetProperty("rules").GetProperty("mueTable");
        Assert.Equal("MCR_MUE_PractitionerServices_Eff_01-01-2026", mue.GetProperty("version").GetString());
        Assert.False(mue.TryGetProperty("notice", out _));
    }

    [Fact]
    public void Check_WithoutMueFile_NoticeOncePerRunNotPerEncounter()
    {
        var run = CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "info"], Visit);

        var root = Json(run);
        var notice = root.GetProperty("rules").GetProperty("mueTable").GetProperty("notice");
        Assert.Equal("TBR315", notice.GetProperty("id").GetString());
        Assert.Equal("info", notice.GetProperty("severity").GetString());
        Assert.DoesNotContain("TBR315", Ids(root, 0));
        Assert.DoesNotContain("TBR315", Ids(root, 1));
        Assert.Equal("pass", root.GetProperty("encounters")[1].GetProperty("status").GetString());

        var text = CliRunner.Run(["check", "-"], Visit);
        Assert.Single(text.Stdout.Split('\n'), static l => l.Contains("TBR315", StringComparison.Ordinal));
    }
}
