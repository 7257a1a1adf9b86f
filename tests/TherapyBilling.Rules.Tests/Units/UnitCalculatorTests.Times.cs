namespace TherapyBilling.Rules.Tests.Units;

/// <summary>Segments given as start and end times: exact sums, and bad times as diagnostics.</summary>
public sealed partial class UnitCalculatorTests
{
    private static TreatmentSegment At(CptCode code, int h1, int m1, int s1, int h2, int m2, int s2) =>
        TreatmentSegment.FromTimes(code, new LocalTime(h1, m1, s1), new LocalTime(h2, m2, s2));

    [Fact]
    public void Calculate_SplitSegmentsOfOneCode_SumExactlyThenRoundDown()
    {
        // 7 min 40 s + 30 s = 8 min 10 s -> 8 whole minutes -> 1 unit (rules: partial minute never counts).
        var result = UnitCalculator.Calculate([At(C97535, 9, 0, 0, 9, 7, 40), At(C97535, 10, 0, 0, 10, 0, 30)], UnitMethod.Cms);
        var line = Assert.Single(result.Lines);
        Assert.Equal(8, line.Minutes);
        Assert.Equal(1, line.Units);
        Assert.Equal(new[] { 0, 1 }, line.SegmentIndices.ToArray());
    }

    [Fact]
    public void Calculate_PartialMinutesOfOneSegment_NeverCount()
    {
        var result = UnitCalculator.Calculate([At(C97535, 9, 0, 0, 9, 7, 59)], UnitMethod.Cms);
        Assert.Equal(7, result.TimedMinutes);
        Assert.Equal(0, result.TotalUnits);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.LoneServiceUnderEightMinutes);
    }

    [Fact]
    public void Calculate_MinutesAndTimesMixed_AddUp()
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97535, 15), At(C97535, 9, 0, 0, 9, 8, 0)], UnitMethod.Cms);
        Assert.Equal(23, result.TimedMinutes);
        Assert.Equal(2, result.TotalUnits);
    }

    [Fact]
    public void Calculate_OverlappingSegments_ErrorNamingBothAndTheSharedMinutes()
    {
        var result = UnitCalculator.Calculate([At(C97535, 9, 0, 0, 9, 20, 0), At(C97530, 9, 15, 0, 9, 30, 0)], UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("segments[1]", d.Path);
        Assert.Equal("0", d.GetArgument("other"));
        Assert.Equal("2", d.GetArgument("count"));
        Assert.Equal("5", d.GetArgument("shared"));
        Assert.Equal("30", d.GetArgument("minutes"));
        Assert.Equal("09:00:00", d.GetArgument("from"));
        Assert.Equal("09:30:00", d.GetArgument("to"));
        Assert.Equal(30, result.TimedMinutes); // the clock time, shared minutes counted once
        Assert.Equal(20, result.Lines[0].Minutes); // the segment that started first keeps the shared minutes
        Assert.Equal(10, result.Lines[1].Minutes);
    }

    [Fact]
    public void Calculate_AdjacentSegments_DoNotOverlap()
    {
        var result = UnitCalculator.Calculate([At(C97535, 9, 0, 0, 9, 15, 0), At(C97530, 9, 15, 0, 9, 30, 0)], UnitMethod.Cms);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
        Assert.Equal(2, result.TotalUnits);
    }

    [Fact]
    public void Calculate_UntimedSegmentDuringTimedTime_IsNotAnOverlap()
    {
        // Supervised modalities (97010-97028) may run beside other services (NCCI ch. 11 §P.2).
        var result = UnitCalculator.Calculate([At(C97535, 9, 0, 0, 9, 20, 0), At(CptCode.Parse("97010"), 9, 0, 0, 9, 15, 0)], UnitMethod.Cms);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
    }

    [Fact]
    public void Calculate_EndBeforeStart_ErrorAndTimeNotCounted()
    {
        var result = UnitCalculator.Calculate([At(C97535, 9, 30, 0, 9, 0, 0), TreatmentSegment.FromMinutes(C97535, 10)], UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.SegmentEndsBeforeStart);
        Assert.Equal("segments[0].end", d.Path);
        Assert.Equal(10, result.TimedMinutes);
    }

    [Fact]
    public void Calculate_ZeroLengthSegment_Warning()
    {
        var result = UnitCalculator.Calculate([At(C97535, 9, 0, 0, 9, 0, 0), TreatmentSegment.FromMinutes(C97530, 0)], UnitMethod.Cms);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == DiagnosticIds.ZeroLengthSegment));
        Assert.All(result.Diagnostics.Where(d => d.Id == DiagnosticIds.ZeroLengthSegment), d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Fact]
    public void Calculate_SegmentAcrossMidnight_Error()
    {
        var start = new LocalDateTime(2026, 3, 2, 23, 50);
        var result = UnitCalculator.Calculate([TreatmentSegment.FromTimes(C97535, start, start.PlusMinutes(20))], UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.SegmentCrossesMidnight);
        Assert.Equal("segments[0].end", d.Path);
    }

    [Fact]
    public void Calculate_SegmentOnAnotherDate_ErrorWhenDateOfServiceGiven()
    {
        var options = UnitCalculationOptions.Default with { DateOfService = new LocalDate(2026, 3, 2) };
        var start = new LocalDateTime(2026, 3, 3, 9, 0);
        var result = UnitCalculator.Calculate([TreatmentSegment.FromTimes(C97535, start, start.PlusMinutes(20))], UnitMethod.Cms, options);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.SegmentOffDateOfService && d.Path == "segments[0].start");
    }

    [Fact]
    public void Calculate_UnknownCode_ErrorAndMinutesNotCounted()
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(CptCode.Parse("99999"), 30), TreatmentSegment.FromMinutes(C97535, 8)], UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UnknownCode);
        Assert.Equal("segments[0].code", d.Path);
        Assert.Equal(8, result.TimedMinutes);
        Assert.Equal(1, result.TotalUnits);
        Assert.Null(result.Lines[0].Kind);
    }

    [Fact]
    public void Calculate_CustomCatalog_DecidesWhatIsTimed()
    {
        var custom = CodeCatalog.Default.With([new CodeCatalogEntry(CptCode.Parse("97129"), CodeKind.Timed, true, "Cognitive function intervention", "test")]);
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(CptCode.Parse("97129"), 23)], UnitMethod.Cms, UnitCalculationOptions.Default with { Catalog = custom });
        Assert.Equal(2, result.TotalUnits);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Calculate_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => UnitCalculator.Calculate(null!, UnitMethod.Cms));
        Assert.Throws<ArgumentException>(() => UnitCalculator.Calculate([null!], UnitMethod.Cms));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitCalculator.Calculate([], (UnitMethod)7));
    }

    [Fact]
    public void FromMinutes_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TreatmentSegment.FromMinutes(C97535, -1));
        Assert.Throws<ArgumentException>(() => TreatmentSegment.FromMinutes(default, 5));
    }

    [Fact]
    public void Explain_CmsExample4_ReadsAsTheManual()
    {
        var result = Cms((C97110, 18), (C97140, 13), (C97116, 10), (C97035, 8));
        Support.Snapshot.Verify(result.Explain());
    }

    [Fact]
    public void Explain_CmsExample2_NamesTheTieChoice()
    {
        Support.Snapshot.Verify(Cms((C97112, 20), (C97110, 20)).Explain());
    }

    [Fact]
    public void Explain_AmaWithUntimed()
    {
        Support.Snapshot.Verify(Ama((C97535, 38), (C97530, 7), (C92521, 30)).Explain());
    }

    [Fact]
    public void Explanation_CoversEveryUnitOnce()
    {
        var result = Cms((C97110, 33), (C97140, 7), (C92521, 20), (C97530, 95));
        foreach (var line in result.Lines)
        {
            Assert.Equal(line.Units, result.Explanation.Where(e => e.Code == line.Code && e.UnitNumber > 0).Sum(e => e.ThroughUnitNumber - e.UnitNumber + 1));
        }
    }
}
