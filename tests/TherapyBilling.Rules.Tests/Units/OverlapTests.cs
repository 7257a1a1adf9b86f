using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TherapyBilling.Rules.Tests.Units;

/// <summary>
/// One-on-one time is counted once (CPM ch. 5 §20.3; NCCI ch. 11 §P.2): overlapping timed segments give the union of
/// clock time, the shared minutes stay with the segment that started first, and each overlapping group is one TBR101.
/// </summary>
public sealed class OverlapTests
{
    private static readonly LocalDate Dos = new(2026, 3, 2);

    private static TreatmentSegment At(CptCode code, int h1, int m1, int h2, int m2, int s1 = 0, int s2 = 0) =>
        TreatmentSegment.FromTimes(code, new LocalTime(h1, m1, s1), new LocalTime(h2, m2, s2));

    [Fact]
    public void AuditCase_97535And97530Overlapping_ClockTimeOnce_OneFinding()
    {
        // 97535 10:00-10:20 with 97530 10:10-10:35: 35 minutes of clock time, not 45; 2 units, not 3.
        var result = UnitCalculator.Calculate([At(C97535, 10, 0, 10, 20), At(C97530, 10, 10, 10, 35)], UnitMethod.Cms);
        Assert.Equal(35, result.TimedMinutes);
        Assert.Equal(2, result.TotalUnits);
        Assert.Equal(20, result.Lines[0].Minutes);
        Assert.Equal(15, result.Lines[1].Minutes);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
        Assert.Equal("10", d.GetArgument("shared"));
        Assert.Contains("45 minute(s) were recorded, 35 of clock time", result.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Engine_ReportsTheOverlapOnce_NoTbr301_NoPairAdvice()
    {
        var encounter = new Encounter("e1", Dos, [At(C97140, 9, 0, 9, 20) with { Modifiers = [Modifier.GP] }, At(C97530, 9, 10, 9, 30) with { Modifiers = [Modifier.GP] }])
        {
            Discipline = Discipline.PhysicalTherapy,
            BilledLines = [new BilledLine(C97140, 1, [Modifier.GP]), new BilledLine(C97530, 1, [Modifier.GP, Modifier.Distinct59])],
        };
        var report = ComplianceEngine.Check(encounter);
        Assert.Single(report.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id is DiagnosticIds.SamePeriodTimedCodes or DiagnosticIds.PairModifierMissing or DiagnosticIds.PreferXModifier);
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.PairModifierNotSupported);
    }

    [Fact]
    public void Engine_OverlappingPairWithoutModifier_NoAdviceToAddXu()
    {
        var encounter = new Encounter("e2", Dos, [At(C97140, 9, 0, 9, 20), At(C97530, 9, 10, 9, 30)])
        {
            Discipline = Discipline.PhysicalTherapy,
            BilledLines = [new BilledLine(C97140, 1, [Modifier.GP]), new BilledLine(C97530, 1, [Modifier.GP])],
        };
        var report = ComplianceEngine.Check(encounter);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == DiagnosticIds.PairModifierMissing);
        var input = SeparationInput.FromBilledLines(Dos, encounter.Segments, encounter.BilledLines, Discipline.PhysicalTherapy);
        Assert.DoesNotContain(CodePairCheck.SuggestFixes(input), f => f.Action == ModifierFixAction.Add && f.Modifier == Modifier.XU);
    }

    [Fact]
    public void ThousandIdenticalSegments_OneFinding_ClockTimeOnce()
    {
        var segments = Enumerable.Repeat(At(C97110, 9, 0, 9, 30), 1000).ToArray();
        var result = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.OverlappingSegments);
        Assert.Equal("1000", d.GetArgument("count"));
        Assert.Equal(30, result.TimedMinutes);
        Assert.Equal(2, result.TotalUnits);

