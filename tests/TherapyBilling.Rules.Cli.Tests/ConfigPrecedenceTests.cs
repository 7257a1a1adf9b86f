using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>
/// The configuration file against the command line (issue 14): every setting reaches the run, the command line beats
/// the file, and "today" from either drives the certification clock (CMS BPM ch. 15 §220.1.3: the initial
/// certification is due within 30 days of the first treatment; TBR217 delayed, TBR216 late after 30 more days).
/// </summary>
public sealed class ConfigPrecedenceTests : IDisposable
{
    // First treatment 2026-03-02, plan of care never signed: the certification is due 2026-04-01.
    private const string Episode = """
        {"encounters":[{"id":"e1","dateOfService":"2026-03-10","discipline":"ot","segments":[{"code":"97535","minutes":30,"modifiers":["GO"]}],
          "documentation":{"episode":{"firstTreatmentDate":"2026-03-02","treatmentDays":["2026-03-02","2026-03-10"],"planOfCare":{"durationDays":60}}}}]}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("tr-config-precedence").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string json)
    {
        string path = Path.Combine(_dir, "therapy-rules.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static List<string> Ids(CliRun run) =>
        [.. JsonDocument.Parse(run.Stdout).RootElement.GetProperty("encounters")[0].GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

    [Fact]
    public void Today_Absent_CertificationClockNotRunPastTheVisit()
    {
        var ids = Ids(CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "never"], Episode));
        Assert.DoesNotContain(DiagnosticIds.CertificationLate, ids);
        Assert.DoesNotContain(DiagnosticIds.CertificationDelayed, ids);
    }

    [Fact]
    public void Today_FromTheFile_DrivesTheCertificationClock()
    {
        string config = Config("""{ "today": "2026-05-15" }""");
        var ids = Ids(CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "never", "--config", config], Episode));
        Assert.Contains(DiagnosticIds.CertificationLate, ids);
    }

    [Fact]
    public void Today_CommandLineBeatsTheFile()
    {
        string config = Config("""{ "today": "2026-05-15" }""");
        var ids = Ids(CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "never", "--config", config, "--today", "2026-04-10"], Episode));
        Assert.Contains(DiagnosticIds.CertificationDelayed, ids);
        Assert.DoesNotContain(DiagnosticIds.CertificationLate, ids);
    }

    [Fact]
    public void Today_FromTheFile_ReachesTheFhirPathToo()
    {
        string config = Config("""{ "today": "2026-05-15", "failOn": "never" }""");
        var run = CliRunner.Run(["check", "-", "--format", "fhir", "--config", config], Episode);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(DiagnosticIds.CertificationLate, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FailOn_Never_FromTheFile_StatusIsTheVerdictAtError()
    {
        string config = Config("""{ "failOn": "never", "severity": { "TBR303": "error" } }""");
        const string Pair = """{"encounters":[{"id":"e1","dateOfService":"2026-03-02","discipline":"pt","segments":[{"code":"97535","start":"10:00","end":"10:23"},{"code":"97530","start":"10:23","end":"10:48"}],"lines":[{"code":"97535","units":2,"modifiers":["GP"]},{"code":"97530","units":2,"modifiers":["GP"]}]}]}""";
        var run = CliRunner.Run(["check", "-", "--format", "json", "--config", config], Pair);
        Assert.Equal(0, run.ExitCode);
        var encounter = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("encounters")[0];
        Assert.Equal("fail", encounter.GetProperty("status").GetString());
        Assert.Contains(encounter.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "TBR303" && d.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void Suppression_CountedInTheSummaryByIdInJsonAndText()
    {
        string config = Config("""{ "suppressions": [ { "id": "TBR106", "reason": "zero-unit lines stay on the note by policy" } ] }""");
        const string ZeroUnit = """{"encounters":[{"id":"e1","dateOfService":"2026-03-02","discipline":"pt","segments":[{"code":"97535","minutes":30},{"code":"97110","minutes":5}]}]}""";

        var json = CliRunner.Run(["check", "-", "--format", "json", "--config", config], ZeroUnit);
        var suppressed = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("summary").GetProperty("suppressed");
        Assert.Equal(1, suppressed.GetProperty("total").GetInt32());
        Assert.Equal(1, suppressed.GetProperty("byId").GetProperty("TBR106").GetInt32());

        var text = CliRunner.Run(["check", "-", "--config", config], ZeroUnit);
        Assert.Contains("suppressed: 1 (TBR106 x1)", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("suppressed info TBR106 at segments[1]: zero-unit lines stay on the note by policy", text.Stdout, StringComparison.Ordinal);

        var junit = CliRunner.Run(["check", "-", "--format", "junit", "--config", config], ZeroUnit);
        Assert.Contains("name=\"suppressed\" value=\"1 (TBR106 x1)\"", junit.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSuppression_NoSuppressedSummary()
    {
        var json = CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "never"], Episode);
        Assert.False(JsonDocument.Parse(json.Stdout).RootElement.GetProperty("summary").TryGetProperty("suppressed", out _));
    }

    [Fact]
    public void ReferenceFiles_FromTheFile_ResolvedBesideIt_CommandLineBeatsThem()
    {
        File.WriteAllText(Path.Combine(_dir, "payers.json"), """{ "version": "from-config", "profiles": [ { "id": "acme", "name": "Acme" } ] }""");
        string config = Config("""{ "reference": { "payerProfiles": "payers.json" } }""");
        var fromFile = CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "never", "--config", config], Episode);
        Assert.Equal("from-config", JsonDocument.Parse(fromFile.Stdout).RootElement.GetProperty("rules").GetProperty("payerProfiles").GetProperty("version").GetString());

        string other = Path.Combine(_dir, "other.json");
        File.WriteAllText(other, """{ "version": "from-command-line", "profiles": [ { "id": "acme", "name": "Acme" } ] }""");
        var fromLine = CliRunner.Run(["check", "-", "--format", "json", "--fail-on", "never", "--config", config, "--payer-profiles", other], Episode);
        Assert.Equal("from-command-line", JsonDocument.Parse(fromLine.Stdout).RootElement.GetProperty("rules").GetProperty("payerProfiles").GetProperty("version").GetString());
    }

    [Fact]
    public void MissingConfigFile_IsAnInputErrorNamingIt()
    {
        string missing = Path.Combine(_dir, "nope.json");
        var run = CliRunner.Run(["check", "-", "--config", missing], Episode);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"therapy-rules: {missing}: the configuration file does not exist.\n", run.Stderr);
    }
}
