using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TherapyBilling.Rules.Tests.Units;

/// <summary>Properties of the unit engine over generated encounters (rules reference §1.4, §2).</summary>
public sealed class UnitCalculatorProperties
{
    private static readonly CptCode[] s_codes = CodeCatalog.Default.Entries.Select(e => e.Code).ToArray();
    private static readonly CptCode[] s_timed = CodeCatalog.Default.Entries.Where(e => e.Kind == CodeKind.Timed).Select(e => e.Code).ToArray();

    public static class Arbitraries
    {
        public static Arbitrary<(CptCode Code, int Minutes)[]> Encounter() =>
            (from count in Gen.Choose(1, 8)
             from items in Gen.ArrayOf(
                 from code in Gen.Elements(s_codes)
                 from minutes in Gen.Choose(0, 180)
                 select (code, minutes), count)
             select items).ToArbitrary();

        public static Arbitrary<TimedEncounter> Timed() =>
            (from count in Gen.Choose(1, 8)
             from codes in Gen.ArrayOf(Gen.Elements(s_timed), count)
             from minutes in Gen.ArrayOf(Gen.Choose(0, 180), count)
             select new TimedEncounter(codes.Zip(minutes).ToArray())).ToArbitrary();

        public static Arbitrary<TimedSegments> Times() =>
            (from count in Gen.Choose(1, 8)
             from codes in Gen.ArrayOf(Gen.Elements(s_timed), count)
             from lengths in Gen.ArrayOf(Gen.Choose(1, 3600), count)
             from gaps in Gen.ArrayOf(Gen.Choose(0, 600), count)
             select new TimedSegments(codes, lengths, gaps)).ToArbitrary();
    }

    public sealed record TimedEncounter((CptCode Code, int Minutes)[] Items)
    {
        public override string ToString() => string.Join(", ", Items.Select(i => $"{i.Code}:{i.Minutes}"));
    }

    /// <summary>Back-to-back segments with gaps, lengths in seconds, starting 08:00.</summary>
    public sealed record TimedSegments(CptCode[] Codes, int[] LengthSeconds, int[] GapSeconds)
    {
        public IEnumerable<TreatmentSegment> Build()
        {
            var at = new LocalTime(8, 0);
            for (int i = 0; i < Codes.Length; i++)
            {
                at = at.PlusSeconds(GapSeconds[i]);
                var end = at.PlusSeconds(LengthSeconds[i]);
                yield return TreatmentSegment.FromTimes(Codes[i], at, end);
                at = end;
            }
        }

        public override string ToString() => string.Join(", ", Codes.Select((c, i) => $"{c}:{LengthSeconds[i]}s+{GapSeconds[i]}"));
    }