        var separation = CodePairCheck.Check(SeparationInput.FromBilledLines(Dos, [.. segments, .. Enumerable.Repeat(At(C97112, 9, 0, 9, 30), 1000)], [new BilledLine(C97110, 2)]));
        Assert.Single(separation.Diagnostics, d => d.Id == DiagnosticIds.SamePeriodTimedCodes);
    }

    [Fact]
    public void TwoSeparateGroups_TwoFindings_AdjacentIsNoOverlap()
    {
        var result = UnitCalculator.Calculate(
            [At(C97110, 9, 0, 9, 20), At(C97112, 9, 10, 9, 30), At(C97140, 9, 30, 9, 45), At(C97530, 10, 0, 10, 20), At(C97530, 10, 5, 10, 10)],
            UnitMethod.Cms);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == DiagnosticIds.OverlappingSegments));
        Assert.Equal(30 + 15 + 20, result.TimedMinutes);
    }

    [Fact]
    public void EqualStarts_TheEarlierInputKeepsTheSharedTime()
    {
        var result = UnitCalculator.Calculate([At(C97112, 9, 0, 9, 20), At(C97110, 9, 0, 9, 30)], UnitMethod.Cms);
        Assert.Equal(20, result.Lines[0].Minutes);
        Assert.Equal(10, result.Lines[1].Minutes);
    }

    [Fact]
    public void SegmentInsideAnother_CountsNothing()
    {
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 40), At(C97112, 9, 10, 9, 20)], UnitMethod.Cms);
        Assert.Equal(40, result.TimedMinutes);
        Assert.Equal(0, result.Lines[1].Minutes);
        Assert.Equal(3, result.TotalUnits);
    }

    // --- exact time, floored once ---

    [Fact]
    public void ExactTime_FlooredOnce_ElevenThirtyTwice_TwentyThreeMinutesTwoUnits()
    {
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 11, 0, 30), At(C97140, 9, 20, 9, 31, 0, 30)], UnitMethod.Cms);
        Assert.Equal(23, result.TimedMinutes);
        Assert.Equal(11, result.Lines[0].Minutes);
        Assert.Equal(11, result.Lines[1].Minutes);
        Assert.Equal(2, result.TotalUnits);
        Assert.Equal(1, result.UnitsOf(C97110));
        Assert.Equal(1, result.UnitsOf(C97140));
        Assert.Contains("adds up to 23 minute(s) floored once; the codes' minutes floored one by one add up to 22", result.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExactTime_Ama_PerCodeFloors_NoTotalSentence()
    {
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 11, 0, 30), At(C97140, 9, 20, 9, 31, 0, 30)], UnitMethod.Ama);
        Assert.Equal(2, result.TotalUnits); // 11 and 11 each pass the midpoint
        Assert.DoesNotContain("floored once", result.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExactTime_LeftoversComparedOnSeconds()
    {
        // 11:40 + 11:20 = 23:00 -> 2 units; both show 11 minutes. 22:40 + 7:20 = 30 -> 2 units: 97110 has 1 block
        // (7:40 left) vs 97140 7:20: the larger exact leftover (97110) takes the extra unit; no tie.
        var result = UnitCalculator.Calculate([At(C97110, 9, 0, 9, 22, 0, 40), At(C97140, 9, 30, 9, 37, 0, 20)], UnitMethod.Cms);
        Assert.Equal(30, result.TimedMinutes);
        Assert.Equal(2, result.UnitsOf(C97110));
        Assert.Equal(0, result.UnitsOf(C97140));
        Assert.Null(result.Tie);
    }

    [Fact]
    public void ExactTime_SameAsPerCode_NoExactTimeSentence()
    {
        Assert.DoesNotContain("floored once", UnitCalculator.Calculate([At(C97110, 9, 0, 9, 11), At(C97140, 9, 20, 9, 32)], UnitMethod.Cms).Explain(), StringComparison.Ordinal);
    }

    // --- properties ---

    public static class Arbitraries
    {
        public static Arbitrary<Layout> Layouts() =>
            (from count in Gen.Choose(1, 6)
             from codes in Gen.ArrayOf(Gen.Elements(C97110, C97112, C97140, C97530, C97535), count)
             from starts in Gen.ArrayOf(Gen.Choose(0, 7200), count)
             from lengths in Gen.ArrayOf(Gen.Choose(1, 3600), count)
             select new Layout(codes, starts, lengths)).ToArbitrary();
    }

    /// <summary>Segments at random starts (seconds after 08:00), possibly overlapping.</summary>
    public sealed record Layout(CptCode[] Codes, int[] StartSeconds, int[] LengthSeconds)
    {
        public TreatmentSegment[] Build(int[]? starts = null) =>
            [.. Codes.Select((c, i) => TreatmentSegment.FromTimes(c, new LocalTime(8, 0).PlusSeconds((starts ?? StartSeconds)[i]), new LocalTime(8, 0).PlusSeconds((starts ?? StartSeconds)[i] + LengthSeconds[i])))];

        public int UnionSeconds()
        {
            var covered = new bool[7200 + 3600 + 1];
            for (int i = 0; i < Codes.Length; i++)
            {
                for (int s = StartSeconds[i]; s < StartSeconds[i] + LengthSeconds[i]; s++)
                {
                    covered[s] = true;
                }
            }

            return covered.Count(c => c);
        }

        /// <summary>The same segments laid back to back in input order: no overlap.</summary>
        public int[] ApartStarts()
        {
            var starts = new int[Codes.Length];
            for (int i = 1; i < Codes.Length; i++)
            {
                starts[i] = starts[i - 1] + LengthSeconds[i - 1];
            }

            return starts;
        }

        public override string ToString() => string.Join(", ", Codes.Select((c, i) => $"{c}@{StartSeconds[i]}+{LengthSeconds[i]}"));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public bool Units_NeverExceedTheClock(Layout layout)
    {
        var result = UnitCalculator.Calculate(layout.Build(), UnitMethod.Cms);
        int unionMinutes = layout.UnionSeconds() / 60;
        return result.TotalUnits <= (unionMinutes + 7) / 15 && result.TimedMinutes == unionMinutes;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public bool AddingAnOverlap_NeverRaisesTheUnits(Layout layout)
    {
        var apart = UnitCalculator.Calculate(layout.Build(layout.ApartStarts()), UnitMethod.Cms);
        var overlapping = UnitCalculator.Calculate(layout.Build(), UnitMethod.Cms);
        return overlapping.TotalUnits <= apart.TotalUnits && apart.Diagnostics.All(d => d.Id != DiagnosticIds.OverlappingSegments);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool OneFindingPerOverlappingGroup(Layout layout)
    {
        var result = UnitCalculator.Calculate(layout.Build(), UnitMethod.Cms);
        // Brute force: groups = connected components of the "shares time" graph.
        int n = layout.Codes.Length;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var inGroup = new bool[n];
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                if (Math.Max(layout.StartSeconds[a], layout.StartSeconds[b]) < Math.Min(layout.StartSeconds[a] + layout.LengthSeconds[a], layout.StartSeconds[b] + layout.LengthSeconds[b]))
                {
                    parent[Find(a)] = Find(b);
                    inGroup[a] = inGroup[b] = true;
                }
            }
        }

        int groups = Enumerable.Range(0, n).Where(i => inGroup[i]).Select(Find).Distinct().Count();
        return result.Diagnostics.Count(d => d.Id == DiagnosticIds.OverlappingSegments) == groups;
    }
}
