using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;
using TherapyBilling.Rules.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>The <c>units</c> and <c>schema</c> commands.</summary>
public sealed class OtherCommandTests
{
    [Fact]
    public void Units_Cms_MatchesGoldenFile()
    {
        var run = CliRunner.Run("units", "97535=5", "97535=3", "97530=25");
        Assert.Equal(0, run.ExitCode);
        Snapshot.Verify(run.Stdout);
    }

    [Fact]
    public void Units_Ama_MatchesGoldenFile()
    {
        var run = CliRunner.Run("units", "--method", "ama", "97112=7", "97110=7", "97140=7");
        Assert.Equal(0, run.ExitCode);
        Snapshot.Verify(run.Stdout);
    }

    [Theory]
    [InlineData("cms", "97110=33 97140=7", "total 3 unit(s)")]
    [InlineData("ama", "97110=33 97140=7", "total 2 unit(s)")]
    [InlineData("cms", "97535=7", "total 0 unit(s)")]
    public void Units_TotalsFollowTheMethod(string method, string segments, string expected)
    {
        var run = CliRunner.Run(["units", "--method", method, .. segments.Split(' ')], stdin: null);
        Assert.Contains(expected, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_PrintsTheRepositorySchema()
    {
        var run = CliRunner.Run("schema");
        string file = File.ReadAllText(Path.Combine(CliRunner.RepoDir, "schemas", "encounter.schema.json"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(file, run.Stdout);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        var encounter = root.GetProperty("$defs").GetProperty("encounter").GetProperty("properties");
        foreach (string name in new[] { "id", "dateOfService", "method", "discipline", "segments", "lines", "documentation" })
        {
            Assert.True(encounter.TryGetProperty(name, out _), name);
        }
    }
}
