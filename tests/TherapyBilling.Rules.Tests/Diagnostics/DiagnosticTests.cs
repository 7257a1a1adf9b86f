using System.Text.RegularExpressions;

namespace TherapyBilling.Rules.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    [Fact]
    public void Ids_AreUniqueAndWellFormed()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches(new Regex(@"^TBR\d{3}$"), id));
    }

    [Fact]
    public void EveryIdConstant_HasADescriptor()
    {
        var constants = typeof(DiagnosticIds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(constants);
        Assert.Equal(constants.OrderBy(x => x, StringComparer.Ordinal), DiagnosticDescriptors.All.Select(d => d.Id));
    }

    [Fact]
    public void Create_RendersNamedPlaceholders()
    {
        var d = DiagnosticDescriptors.BilledUnitsDiffer.Create("lines[0].units",
            new DiagnosticArgument("code", "97535"), new DiagnosticArgument("billed", "3"), new DiagnosticArgument("computed", "2"), new DiagnosticArgument("method", "CMS"), new DiagnosticArgument("allocations", "97535 ×2"));
        Assert.Equal("97535 is billed with 3 unit(s) but its minutes support 2 under the CMS method; bill 97535 ×2.", d.Message);
        Assert.Equal("lines[0].units: error TBR108: " + d.Message, d.ToString());
        Assert.Equal("therapy-rules explain TBR108", d.HelpLink);
    }

    [Fact]
    public void Order_ComparesIndicesAsNumbers()
    {
        var a = DiagnosticDescriptors.ZeroLengthSegment.Create("segments[10]");
        var b = DiagnosticDescriptors.ZeroLengthSegment.Create("segments[2]");
        var c = DiagnosticDescriptors.OverlappingSegments.Create("segments[2]");
        Assert.Equal(new[] { c, b, a }, DiagnosticOrder.Sort([a, b, c]));
    }

    [Fact]
    public void Severity_IsOrdered()
    {
        Assert.True(Severity.Error > Severity.Warning && Severity.Warning > Severity.Info);
        Assert.Equal("warning", SeverityText.Of(Severity.Warning));
    }

    [Fact]
    public void WithPathPrefix_Reroots()
    {
        var d = DiagnosticDescriptors.ZeroLengthSegment.Create("segments[1]");
        Assert.Equal("encounters[3].segments[1]", d.WithPathPrefix("encounters[3]").Path);
    }
}
