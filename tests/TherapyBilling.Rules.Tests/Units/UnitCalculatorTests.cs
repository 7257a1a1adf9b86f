namespace TherapyBilling.Rules.Tests.Units;

/// <summary>The CMS manual's examples (CPM ch. 5 §20.2, rules reference §1.3) and the AMA vectors (§2).</summary>
public sealed partial class UnitCalculatorTests
{
    private static UnitCalculation Cms(params (CptCode Code, int Minutes)[] segments) =>
        UnitCalculator.Calculate(segments.Select(s => TreatmentSegment.FromMinutes(s.Code, s.Minutes)), UnitMethod.Cms);

    private static UnitCalculation Ama(params (CptCode Code, int Minutes)[] segments) =>
        UnitCalculator.Calculate(segments.Select(s => TreatmentSegment.FromMinutes(s.Code, s.Minutes)), UnitMethod.Ama);

    [Fact]
    public void Calculate_CmsExampleB_SixtyMinutesOf97530_FourUnits()
    {
        var result = Cms((C97530, 60));
        Assert.Equal(4, result.TotalUnits);
        Assert.Equal(4, result.UnitsOf(C97530));
    }

    [Fact]
    public void Calculate_CmsExample1_MoreUnitsToTheCodeWithMoreTime()
    {
        var result = Cms((C97112, 24), (C97110, 23));
        Assert.Equal(47, result.TimedMinutes);
        Assert.Equal(3, result.TotalUnits);
        Assert.Equal(2, result.UnitsOf(C97112));
        Assert.Equal(1, result.UnitsOf(C97110));
    }

    [Fact]
    public void Calculate_CmsExample2_EqualTime_TwoAndOneNeverThreeOnOne()
    {
        var result = Cms((C97112, 20), (C97110, 20));
        Assert.Equal(3, result.TotalUnits);
        var units = new[] { result.UnitsOf(C97112), result.UnitsOf(C97110) };
        Assert.Contains(units, u => u == 2);
        Assert.Contains(units, u => u == 1);
        // Documented tie-break: equal minutes, so the code first in the input takes the extra unit.
        Assert.Equal(2, result.UnitsOf(C97112));
        Assert.Contains(result.Explanation, e => e.Reason == UnitReason.TieChoice && e.Code == C97112);
    }

    [Fact]
    public void Calculate_CmsExample2_PreferredOrderOverridesTheTieBreak()
    {
        var options = UnitCalculationOptions.Default with { PreferredOrder = [C97110] };
        var result = UnitCalculator.Calculate(
            [TreatmentSegment.FromMinutes(C97112, 20), TreatmentSegment.FromMinutes(C97110, 20)], UnitMethod.Cms, options);
        Assert.Equal(1, result.UnitsOf(C97112));
        Assert.Equal(2, result.UnitsOf(C97110));
    }

    [Fact]
    public void Calculate_CmsExample3_LeftoverSevenBeatsLeftoverThree()
    {
        var result = Cms((C97110, 33), (C97140, 7));
        Assert.Equal(3, result.TotalUnits);
        Assert.Equal(2, result.UnitsOf(C97110));
        Assert.Equal(1, result.UnitsOf(C97140));
    }

