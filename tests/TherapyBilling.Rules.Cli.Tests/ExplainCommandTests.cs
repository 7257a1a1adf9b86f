using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

public sealed class ExplainCommandTests
{
    [Fact]
    public void Explain_KnownId_PrintsTheEmbeddedPage()
    {
        var run = CliRunner.Run(["explain", "TBR303"], string.Empty);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(DiagnosticDescriptors.Find("TBR303")!.HelpText, run.Stdout);
        Assert.StartsWith("# TBR303", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_LowerCaseId_IsAccepted() =>
        Assert.Equal(0, CliRunner.Run(["explain", "tbr108"], string.Empty).ExitCode);

    [Theory]
    [InlineData("TBR999")]
    [InlineData("<script>")]
    public void Explain_UnknownId_ExitTwoOneLineNoEcho(string id)
    {
        var run = CliRunner.Run(["explain", id], string.Empty);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(id, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Today_BadDate_IsAnInputError()
    {
        var run = CliRunner.Run(["check", "-", "--today", "05/01/2026"], "{\"encounters\":[]}");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--today", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FixesAndSummaryById_InJson()
    {
        const string doc = "{\"encounters\":[{\"id\":\"e1\",\"dateOfService\":\"2026-01-05\",\"segments\":[{\"code\":\"97535\",\"minutes\":38}],\"lines\":[{\"code\":\"97535\",\"units\":2}]}]}";
        var run = CliRunner.Run(["check", "-", "--format", "json"], doc);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var fix = json.RootElement.GetProperty("encounters")[0].GetProperty("fixes")[0];
        Assert.Equal(("TBR108", "lines[0]", "changeUnits", 3), (fix.GetProperty("diagnosticId").GetString(), fix.GetProperty("path").GetString(), fix.GetProperty("action").GetString(), fix.GetProperty("units").GetInt32()));
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("byId").GetProperty("TBR108").GetProperty("error").GetInt32());
    }
}
