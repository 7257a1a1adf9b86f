namespace TherapyBilling.Rules.Tests.Units;

/// <summary>
/// Untimed services that occupy the patient (NCCI ch. 11 §P.2: only the supervised modalities 97010–97028 may share
/// a period with another PM&amp;R service) and the engine's limits on hostile input (issue 12).
/// </summary>
public sealed class PatientTimeAndLimitTests
{
    private static TreatmentSegment At(CptCode code, int h1, int m1, int h2, int m2) =>
        TreatmentSegment.FromTimes(code, new LocalTime(h1, m1), new LocalTime(h2, m2));

    [Theory]
    [InlineData("97150")]
    [InlineData("97161")]
    [InlineData("97164")]
    [InlineData("97168")]
    public void OccupyingUntimedService_OverlappingTimed_Tbr110(string code)
    {
        var untimed = CptCode.Parse(code);
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 30), At(untimed, 9, 20, 9, 50)], UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UntimedServiceOverlapsTimedTime);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("segments[1]", d.Path);
        Assert.Equal("0", d.GetArgument("other"));
        Assert.Equal("09:20:00", d.GetArgument("from"));
        Assert.Equal("09:30:00", d.GetArgument("to"));
        Assert.Equal(30, result.TimedMinutes); // the untimed minutes stay out of the timed minutes
        Assert.Equal(30, result.UntimedMinutes);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
    }

    [Fact]
    public void OccupyingServiceStartedFirst_StillReportedOnTheUntimedSegment()
    {
        var result = UnitCalculator.Calculate([At(C97150, 9, 0, 9, 30), At(C97110, 9, 20, 9, 50)], UnitMethod.Cms);
        Assert.Equal("segments[0]", Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UntimedServiceOverlapsTimedTime).Path);
    }

    [Fact]
    public void TwoOccupyingServicesOverlapping_Tbr110()
    {
        var result = UnitCalculator.Calculate([At(C97150, 9, 0, 9, 30), At(C97164, 9, 20, 9, 50)], UnitMethod.Cms);
        Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UntimedServiceOverlapsTimedTime);
    }

    [Fact]
    public void SupervisedModality_Exempt_AndAdjacentIsNoOverlap()
    {
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 30), At(C97010, 9, 0, 9, 30), At(C97150, 9, 30, 10, 0)], UnitMethod.Cms);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.UntimedServiceOverlapsTimedTime);
    }

    [Fact]
    public void ManyOverlaps_OneFindingPerGroup()
    {
        var segments = Enumerable.Repeat(At(C97150, 9, 0, 9, 30), 500).Concat(Enumerable.Repeat(At(C97110, 9, 0, 9, 30), 500));
        var result = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UntimedServiceOverlapsTimedTime);
    }

    [Fact]
    public void Catalog_MarksWhichCodesOccupyThePatient_EachRowSourced()
    {
        var catalog = CodeCatalog.Default;
        Assert.All(catalog.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.OccupiesPatientSource)));
        Assert.All(catalog.Entries.Where(e => e.Kind == CodeKind.Timed), e => Assert.True(e.OccupiesPatient));
        Assert.All(catalog.Entries.Where(e => CodePairCheck_IsSupervised(e.Code)), e => Assert.False(e.OccupiesPatient));
        foreach (var code in new[] { "97150", "97161", "97162", "97163", "97164", "97165", "97166", "97167", "97168" })
        {
            Assert.True(catalog.TryGet(CptCode.Parse(code), out var entry) && entry.OccupiesPatient, code);
        }
    }

    private static bool CodePairCheck_IsSupervised(CptCode code) => string.CompareOrdinal(code.Value, "97010") >= 0 && string.CompareOrdinal(code.Value, "97028") <= 0;

    [Fact]
    public void Catalog_FiveColumnFilesStillRead_OccupiesDefaultsFalse_BadValueRefused()
    {
        var old = CodeCatalog.Load(new StringReader("97150\tuntimed\ttrue\tGroup\tmine\n"), "old.tsv");
        Assert.False(old.Entries[0].OccupiesPatient);
        var now = CodeCatalog.Load(new StringReader("97150\tuntimed\ttrue\tGroup\tmine\ttrue\tNCCI\n"), "new.tsv");
        Assert.True(now.Entries[0].OccupiesPatient);
        Assert.Equal("NCCI", now.Entries[0].OccupiesPatientSource);
        var ex = Assert.Throws<ReferenceDataException>(() => CodeCatalog.Load(new StringReader("97150\tuntimed\ttrue\tGroup\tmine\tyes\tNCCI\n"), "bad.tsv"));
        Assert.Contains("occupiesPatient", ex.Message, StringComparison.Ordinal);
    }

    // --- limits (issue 12) ---

    [Fact]
    public void Allocate_HugeMinutes_ArgumentOutOfRange_NotOverflow()
    {
        int[] minutes = [.. Enumerable.Repeat(int.MaxValue, 20)];
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.Allocate(minutes, new int[20], UnitMethod.Cms));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.Allocate(minutes, new int[20], UnitMethod.Ama));
        Assert.Equal(143_165_576, UnitAllocator.Allocate([int.MaxValue], new int[1], UnitMethod.Cms));
        Assert.Equal(143_165_576, UnitAllocator.Allocate([int.MaxValue - 1, 1], new int[2], UnitMethod.Cms));
    }

    [Fact]
    public void Calculate_MillionsOfSegments_Tbr111_NoException()
    {
        var segment = TreatmentSegment.FromMinutes(C97110, 1440);
        var result = UnitCalculator.Calculate(Enumerable.Repeat(segment, 1_500_000), UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.MinutesBeyondLimit);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(0, result.TotalUnits);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.TimedLineEarnsNoUnit);
        Assert.Equal(UnitCalculator.MaxEncounterMinutes, result.TimedMinutes);
        Assert.False(result.IsValidAllocation(new Dictionary<CptCode, int> { [C97110] = 1 }));
        Assert.True(result.IsValidAllocation(new Dictionary<CptCode, int>()));
        Assert.Null(result.Tie);
    }

    [Fact]
    public void Calculate_SegmentSpanningMillennia_NoException()
    {
        var segment = TreatmentSegment.FromTimes(C97110, new LocalDateTime(1, 1, 1, 0, 0), new LocalDateTime(9999, 12, 31, 23, 59));
        var result = UnitCalculator.Calculate([segment, segment, segment], UnitMethod.Cms);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.MinutesBeyondLimit);
        Assert.True(result.Explain().Length < 10_000);
    }

    [Fact]
    public void Calculate_AtTheLimit_Computed_OneMinuteMore_Tbr111()
    {
        var at = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, UnitCalculator.MaxEncounterMinutes)], UnitMethod.Cms);
        Assert.DoesNotContain(at.Diagnostics, d => d.Id == DiagnosticIds.MinutesBeyondLimit);
        Assert.Equal((UnitCalculator.MaxEncounterMinutes + 7) / 15, at.TotalUnits);
        var above = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, UnitCalculator.MaxEncounterMinutes), TreatmentSegment.FromMinutes(C97112, 1)], UnitMethod.Cms);
        Assert.Contains(above.Diagnostics, d => d.Id == DiagnosticIds.MinutesBeyondLimit && d.GetArgument("kind") == "timed");
        var untimed = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97150, UnitCalculator.MaxEncounterMinutes + 1)], UnitMethod.Cms);
        Assert.Contains(untimed.Diagnostics, d => d.Id == DiagnosticIds.MinutesBeyondLimit && d.GetArgument("kind") == "untimed");
    }

    [Fact]
    public void Explain_ARunOfFullBlocksIsOneLine()
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 60_007)], UnitMethod.Cms);
        Assert.Equal(4_000, result.TotalUnits);
        var steps = result.Explanation;
        Assert.Equal(2, steps.Length); // the run of blocks, then the 7 leftover minutes
        Assert.Equal(UnitReason.NoUnit, steps[1].Reason);
        Assert.Equal(1, steps[0].UnitNumber);
        Assert.Equal(4_000, steps[0].ThroughUnitNumber);
        Assert.Equal("97110 units 1–4,000: full 15-minute blocks (minutes 1–60,000 of 60,007).", steps[0].Text);
        Assert.Equal(3, result.Explain().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void Explain_RunsShorterThanThreeKeepOneStepPerUnit(int blocks, int expectedSteps)
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, blocks * 15)], UnitMethod.Cms);
        Assert.Equal(expectedSteps, result.Explanation.Length);
    }

    // --- the lone-service condition (CPM ch. 5 §20.2 C) ---

    [Theory]
    [InlineData(7, DiagnosticIds.LoneServiceUnderEightMinutes)]
    [InlineData(1, DiagnosticIds.LoneServiceUnderEightMinutes)]
    public void LoneTimedService_UnderEight_Tbr105(int minutes, string id)
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, minutes)], UnitMethod.Cms);
        Assert.Equal(id, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void LoneTimedService_Eight_Billable_NoFinding()
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 8)], UnitMethod.Cms);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.TotalUnits);
    }

    [Fact]
    public void TwoTimedServices_OneEarnsNothing_Tbr106NotTbr105()
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 30), TreatmentSegment.FromMinutes(C97112, 5)], UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.TimedLineEarnsNoUnit, d.Id);
        Assert.Equal("segments[1]", d.Path);
    }

    [Fact]
    public void LoneTimedService_WithAnUntimedCode_StillTbr105()
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 7), TreatmentSegment.FromMinutes(C92521, 30)], UnitMethod.Cms);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.LoneServiceUnderEightMinutes);
    }

    [Fact]
    public void ZeroMinuteTimedLine_NoZeroUnitFinding()
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 0)], UnitMethod.Cms);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is DiagnosticIds.LoneServiceUnderEightMinutes or DiagnosticIds.TimedLineEarnsNoUnit);
    }

    [Fact]
    public void Ama_LoneUnderEight_Tbr105_EightIsOne()
    {
        Assert.Contains(UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 7)], UnitMethod.Ama).Diagnostics, d => d.Id == DiagnosticIds.LoneServiceUnderEightMinutes);
        Assert.Equal(1, UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97110, 8)], UnitMethod.Ama).TotalUnits);
    }
}
