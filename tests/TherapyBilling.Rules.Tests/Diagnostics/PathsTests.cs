using System.Globalization;

namespace TherapyBilling.Rules.Tests.Diagnostics;

/// <summary>Paths have one format whether or not their string is cached (<see cref="Paths.CachedIndices"/>).</summary>
public sealed class PathsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(1000)]
    public void SameText_InsideAndOutsideTheCache(int index)
    {
        string i = index.ToString(CultureInfo.InvariantCulture);
        Assert.Equal("segments[" + i + "]", Paths.Segment(index));
        Assert.Equal("segments[" + i + "].end", Paths.Segment(index, "end"));
        Assert.Equal("lines[" + i + "]", Paths.Index("lines", index));
        Assert.Equal("lines[" + i + "].units", Paths.Index("lines", index, "units"));
        Assert.Equal("interventions[" + i + "]", Paths.Index("interventions", index));
    }

    [Fact]
    public void CachedIndices_ShareOneString()
    {
        Assert.Same(Paths.Segment(Paths.CachedIndices - 1), Paths.Segment(Paths.CachedIndices - 1));
        Assert.Same(Paths.Index("lines", 0), Paths.Index("lines", 0));
        Assert.NotSame(Paths.Segment(Paths.CachedIndices), Paths.Segment(Paths.CachedIndices));
    }
}
