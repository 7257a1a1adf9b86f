using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>A few runs of the built tool as a real process: exit codes, streams, no colour when redirected.</summary>
public sealed class ProcessTests
{
    private static (int ExitCode, string Stdout, string Stderr) RunTool(string arguments, params (string Name, string Value)[] environment) =>
        ToolProcess.Run(CliRunner.RepoDir, [.. ToolProcess.Tool, .. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)], environment);

    [Fact]
    public void Process_CheckBundledSample_PrintsReportAndExitsOne()
    {
        // enc-002's TBR303 comes from a shipped row tagged [L]: a "verify" warning, so it fails at --fail-on warning.
        var (code, stdout, stderr) = RunTool("check samples/data/encounters.json --fail-on warning");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("PASS enc-001", stdout, StringComparison.Ordinal);
        Assert.Contains("FAIL enc-002", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_FailOnNever_ExitsZero()
    {
        var (code, _, _) = RunTool("check samples/data/encounters.ndjson --fail-on never --format junit");
        Assert.Equal(0, code);
    }

    [Fact]
    public void Process_MalformedInput_OneLineOnStderrExitTwo()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tbr-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"encounters\": [ {\"id\": \"a\" ");
        try
        {
            var (code, stdout, stderr) = RunTool($"check {path} --format json", ("NO_COLOR", "1"));
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains(":1:", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
