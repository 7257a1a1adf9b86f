using TherapyBilling.Rules.Cli.Tests.Support;
using TherapyBilling.Rules.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Golden files of every output format over the corpus (clean, with findings, with bad records).</summary>
public sealed class CheckCommandGoldenTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in new[] { "clean.json", "findings.json", "bad-records.json", "bad-records.ndjson" })
        {
            foreach (string format in new[] { "text", "json", "ndjson", "junit" })
            {
                data.Add(file, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_CorpusFile_MatchesGoldenFile(string file, string format)
    {
        var run = CliRunner.Run("check", CliRunner.Corpus(file), "--format", format);

        // Bad records make it an input error (exit 2) with one stderr line each; the golden file holds both streams.
        bool bad = file.StartsWith("bad-", StringComparison.Ordinal);
        Assert.Equal(file == "clean.json" ? 0 : bad ? 2 : 1, run.ExitCode);
        Assert.Equal(bad, run.Stderr.Length > 0);
        string stderr = run.Stderr.Replace(Path.GetDirectoryName(CliRunner.Corpus(file))!, "{corpus}", StringComparison.Ordinal);
        Snapshot.Verify(CliRunner.Scrub(run.Stdout) + (bad ? "\n--- stderr ---\n" + stderr : string.Empty), $"{file}_{format}");
    }

    [Fact]
    public void Check_FailOnWarning_Junit_MatchesGoldenFile()
    {
        var run = CliRunner.Run("check", CliRunner.Corpus("findings.json"), "--format", "junit", "--fail-on", "warning");
        Assert.Equal(1, run.ExitCode);
        Snapshot.Verify(CliRunner.Scrub(run.Stdout));
    }

    [Fact]
    public void Check_BundledSample_MatchesGoldenFile()
    {
        var run = CliRunner.Run("check", Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.json"));
        Assert.Equal(1, run.ExitCode); // enc-004's TBR108 (an error); enc-002's TBR303 comes from an [L] row of the shipped subset: a warning that says "verify"
        Snapshot.Verify(CliRunner.Scrub(run.Stdout));

        var ndjson = CliRunner.Run("check", Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.ndjson"));
        Assert.Equal(run.Stdout, ndjson.Stdout);
    }

    /// <summary>The bundled sample as JSON: one encounter of each kind the README describes, with the findings each one is there to show.</summary>
    [Fact]
    public void Check_BundledSample_Json_ShowsEachKindOfVisit()
    {
        var run = CliRunner.Run("check", Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.json"), "--format", "json", "--fail-on", "never");
        Assert.Equal(0, run.ExitCode);
        var encounters = System.Text.Json.JsonDocument.Parse(run.Stdout).RootElement.GetProperty("encounters").EnumerateArray().ToList();
        static List<string> Ids(System.Text.Json.JsonElement e) => [.. e.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

        Assert.Equal(["enc-001", "enc-002", "enc-003", "enc-004"], encounters.Select(e => e.GetProperty("id").GetString()));
        Assert.Empty(Ids(encounters[0]));                                           // clean OT 97535 visit with its note and GO
        Assert.Equal([DiagnosticIds.PairModifierMissing], Ids(encounters[1]));      // 97535 + 97530 in distinct intervals without XU/59
        Assert.Equal([DiagnosticIds.PayerMethodResolved], Ids(encounters[2]));      // Medicare PT with a PTA (CQ) above the KX threshold, billed right
        Assert.Equal([DiagnosticIds.BilledUnitsDiffer], Ids(encounters[3]));      // 97535 23 minutes billed x3: the minutes support 2
        var fix = Assert.Single(encounters[3].GetProperty("fixes").EnumerateArray());
        Assert.Equal("changeUnits", fix.GetProperty("action").GetString());
        Assert.Equal(2, fix.GetProperty("units").GetInt32());
        Assert.Equal("lines[0]", fix.GetProperty("path").GetString());
    }

    /// <summary>The bad-input sample: every good record is still checked, each bad one is named on stderr, exit 2.</summary>
    [Fact]
    public void Check_BadInputSample_ChecksTheGoodRecordsNamesTheBadOnesAndExitsTwo()
    {
        string file = Path.Combine(CliRunner.RepoDir, "samples", "data", "bad-input.ndjson");
        var run = CliRunner.Run("check", file, "--format", "json", "--fail-on", "never");
        Assert.Equal(2, run.ExitCode);
        var encounters = System.Text.Json.JsonDocument.Parse(run.Stdout).RootElement.GetProperty("encounters").EnumerateArray().ToList();
        Assert.Equal(["pass", "fail", "fail", "pass"], encounters.Select(e => e.GetProperty("status").GetString()));
        var errors = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"therapy-rules: {file}:2: encounter enc-004: input error TBR", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"therapy-rules: {file}:3:", errors[1], StringComparison.Ordinal);
        Assert.Contains("malformed JSON", errors[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("documentation-sample.json")]
    [InlineData("payer-sample.json")]
    public void Check_FamilySample_MatchesGoldenFile(string file)
    {
        var run = CliRunner.Run("check", Path.Combine(CliRunner.RepoDir, "samples", "data", file), "--format", "json");

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Snapshot.Verify(CliRunner.Scrub(run.Stdout), file);
    }
}
