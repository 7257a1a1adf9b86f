namespace TherapyBilling.Rules.Tests.Units;

public sealed class UnitAllocatorTests
{
    [Fact]
    public void Allocate_CmsExample3_SpanCore()
    {
        Span<int> units = stackalloc int[2];
        int total = UnitAllocator.Allocate([33, 7], units, UnitMethod.Cms);
        Assert.Equal(3, total);
        Assert.Equal(2, units[0]);
        Assert.Equal(1, units[1]);
    }

    [Fact]
    public void Allocate_TieRank_LowerRankWinsTheTie()
    {
        Span<int> units = stackalloc int[2];
        UnitAllocator.Allocate([20, 20], units, UnitMethod.Cms, [1, 0]);
        Assert.Equal(1, units[0]);
        Assert.Equal(2, units[1]);
    }

    [Fact]
    public void Allocate_TieWithoutRank_MoreMinutesWinsThenPosition()
    {
        Span<int> units = stackalloc int[2];
        UnitAllocator.Allocate([5, 35], units, UnitMethod.Cms);
        // total 40 -> 3 units; 35 has 2 full blocks; leftovers tie at 5; 35 has more minutes.
        Assert.Equal(0, units[0]);
        Assert.Equal(3, units[1]);
    }

    [Fact]
    public void Allocate_Empty_ReturnsZero()
    {
        Assert.Equal(0, UnitAllocator.Allocate([], [], UnitMethod.Cms));
    }

    [Fact]
    public void Allocate_NegativeMinutes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.Allocate([5, -1], new int[2], UnitMethod.Cms));
    }

    [Fact]
    public void Allocate_UnitsSpanTooShort_Throws()
    {
        Assert.Throws<ArgumentException>(() => UnitAllocator.Allocate([5, 1], new int[1], UnitMethod.Cms));
    }

    [Fact]
    public void Allocate_UndefinedMethod_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.Allocate([5], new int[1], (UnitMethod)0));
    }

    [Fact]
    public void UnitsForMinutes_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.UnitsForMinutes(-1));
    }

    [Fact]
    public void UnitsForMinutes_LargeValue_DoesNotOverflow()
    {
        Assert.Equal((int)((int.MaxValue + 7L) / 15), UnitAllocator.UnitsForMinutes(int.MaxValue));
    }

    [Fact]
    public void Allocate_DoesNotAllocate()
    {
        int[] minutes = [24, 23, 8, 7];
        int[] units = new int[4];
        UnitAllocator.Allocate(minutes, units, UnitMethod.Cms); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            UnitAllocator.Allocate(minutes, units, UnitMethod.Cms);
            UnitAllocator.Allocate(minutes, units, UnitMethod.Ama);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
