namespace TherapyBilling.Rules.Tests.Units;

/// <summary>Pins each comparison of the default tie-break and of the overlap sweep (for mutation testing).</summary>
public sealed class TieBreakBoundaryTests
{
    private static TreatmentSegment At(CptCode code, int h1, int m1, int h2, int m2) =>
        TreatmentSegment.FromTimes(code, new LocalTime(h1, m1), new LocalTime(h2, m2));

    [Fact]
    public void LargerLeftoverWins_WhicheverComesFirst()
    {
        Span<int> units = stackalloc int[2];
        UnitAllocator.Allocate([6, 5], units, UnitMethod.Cms); // 11 -> 1 unit
        Assert.Equal([1, 0], units.ToArray());
        UnitAllocator.Allocate([5, 6], units, UnitMethod.Cms);
        Assert.Equal([0, 1], units.ToArray());
    }

    [Fact]
    public void EqualLeftoverAndMinutes_EarlierPositionWins()
    {
        Span<int> units = stackalloc int[3];
        UnitAllocator.Allocate([5, 5, 5], units, UnitMethod.Cms); // 15 minutes -> 1 unit; every code has 5 leftover
        Assert.Equal([1, 0, 0], units.ToArray());
    }

    [Fact]
    public void EqualLeftover_MoreMinutesWins_EvenWhenLater()
    {
        Span<int> units = stackalloc int[2];
        UnitAllocator.Allocate([5, 20], units, UnitMethod.Cms); // 25 -> 2; 20 has 1 block; tie at 5: 20 wins
        Assert.Equal([0, 2], units.ToArray());
    }

    [Fact]
    public void EqualRanks_FallBackToMinutes_LowerRankWinsOverMinutes()
    {
        Span<int> units = stackalloc int[2];
        UnitAllocator.Allocate([5, 20], units, UnitMethod.Cms, [3, 3]);
        Assert.Equal([0, 2], units.ToArray());
        UnitAllocator.Allocate([5, 20], units, UnitMethod.Cms, [0, 1]);
        Assert.Equal([1, 1], units.ToArray());
    }

    [Fact]
    public void NoLeftover_NeverTakesAnExtra_EvenWithTheBestRank()
    {
        Span<int> units = stackalloc int[2];
        UnitAllocator.Allocate([30, 8], units, UnitMethod.Cms, [0, 1]);
        Assert.Equal([2, 1], units.ToArray());
    }

    [Fact]
    public void EachCodeTakesAtMostOneExtra()
    {
        Span<int> units = stackalloc int[2];
        UnitAllocator.Allocate([14, 14], units, UnitMethod.Cms); // 28 -> 2: one each, never 2 on the first
        Assert.Equal([1, 1], units.ToArray());
    }

    [Fact]
    public void Ama_IgnoresRank_AndTotalsPerCode()
    {
        Span<int> units = stackalloc int[2];
        Assert.Equal(2, UnitAllocator.Allocate([8, 8], units, UnitMethod.Ama, [1, 0]));
        Assert.Equal([1, 1], units.ToArray());
    }

    [Fact]
    public void Allocate_TieRankOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => UnitAllocator.Allocate([5, 5], new int[2], UnitMethod.Cms, [1]));
    }

    [Fact]
    public void Sweep_ShortSegmentInsideALongOne_DoesNotCutTheGroup()
    {
        // A 9:00-9:40 holds B 9:10-9:20; C 9:30-9:50 still overlaps A: one group of three.
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 40), At(C97112, 9, 10, 9, 20), At(C97140, 9, 30, 9, 50)], UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
        Assert.Equal("3", d.GetArgument("count"));
        Assert.Equal(50, result.TimedMinutes);
        Assert.Equal(10, result.Lines[2].Minutes);
    }

    [Fact]
    public void Sweep_InputOrderDoesNotMatter_StartOrderDoes()
    {
        var forward = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 20), At(C97112, 9, 10, 9, 30)], UnitMethod.Cms);
        var backward = UnitCalculator.Calculate([At(C97112, 9, 10, 9, 30), At(C97110, 9, 0, 9, 20)], UnitMethod.Cms);
        Assert.Equal(20, forward.Lines.Single(l => l.Code == C97110).Minutes);
        Assert.Equal(20, backward.Lines.Single(l => l.Code == C97110).Minutes);
        Assert.Equal(10, backward.Lines.Single(l => l.Code == C97112).Minutes);
        Assert.Equal("segments[0]", Assert.Single(backward.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments).Path);
    }

    [Fact]
    public void ZeroLengthSegmentInsideAnother_IsNoOverlap()
    {
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 20), At(C97112, 9, 10, 9, 10)], UnitMethod.Cms);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
        Assert.Equal(20, result.TimedMinutes);
    }

    [Fact]
    public void MinuteSegments_NeverOverlap_AndAddToClockTime()
    {
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 20), At(C97112, 9, 10, 9, 30), TreatmentSegment.FromMinutes(C97140, 10)], UnitMethod.Cms);
        Assert.Equal(40, result.TimedMinutes);
        Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
    }
}
