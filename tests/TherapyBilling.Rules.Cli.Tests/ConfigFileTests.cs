using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

public sealed class ConfigFileTests : IDisposable
{
    private const string Doc = "{\"encounters\":[{\"id\":\"e1\",\"dateOfService\":\"2026-01-05\",\"segments\":[{\"code\":\"97535\",\"minutes\":38}],\"lines\":[{\"code\":\"97535\",\"units\":2,\"modifiers\":[\"GP\"]}],\"discipline\":\"pt\"}]}";
    private readonly string _dir = Directory.CreateTempSubdirectory("tr-config").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(string json)
    {
        string path = Path.Combine(_dir, "therapy-rules.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Suppression_WithReason_IsListedAndTheFindingGone()
    {
        string config = Config("{ \"suppressions\": [ { \"id\": \"TBR108\", \"code\": \"97535\", \"reason\": \"reviewed\" } ] }");
        var run = CliRunner.Run(["check", "-", "--format", "json", "--config", config], Doc);
        Assert.Equal(0, run.ExitCode);
        var encounter = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("encounters")[0];
        Assert.Equal(0, encounter.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("id").GetString() == "TBR108"));
        Assert.Equal("reviewed", encounter.GetProperty("suppressed")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void SeverityOverride_AndFailOn_FromTheFile_CommandLineBeatsIt()
    {
        string config = Config("{ \"failOn\": \"warning\", \"severity\": { \"TBR108\": \"warning\" } }");
        Assert.Equal(1, CliRunner.Run(["check", "-", "--config", config], Doc).ExitCode);
        Assert.Equal(0, CliRunner.Run(["check", "-", "--config", config, "--fail-on", "error"], Doc).ExitCode);
    }

    [Theory]
    [InlineData("{ \"failOn\": \"sometimes\" }", "line 1, column 3")]
    [InlineData("{\n  \"suppressions\": [ { \"id\": \"TBR108\" } ]\n}", "line 2, column 21")]
    [InlineData("{\n  \"nope\": 1\n}", "line 2, column 3")]
    [InlineData("{ \"severity\": { \"TBR999\": \"error\" } }", "line 1, column 17")]
    [InlineData("{ \"failOn\": ", "line 1")]
    public void BadConfig_InputErrorNamingFileLineAndColumn(string json, string where)
    {
        string config = Config(json);
        var run = CliRunner.Run(["check", "-", "--config", config], Doc);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(config + ": " + where, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }
}
