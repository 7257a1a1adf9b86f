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
}