    [Fact]
    public void Calculate_CmsExample4_UltrasoundGetsNoUnitButStaysOnTheLines()
    {
        var result = Cms((C97110, 18), (C97140, 13), (C97116, 10), (C97035, 8));
        Assert.Equal(49, result.TimedMinutes);
        Assert.Equal(3, result.TotalUnits);
        Assert.Equal(1, result.UnitsOf(C97110));
        Assert.Equal(1, result.UnitsOf(C97140));
        Assert.Equal(1, result.UnitsOf(C97116));
        Assert.Equal(0, result.UnitsOf(C97035));
        Assert.Equal(4, result.Lines.Length);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.TimedLineEarnsNoUnit && d.Path == "segments[3]");
    }

    [Fact]
    public void Calculate_CmsExample5_ThreeServicesOfSevenMinutes_OneUnitToOneCode()
    {
        var result = Cms((C97112, 7), (C97110, 7), (C97140, 7));
        Assert.Equal(1, result.TotalUnits);
        Assert.Single(result.Lines, l => l.Units == 1);
        Assert.Equal(1, result.UnitsOf(C97112)); // documented tie-break: first in input
    }

    [Fact]
    public void Calculate_UntimedCode_OneUnitAndMinutesNotTimed()
    {
        var result = Cms((C92521, 50), (C97535, 10));
        Assert.Equal(1, result.UnitsOf(C92521));
        Assert.Equal(1, result.UnitsOf(C97535));
        Assert.Equal(10, result.TimedMinutes);
        Assert.Equal(60, result.TotalTreatmentMinutes);
        Assert.Equal(2, result.TotalUnits);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(22, 1)]
    [InlineData(23, 2)]
    [InlineData(37, 2)]
    [InlineData(38, 3)]
    [InlineData(52, 3)]
    [InlineData(53, 4)]
    [InlineData(67, 4)]
    [InlineData(68, 5)]
    [InlineData(82, 5)]
    [InlineData(83, 6)]
    [InlineData(97, 6)]
    [InlineData(98, 7)]
    [InlineData(112, 7)]
    [InlineData(113, 8)]
    [InlineData(127, 8)]
    [InlineData(128, 9)]
    [InlineData(142, 9)]
    [InlineData(143, 10)]
    [InlineData(157, 10)]
    [InlineData(158, 11)]
    public void Calculate_SingleCodeTable_BothSidesOfEveryThreshold(int minutes, int units)
    {
        Assert.Equal(units, Cms((C97535, minutes)).TotalUnits);
        Assert.Equal(units, Ama((C97535, minutes)).TotalUnits);
        Assert.Equal(units, UnitAllocator.UnitsForMinutes(minutes));
    }

    [Fact]
    public void Calculate_LoneServiceOfSevenMinutes_NotBillableWithWarning()
    {
        var result = Cms((C97535, 7));
        Assert.Equal(0, result.TotalUnits);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.LoneServiceUnderEightMinutes, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("segments[0]", d.Path);
    }

    [Theory]
    [InlineData(7, 7, 7, 0, 0, 0)]
    [InlineData(8, 8, 8, 1, 1, 1)]
    public void Calculate_AmaThreeCodes(int a, int b, int c, int ua, int ub, int uc)
    {
        var result = Ama((C97112, a), (C97110, b), (C97140, c));
        Assert.Equal(new[] { ua, ub, uc }, result.Lines.Select(l => l.Units));
    }

    [Theory]
    [InlineData("97116", 10, "97110", 23, 1, 2)]
    [InlineData("97116", 20, "97112", 20, 1, 1)]
    [InlineData("97116", 5, "97112", 7, 0, 0)]
    [InlineData("97116", 5, "97112", 18, 0, 1)]
    [InlineData("97110", 33, "97140", 7, 2, 0)]
    [InlineData("97112", 24, "97110", 23, 2, 2)]
    [InlineData("97110", 8, "97140", 8, 1, 1)]
    public void Calculate_AmaPerCodeVectors(string codeA, int minutesA, string codeB, int minutesB, int unitsA, int unitsB)
    {
        var result = Ama((CptCode.Parse(codeA), minutesA), (CptCode.Parse(codeB), minutesB));
        Assert.Equal(unitsA, result.UnitsOf(CptCode.Parse(codeA)));
        Assert.Equal(unitsB, result.UnitsOf(CptCode.Parse(codeB)));
    }

    [Fact]
    public void Calculate_AmaExample4_FourUnits()
    {
        var result = Ama((C97110, 18), (C97140, 13), (C97116, 10), (C97035, 8));
        Assert.Equal(new[] { 1, 1, 1, 1 }, result.Lines.Select(l => l.Units));
        Assert.Equal(4, result.TotalUnits);
    }

    [Theory]
    [InlineData(8, 8, 1)]
    [InlineData(3, 7, 1)]
    [InlineData(16, 7, 2)]
    public void Calculate_CmsTwoCodes_TotalFromPooledMinutes(int a, int b, int total)
    {
        Assert.Equal(total, Cms((C97110, a), (C97140, b)).TotalUnits);
    }
}
