using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Issue 12's smaller CLI points, one test each.</summary>
public sealed class SmallPointTests
{
    private const string Good = """{"id":"g","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]}]}""";
    private const string ErrorOne = """{"id":"e","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23}],"lines":[{"code":"97535","units":3,"modifiers":["GO"]}]}""";

    [Fact]
    public void NdjsonOnStdinWithoutTheOption_HintsAtInputFormat()
    {
        var run = CliRunner.Run(["check", "-"], Good + "\n" + Good + "\n");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("malformed JSON at line 2", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("pass --input-format ndjson", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void MalformedJsonDocument_NoNdjsonHint()
    {
        var run = CliRunner.Run(["check", "-"], "{\"encounters\":[\n{\"id\":}]}");
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("--input-format", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Error", 1)]
    [InlineData("ERROR", 1)]
    [InlineData("Never", 0)]
    [InlineData("Warning", 1)]
    public void FailOn_AnyCase(string value, int expected)
    {
        var run = CliRunner.Run(["check", "-", "--fail-on", value], "{\"encounters\":[" + ErrorOne + "]}");
        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public void FailOn_Unknown_StillRefused()
    {
        var run = CliRunner.Run(["check", "-", "--fail-on", "fatal"], "{\"encounters\":[]}");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--fail-on must be error, warning, info or never", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_MissingFolder_IsCreated()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"tbr-o-{Guid.NewGuid():N}");
        string path = Path.Combine(dir, "reports", "x.xml");
        try
        {
            var run = CliRunner.Run(["check", "-", "-f", "junit", "-o", path], "{\"encounters\":[" + Good + "]}");
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("<?xml", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Help_NamesTheTool()
    {
        var run = CliRunner.Run("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("therapy-rules [command] [options]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("TherapyBilling.Rules.Cli", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("therapy-rules check", CliRunner.Run("check", "--help").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_UnknownCode_ExitTwoOneLine()
    {
        var run = CliRunner.Run("units", "99999=20");
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("99999", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Units_KnownCodes_StillExitZero() => Assert.Equal(0, CliRunner.Run("units", "97535=23").ExitCode);

    public static TheoryData<string> HiddenCharacters() => new() { "\u2028", "\u2029", "\u202E", "\u200B", "\u2066", "\uFEFF", "\u0085", "\u001B" };

    [Theory]
    [MemberData(nameof(HiddenCharacters))]
    public void Id_WithLineOrFormatCharacter_ReplacedInTextJunitStderr_EscapedInJson(string hidden)
    {
        string id = "visit" + hidden + "1";
        string record = "{\"id\":" + JsonSerializer.Serialize(id) + ",\"dateOfService\":\"2026-01-05\",\"segments\":[{\"code\":\"97535\",\"minutes\":23}],\"lines\":[{\"code\":\"97535\",\"units\":\"x\"}]}";
        foreach (string format in new[] { "text", "junit", "json", "ndjson", "html" })
        {
            var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", format], record + "\n");
            Assert.Equal(2, run.ExitCode);
            Assert.DoesNotContain(hidden, run.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden, run.Stderr, StringComparison.Ordinal);
            if (format is "json" or "ndjson")
            {
                // json keeps the id exactly, escaped
                var line = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
                var root = JsonDocument.Parse(format == "json" ? run.Stdout : line).RootElement;
                var first = format == "json" ? root.GetProperty("encounters")[0] : root;
                Assert.Equal(id, first.GetProperty("id").GetString());
            }
            else if (format == "html")
            {
                // replaced as in text, then escaped in the page's data block
                Assert.Contains("visit\\uFFFD1", run.Stdout, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("visit\uFFFD1", run.Stdout, StringComparison.Ordinal);
            }
        }
    }
}
