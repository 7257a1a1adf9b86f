namespace TherapyBilling.Rules.Tests.Units;

/// <summary>
/// Misuse of the units API is an exception that names the parameter and says what is wrong (the message is the only
/// thing a caller sees in a log). Found missing by mutation testing (tests/mutation.md): the exception types were
/// asserted, the guards and messages were not.
/// </summary>
public sealed class MisuseMessagesTests
{
    private static readonly CptCode C97110 = CptCode.Parse("97110");

    [Fact]
    public void Allocate_UnitsShorterThanMinutes_NamesUnits()
    {
        var e = Assert.Throws<ArgumentException>(() => UnitAllocator.Allocate([10, 20], new int[1], UnitMethod.Cms));
        Assert.Equal("units", e.ParamName);
        Assert.StartsWith("The units span must be at least as long as the minutes span.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_TieRankOfTheWrongLength_NamesTieRank()
    {
        var e = Assert.Throws<ArgumentException>(() => UnitAllocator.Allocate([10, 20], new int[2], UnitMethod.Cms, [0]));
        Assert.Equal("tieRank", e.ParamName);
        Assert.StartsWith("tieRank must be empty or have one rank per code.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValidAllocation_UnitsOfTheWrongLength_NamesUnits()
    {
        var e = Assert.Throws<ArgumentException>(() => UnitAllocator.IsValidAllocation([10, 20], [1], UnitMethod.Cms));
        Assert.Equal("units", e.ParamName);
        Assert.StartsWith("The units span must have one entry per code.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NegativeMinutes_SaysSo()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.Allocate([10, -1], new int[2], UnitMethod.Cms));
        Assert.Equal("minutes", e.ParamName);
        Assert.StartsWith("Minutes must not be negative.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_MinutesOverTheTotal_SaysSo()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.Allocate([UnitAllocator.MaxTotalMinutes, 1], new int[2], UnitMethod.Cms));
        Assert.StartsWith("The minutes must sum to at most UnitAllocator.MaxTotalMinutes.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_NullSegments_ArgumentNullException()
    {
        var e = Assert.Throws<ArgumentNullException>(() => UnitCalculator.Calculate(null!, UnitMethod.Cms));
        Assert.Equal("segments", e.ParamName);
    }

    [Fact]
    public void Calculate_NullSegment_NamesItsIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 10), null!], UnitMethod.Cms));
        Assert.Equal("segments", e.ParamName);
        Assert.StartsWith("Segment 1 is null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValidAllocation_Null_ArgumentNullException()
    {
        var calc = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 10)], UnitMethod.Cms);
        Assert.Throws<ArgumentNullException>(() => calc.IsValidAllocation(null!));
    }

    [Fact]
    public void WithAllocation_Invalid_SaysWhy()
    {
        var calc = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 10)], UnitMethod.Cms);
        var e = Assert.Throws<ArgumentException>(() => calc.WithAllocation(new Dictionary<CptCode, int> { [C97110] = 3 }));
        Assert.Equal("timedUnits", e.ParamName);
        Assert.StartsWith("The allocation is not one the method allows for these minutes.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_DefaultCode_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() => TreatmentSegment.FromTimes(default, new LocalTime(9, 0), new LocalTime(9, 10)));
        Assert.Throws<ArgumentException>(() => TreatmentSegment.FromTimes(default, new LocalDateTime(2026, 3, 2, 9, 0), new LocalDateTime(2026, 3, 2, 9, 10)));
    }

    [Fact]
    public void HasErrors_OnlyForErrors()
    {
        Assert.False(UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 5)], UnitMethod.Cms).HasErrors);   // TBR105 is a warning or info
        Assert.True(UnitCalculator.Calculate(Enumerable.Repeat(TreatmentSegment.FromMinutes(C97110, 1440), 700), UnitMethod.Cms).HasErrors);  // TBR111
        var mixed = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(CptCode.Parse("99999"), 20), TreatmentSegment.FromMinutes(CptCode.Parse("97535"), 30), TreatmentSegment.FromMinutes(C97110, 5)], UnitMethod.Cms);
        Assert.Contains(mixed.Diagnostics, d => d.Severity != Severity.Error);   // TBR106 beside TBR001
        Assert.True(mixed.HasErrors);
    }

    [Fact]
    public void Allocate_MoreCodesThanTheStackHolds_SameAsSmallBatches()
    {
        // 70 codes (more than the 64 the allocator keeps on the stack): the pooled path gives what the rule gives.
        int[] minutes = [.. Enumerable.Range(0, 70).Select(i => 8 + (i % 7))];
        var units = new int[70];
        int total = UnitAllocator.Allocate(minutes, units, UnitMethod.Cms);
        Assert.Equal(UnitAllocator.UnitsForMinutes(minutes.Sum()), total);
        Assert.Equal(total, units.Sum());
        Assert.True(UnitAllocator.IsValidAllocation(minutes, units, UnitMethod.Cms));
        Assert.All(units, u => Assert.InRange(u, 0, 1));
        // Largest leftovers first: every code with 14 minutes gets its unit before any with less.
        Assert.True(units.Where((u, i) => minutes[i] == 14).All(u => u == 1));
        var ama = new int[70];
        Assert.Equal(70, UnitAllocator.Allocate(minutes, ama, UnitMethod.Ama));
    }
}
