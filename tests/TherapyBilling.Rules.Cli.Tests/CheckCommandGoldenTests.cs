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

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(file == "clean.json" ? 0 : 1, run.ExitCode);
        Snapshot.Verify(CliRunner.Scrub(run.Stdout), $"{file}_{format}");
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
        Assert.Equal(1, run.ExitCode);
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
        Assert.All(Ids(encounters[3]), id => Assert.StartsWith("TBR0", id, StringComparison.Ordinal)); // structurally bad
        Assert.Equal(3, encounters[3].GetProperty("diagnostics").GetArrayLength());
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
