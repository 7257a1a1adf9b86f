namespace TherapyBilling.Rules.Tests.Payers;

public sealed class PayerDiagnosticsTests
{
    private static IEnumerable<DiagnosticDescriptor> Mine() => DiagnosticDescriptors.All.Where(d =>
        d.Category == "Payers" || d.Id is DiagnosticIds.PayerFieldInvalid or DiagnosticIds.ProviderFieldInvalid);

    [Fact]
    public void Descriptors_InTheirRangesAndListed()
    {
        var mine = Mine().ToList();
        Assert.Equal(26, mine.Count);
        Assert.All(mine.Where(d => d.Category == "Payers"), d => Assert.Matches("^TBR4[0-9][0-9]$", d.Id));
        Assert.Equal(mine.Count, mine.Select(d => d.Id).Distinct().Count());
        Assert.All(mine.Where(d => d.Category != "Payers"), d => Assert.Matches("^TBR04[0-9]$", d.Id));
    }

    [Fact]
    public void Descriptors_EachHasADocPageWithTheSections()
    {
        string root = Path.GetFullPath(Path.Combine(Serialization.PayerProfileJsonTests.ProjectDir(), "..", ".."));
        foreach (var d in Mine())
        {
            string page = Path.Combine(root, "docs", "diagnostics", d.Id + ".md");
            Assert.True(File.Exists(page), page);
            string text = File.ReadAllText(page);
            foreach (var section in new[] { "What it checks", "Why", "Example that triggers it", "How to fix", "Source", "Since" })
            {
                Assert.Contains("## " + section, text, StringComparison.Ordinal);
            }
        }
    }
}
