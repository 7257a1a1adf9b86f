using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Issue 12, strict reading as the CLI shows it: <c>schema --strict</c>, and unknown properties in <c>check</c>.</summary>
public sealed class StrictReadingCliTests
{
    [Fact]
    public void Schema_Strict_PrintsTheStrictSchema()
    {
        var run = CliRunner.Run("schema", "--strict");
        string file = File.ReadAllText(Path.Combine(CliRunner.RepoDir, "schemas", "encounter.strict.schema.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(file, run.Stdout);
        var encounter = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("$defs").GetProperty("encounter");
        Assert.False(encounter.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Check_UnknownProperty_IsAnInfoAndTheRunStillPasses()
    {
        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "json", "--fail-on", "never"], """{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97110","minutes":30}],"clinic":"north"}""" + "\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("TBR018", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("north", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PascalCaseSegments_IsAnInputErrorNotAPass()
    {
        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "json"], """{"id":"e1","dateOfService":"2026-01-05","Segments":[{"code":"97110","minutes":30}]}""" + "\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TBR017", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("did you mean 'segments'", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Strict_MakesAnUnknownPropertyAnInputError()
    {
        const string record = """{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97110","minutes":30}],"lines":[{"code":"97110","units":2,"modifiers":["GP"]}],"clinic":"north"}""" + "\n";
        var lenient = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "json", "--fail-on", "never"], record);
        var strict = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "json", "--fail-on", "never", "--strict"], record);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(2, strict.ExitCode);
        var finding = JsonDocument.Parse(strict.Stdout).RootElement.GetProperty("encounters")[0].GetProperty("diagnostics")
            .EnumerateArray().Single(d => d.GetProperty("id").GetString() == "TBR018");
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.DoesNotContain("north", strict.Stdout + strict.Stderr, StringComparison.Ordinal);
    }
}
