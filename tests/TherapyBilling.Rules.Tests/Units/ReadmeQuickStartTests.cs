namespace TherapyBilling.Rules.Tests.Units;

/// <summary>The README's quick start, run as written: its comments are the expected output.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void QuickStart_CmsExample3_AsTheReadmeSays()
    {
        var result = UnitCalculator.Calculate(
        [
            TreatmentSegment.FromMinutes(CptCode.Parse("97110"), 33),
            TreatmentSegment.FromMinutes(CptCode.Parse("97140"), 7),
        ], UnitMethod.Cms);

        Assert.Equal(3, result.TotalUnits);
        Assert.Equal(2, result.UnitsOf(CptCode.Parse("97110")));
        Assert.Equal(1, result.UnitsOf(CptCode.Parse("97140")));
        var lines = result.Explain().Split('\n');
        Assert.StartsWith("CMS 8-minute rule (CPM ch. 5 §20.2): 40 timed minutes allow 3 timed unit(s)", lines[0], StringComparison.Ordinal);
        Assert.Equal("  97110 unit 1: full 15-minute block (minutes 1-15 of 33).", lines[1]);
        Assert.Equal("  97110 unit 2: full 15-minute block (minutes 16-30 of 33).", lines[2]);
        Assert.StartsWith("  97110: leftover 3 minute(s) earn no unit; ", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("  97140 unit 1: leftover 7 minute(s) are more than 97110's 3; ", lines[4], StringComparison.Ordinal);

        string readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        Assert.Contains("TreatmentSegment.FromMinutes(CptCode.Parse(\"97110\"), 33),", readme, StringComparison.Ordinal);
        Assert.Contains("//   97110 unit 2: full 15-minute block (minutes 16-30 of 33).", readme, StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TherapyBilling.Rules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
