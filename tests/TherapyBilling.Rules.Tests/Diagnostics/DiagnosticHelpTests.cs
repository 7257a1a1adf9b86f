using System.Text;
using TherapyBilling.Rules.Tests.Support;

namespace TherapyBilling.Rules.Tests.Diagnostics;

public sealed class DiagnosticHelpTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var d in DiagnosticDescriptors.All)
        {
            data.Add(d.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpText_IsTheEmbeddedPage_ByteEqualToDocs(string id)
    {
        var descriptor = DiagnosticDescriptors.Find(id)!;
        string path = Path.Combine(RepoPaths.DiagnosticsDocs, id + ".md");
        Assert.NotNull(descriptor.HelpText);
        Assert.Equal(File.ReadAllText(path, Encoding.UTF8), descriptor.HelpText);
    }

    [Fact]
    public void EveryEmbeddedPage_BelongsToADescriptor()
    {
        const string prefix = "TherapyBilling.Rules.Help.";
        var resources = typeof(DiagnosticDescriptor).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(DiagnosticDescriptors.All.Length, resources.Count);
        Assert.All(resources, r => Assert.NotNull(DiagnosticDescriptors.Find(r[prefix.Length..^3])));
    }

    [Theory]
    [InlineData(null, "therapy-rules explain TBR303")]
    [InlineData("https://rules.example.org/diagnostics", "https://rules.example.org/diagnostics/TBR303.md")]
    [InlineData("https://rules.example.org/diagnostics/", "https://rules.example.org/diagnostics/TBR303.md")]
    [InlineData("https://rules.example.org/help?id={id}", "https://rules.example.org/help?id=TBR303")]
    public void GetHelpLink_IsAbsoluteUnderABaseUrl_ElseNamesExplain(string? baseUrl, string expected) =>
        Assert.Equal(expected, DiagnosticDescriptors.Find("TBR303")!.GetHelpLink(baseUrl));
}