    private static UnitCalculation Run(IEnumerable<(CptCode Code, int Minutes)> items, UnitMethod method) =>
        UnitCalculator.Calculate(items.Select(i => TreatmentSegment.FromMinutes(i.Code, i.Minutes)), method);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public bool Cms_TotalTimedUnits_IsTheTableValueOfTotalTimedMinutes(TimedEncounter encounter)
    {
        var result = Run(encounter.Items, UnitMethod.Cms);
        int t = encounter.Items.Sum(i => i.Minutes);
        return result.TimedMinutes == t && result.TotalUnits == (t >= 8 ? (t + 7) / 15 : 0);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public bool LinesAddUpToTotalUnits((CptCode Code, int Minutes)[] items)
    {
        var cms = Run(items, UnitMethod.Cms);
        var ama = Run(items, UnitMethod.Ama);
        return cms.Lines.Sum(l => l.Units) == cms.TotalUnits && ama.Lines.Sum(l => l.Units) == ama.TotalUnits;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public bool Cms_EachCodeGetsItsFullBlocksAndAtMostOneMore(TimedEncounter encounter)
    {
        var result = Run(encounter.Items, UnitMethod.Cms);
        return result.Lines.All(l => l.Units >= l.Minutes / 15 && l.Units <= (l.Minutes / 15) + 1);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public bool Ama_EachCodeGetsItsOwnTableValue(TimedEncounter encounter)
    {
        var result = Run(encounter.Items, UnitMethod.Ama);
        return result.Lines.All(l => l.Units == (l.Minutes + 7) / 15);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public Property AddingMinutesToACode_NeverLowersThatCodeOrTheTotal(TimedEncounter encounter)
    {
        return Prop.ForAll(Gen.Choose(0, encounter.Items.Length - 1).ToArbitrary(), Gen.Choose(1, 60).ToArbitrary(), (index, extra) =>
        {
            var more = encounter.Items.ToArray();
            more[index] = (more[index].Code, more[index].Minutes + extra);
            foreach (var method in new[] { UnitMethod.Cms, UnitMethod.Ama })
            {
                var before = Run(encounter.Items, method);
                var after = Run(more, method);
                if (after.TotalUnits < before.TotalUnits || after.UnitsOf(more[index].Code) < before.UnitsOf(more[index].Code))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public bool SplittingASegmentIntoTwoAdjacentOnes_ChangesNothing(TimedSegments segments)
    {
        var whole = segments.Build().ToArray();
        var split = whole.SelectMany(s =>
        {
            var (start, end) = (s.Start!.Value, s.End!.Value);
            var middle = start.PlusSeconds((int)((end - start).ToDuration().TotalSeconds / 2));
            return new[] { TreatmentSegment.FromTimes(s.Code, start, middle), TreatmentSegment.FromTimes(s.Code, middle, end) };
        }).ToArray();
        foreach (var method in new[] { UnitMethod.Cms, UnitMethod.Ama })
        {
            var a = UnitCalculator.Calculate(whole, method);
            var b = UnitCalculator.Calculate(split, method);
            if (a.TotalUnits != b.TotalUnits || !a.Lines.Select(l => (l.Code, l.Minutes, l.Units)).SequenceEqual(b.Lines.Select(l => (l.Code, l.Minutes, l.Units))))
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public bool SegmentsOfOneCode_AreSummedExactlyThenRoundedDown(TimedSegments segments)
    {
        var result = UnitCalculator.Calculate(segments.Build(), UnitMethod.Cms);
        return result.Lines.All(line =>
        {
            int seconds = segments.Codes.Select((c, i) => c == line.Code ? segments.LengthSeconds[i] : 0).Sum();
            return line.Minutes == seconds / 60;
        });
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public Property ReorderingSegments_ChangesNoUnitCountExceptATieChoice(TimedEncounter encounter)
    {
        return Prop.ForAll(Gen.Shuffle(encounter.Items).ToArbitrary(), shuffled =>
        {
            foreach (var method in new[] { UnitMethod.Cms, UnitMethod.Ama })
            {
                var a = Run(encounter.Items, method);
                var b = Run(shuffled, method);
                if (a.TotalUnits != b.TotalUnits)
                {
                    return false;
                }

                foreach (var line in a.Lines)
                {
                    var other = b.Lines.Single(l => l.Code == line.Code);
                    if (other.Minutes != line.Minutes)
                    {
                        return false;
                    }

                    bool tie = method == UnitMethod.Cms && a.Lines.Any(l => l.Code != line.Code && l.LeftoverMinutes == line.LeftoverMinutes && l.Minutes == line.Minutes);
                    if (other.Units != line.Units && !tie)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 3000)]
    public bool SpanCore_AgreesWithTheNaiveImplementation(TimedEncounter encounter)
    {
        var minutes = encounter.Items.Select(i => i.Minutes).ToArray();
        foreach (var method in new[] { UnitMethod.Cms, UnitMethod.Ama })
        {
            var units = new int[minutes.Length];
            int total = UnitAllocator.Allocate(minutes, units, method);
            var naive = NaiveUnitCalculator.Allocate(minutes, method);
            if (!units.SequenceEqual(naive) || total != naive.Sum())
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public bool Calculator_AgreesWithTheNaiveImplementation_PerCode(TimedEncounter encounter)
    {
        var perCode = encounter.Items.GroupBy(i => i.Code).Select(g => g.Sum(i => i.Minutes)).ToArray();
        foreach (var method in new[] { UnitMethod.Cms, UnitMethod.Ama })
        {
            var naive = NaiveUnitCalculator.Allocate(perCode, method);
            var result = Run(encounter.Items, method);
            if (!result.Lines.Select(l => l.Units).SequenceEqual(naive))
            {
                return false;
            }
        }

        return true;
    }
}
