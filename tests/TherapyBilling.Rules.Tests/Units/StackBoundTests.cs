using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules.Tests.Units;

/// <summary>
/// The calculation keeps its scratch values on the stack up to <see cref="SegmentChecks.StackSegments"/> segments
/// (and lines) and sorts by insertion up to <see cref="ClockSweep.InsertionSortLimit"/>; above either bound it uses
/// arrays. Both sides of each bound must give the same result as a minute-by-minute oracle (CPM ch. 5 §20.3: one-on-one
/// time counts once, the shared minutes stay with the segment that started first).
/// </summary>
public sealed class StackBoundTests
{
    private static readonly LocalDate Dos = new(2026, 3, 2);
    private static readonly CptCode[] s_timed = [C97110, C97112, C97116, C97140, C97530, C97535];

    [Fact]
    public void TheBoundsAreWhatTheseTestsCross()
    {
        Assert.Equal(32, SegmentChecks.StackSegments);
        Assert.Equal(32, ClockSweep.InsertionSortLimit);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(40)]
    [InlineData(70)]
    [InlineData(200)]
    public void OverlappingDay_MatchesTheMinuteOracle_OnBothSidesOfTheBounds(int count)
    {
        var random = new Random(count);
        var starts = new int[count];
        var ends = new int[count];
        var segments = new TreatmentSegment[count];
        for (int i = 0; i < count; i++)
        {
            starts[i] = random.Next(0, 1380);
            ends[i] = Math.Min(1439, starts[i] + random.Next(1, 46));
            var code = s_timed[random.Next(s_timed.Length)];
            segments[i] = TreatmentSegment.FromTimes(code, LocalTime.Midnight.PlusMinutes(starts[i]), LocalTime.Midnight.PlusMinutes(ends[i]));
        }

        var result = UnitCalculator.Calculate(segments, UnitMethod.Cms, new UnitCalculationOptions { DateOfService = Dos });

        var owned = OwnedMinutes(starts, ends);
        int covered = owned.Sum();
        Assert.Equal(covered, result.TimedMinutes);
        Assert.Equal(covered < 8 ? 0 : (covered + 7) / 15, result.TotalUnits);
        var codes = segments.Select(s => s.Code).Distinct().ToList();
        Assert.Equal(codes, result.Lines.Select(l => l.Code));
        foreach (var line in result.Lines)
        {
            var indices = Enumerable.Range(0, count).Where(i => segments[i].Code == line.Code).ToList();
            Assert.Equal(indices, line.SegmentIndices);
            Assert.Equal(indices.Sum(i => owned[i]), line.Minutes);
        }

        Assert.Equal(OverlappingGroups(starts, ends), result.Diagnostics.Count(d => d.Id == DiagnosticIds.OverlappingSegments));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(50)]
    public void ManyLines_TheBilledTieChoiceIsFollowed_OnBothSidesOfTheBound(int unknownCodes)
    {
        // Unknown codes make lines of their own (kind unknown), so the lines outnumber the stack bound.
        var segments = new List<TreatmentSegment> { TreatmentSegment.FromMinutes(C97110, 20), TreatmentSegment.FromMinutes(C97112, 20) };
        var billed = new List<BilledLine> { new(C97110, 1, [Modifier.GP]), new(C97112, 2, [Modifier.GP]) };
        for (int i = 0; i < unknownCodes; i++)
        {
            var code = CptCode.Parse("A" + (1000 + i).ToString(CultureInfo.InvariantCulture));
            segments.Add(TreatmentSegment.FromMinutes(code, 10));
        }

        var report = ComplianceEngine.Check(new Encounter("e", Dos, segments) { BilledLines = [.. billed], Discipline = Discipline.PhysicalTherapy });

        Assert.Equal(unknownCodes + 2, report.Lines.Length);
        Assert.True(report.Units.IsCallerChoice);
        Assert.Equal(1, report.Units.UnitsOf(C97110));
        Assert.Equal(2, report.Units.UnitsOf(C97112));
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        Assert.Equal(unknownCodes, report.Diagnostics.Count(d => d.Id == DiagnosticIds.UnknownCode));

        var invalid = ComplianceEngine.Check(new Encounter("e", Dos, segments) { BilledLines = [new(C97110, 3, [Modifier.GP])], Discipline = Discipline.PhysicalTherapy });
        Assert.False(invalid.Units.IsCallerChoice);
        Assert.Equal("lines[0].units", Assert.Single(invalid.Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer).Path);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(40)]
    public void OccupyingServiceAfterManySegments_Tbr110OnIt(int timedSegments)
    {
        var segments = new List<TreatmentSegment>();
        for (int i = 0; i < timedSegments; i++)
        {
            segments.Add(TreatmentSegment.FromTimes(C97110, LocalTime.Midnight.PlusMinutes(i * 30), LocalTime.Midnight.PlusMinutes((i * 30) + 20)));
        }

        var last = LocalTime.Midnight.PlusMinutes(((timedSegments - 1) * 30) + 10);
        segments.Add(TreatmentSegment.FromTimes(C97150, last, last.PlusMinutes(30)));

        var result = UnitCalculator.Calculate(segments, UnitMethod.Cms);

        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UntimedServiceOverlapsTimedTime);
        Assert.Equal(Paths.Segment(timedSegments), d.Path);
        Assert.Equal((timedSegments - 1).ToString(CultureInfo.InvariantCulture), d.GetArgument("other"));
        Assert.Equal(timedSegments * 20, result.TimedMinutes);
    }

    [Fact]
    public void AnySequence_GivesTheSameResultAsAnArray()
    {
        TreatmentSegment[] array = [TreatmentSegment.FromMinutes(C97110, 20), TreatmentSegment.FromMinutes(C97112, 20), TreatmentSegment.FromMinutes(C97110, 9)];
        var fromArray = UnitCalculator.Calculate(array, UnitMethod.Cms);
        var fromImmutable = UnitCalculator.Calculate(array.ToImmutableArray(), UnitMethod.Cms);
        var fromIterator = UnitCalculator.Calculate(array.Select(static s => s), UnitMethod.Cms);
        Assert.Equal(fromArray.Explain(), fromImmutable.Explain());
        Assert.Equal(fromArray.Explain(), fromIterator.Explain());
        Assert.Equal(new[] { 0, 2 }, fromIterator.Lines[0].SegmentIndices.ToArray());
        Assert.Throws<ArgumentException>(() => UnitCalculator.Calculate(new List<TreatmentSegment> { array[0], null! }, UnitMethod.Cms));
    }

    /// <summary>Each segment's minutes that no earlier-starting segment (equal starts: the earlier input) covers, minute by minute.</summary>
    private static int[] OwnedMinutes(int[] starts, int[] ends)
    {
        var owned = new int[starts.Length];
        for (int minute = 0; minute < 1440; minute++)
        {
            int owner = -1;
            for (int i = 0; i < starts.Length; i++)
            {
                if (starts[i] <= minute && minute < ends[i] && (owner < 0 || starts[i] < starts[owner]))
                {
                    owner = i;
                }
            }

            if (owner >= 0)
            {
                owned[owner]++;
            }
        }

        return owned;
    }

    /// <summary>The groups of two or more segments connected by shared time (pairwise, by union-find).</summary>
    private static int OverlappingGroups(int[] starts, int[] ends)
    {
        var parent = Enumerable.Range(0, starts.Length).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (int a = 0; a < starts.Length; a++)
        {
            for (int b = a + 1; b < starts.Length; b++)
            {
                if (starts[a] < ends[b] && starts[b] < ends[a])
                {
                    parent[Find(a)] = Find(b);
                }
            }
        }

        return Enumerable.Range(0, starts.Length).GroupBy(Find).Count(g => g.Count() > 1);
    }
}
