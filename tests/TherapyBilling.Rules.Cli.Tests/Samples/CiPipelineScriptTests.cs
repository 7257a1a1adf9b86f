using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Samples;

/// <summary>
/// <c>samples/CiPipeline/therapy-rules-ci.sh</c> run as a CI runs it: its message says what actually happened — a
/// clean run, findings, records with input errors (the report is written), or an error before any record (none is).
/// </summary>
public sealed class CiPipelineScriptTests : IDisposable
{
    private static readonly string Script = Path.Combine(CliRunner.RepoDir, "samples", "CiPipeline", "therapy-rules-ci.sh");
    private readonly string _dir = Directory.CreateTempSubdirectory("tr-ci-script").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int ExitCode, string Stdout, string Stderr) RunScript(string export, string junit, params (string, string)[] environment) =>
        ToolProcess.Run(_dir, ["bash", Script, export, junit], [("THERAPY_RULES", string.Join(' ', ToolProcess.Tool)), ("TODAY", "2026-03-02"), .. environment]);

    [Fact]
    public void SampleExport_PassesWithTheCommittedConfig_AndListsTheSuppression()
    {
        string junit = Path.Combine(_dir, "junit.xml");
        var (code, stdout, _) = RunScript(string.Empty, junit);
        Assert.Equal(0, code);
        Assert.EndsWith($"therapy-rules: no finding at or above the threshold; JUnit report: {junit}\n", stdout, StringComparison.Ordinal);
        Assert.Contains("name=\"suppressed\" value=\"1 (TBR106 x1)\"", File.ReadAllText(junit), StringComparison.Ordinal);
    }

    [Fact]
    public void FailOnWarning_FailsTheStep()
    {
        var (code, stdout, _) = RunScript(string.Empty, Path.Combine(_dir, "junit.xml"), ("FAIL_ON", "warning"));
        Assert.Equal(1, code);
        Assert.Contains("findings at or above the threshold", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BadRecords_ReportIsWritten_AndTheMessageSaysSo()
    {
        string export = Path.Combine(_dir, "export.ndjson");
        File.WriteAllText(export, File.ReadAllLines(Path.Combine(CliRunner.RepoDir, "samples", "CiPipeline", "export", "encounters-2026-03-02.ndjson"))[0] + "\n{bad\n");
        string junit = Path.Combine(_dir, "junit.xml");
        var (code, stdout, stderr) = RunScript(export, junit);
        Assert.Equal(2, code);
        Assert.Contains("malformed JSON", stderr, StringComparison.Ordinal);
        Assert.Contains($"input errors in some records (exit 2): each is named above and marked failed in {junit}", stdout, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllText(junit).Split("<testcase ").Length - 1);
    }

    [Fact]
    public void UnreadableExport_NoReport_AndTheMessageSaysSo()
    {
        string junit = Path.Combine(_dir, "junit.xml");
        File.WriteAllText(junit, "left over from an earlier run");
        var (code, stdout, _) = RunScript(Path.Combine(_dir, "missing.ndjson"), junit);
        Assert.Equal(2, code);
        Assert.Contains("before any record was checked; no report was written", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(junit));
    }

    [Fact]
    public void ConfigInTheWorkingDirectory_IsRead()
    {
        File.WriteAllText(Path.Combine(_dir, "therapy-rules.json"), """{ "failOn": "warning" }""");
        string sample = Path.Combine(CliRunner.RepoDir, "samples", "CiPipeline", "export", "encounters-2026-03-02.ndjson");
        var (code, _, _) = ToolProcess.Run(_dir, [.. ToolProcess.Tool, "check", sample]);
        Assert.Equal(1, code);   // V-2004's TBR308 warning fails at the file's failOn
        var (explicitCode, _, _) = ToolProcess.Run(_dir, [.. ToolProcess.Tool, "check", sample, "--fail-on", "error"]);
        Assert.Equal(0, explicitCode);
    }
}
