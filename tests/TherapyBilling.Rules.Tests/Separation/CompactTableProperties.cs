using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>
/// The compact PTP and MUE tables (issue 17: packed rows, day numbers, a hash of packed keys) answer every lookup
/// exactly as a naive scan of the rows they were built from.
/// </summary>
public sealed class CompactTableProperties
{
    private static readonly CptCode[] s_codes =
        [.. new[] { "97110", "97112", "97140", "97530", "97535", "G0283", "00100", "Z9999", "A0001", "99999", "10000" }.Select(CptCode.Parse)];

    private static readonly string[] s_rationales = ["Mutually exclusive procedures", "Standards of medical / surgical practice", "CPT Manual or CMS manual coding instructions"];
    private static readonly string[] s_sources = ["ccipra-v321r0-f1", "[L] secondary source, verify", "[H] NCCI Policy Manual ch. 11"];
    private static readonly LocalDate s_first = new(1995, 12, 28);

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static LocalDate Day(Random random, int span) => s_first.PlusDays(random.Next(span));

    private static List<PtpEdit> RandomEdits(Random random)
    {
        var edits = new List<PtpEdit>();
        int count = random.Next(40);
        for (int i = 0; i < count; i++)
        {
            var c1 = s_codes[random.Next(s_codes.Length)];
            var c2 = s_codes[random.Next(s_codes.Length)];
            if (c1 == c2)
            {
                continue;
            }

            var effective = Day(random, 12_000);
            LocalDate? deletion = random.Next(3) switch
            {
                0 => null,
                1 => effective, // indicator-9 style: never in force
                _ => effective.PlusDays(random.Next(1, 4_000)),
            };
            var indicator = random.Next(3) switch { 0 => ModifierIndicator.NotAllowed, 1 => ModifierIndicator.Allowed, _ => ModifierIndicator.NotApplicable };
            edits.Add(new PtpEdit(c1, c2, effective, deletion, indicator, s_rationales[random.Next(s_rationales.Length)], s_sources[random.Next(s_sources.Length)]));
        }

        return edits;
    }

    /// <summary>The naive answer: of the rows of the ordered pair in force on the date, the latest effective date; on a tie the later row.</summary>
    private static PtpEdit? NaiveInForce(List<PtpEdit> rows, CptCode column1, CptCode column2, LocalDate date)
    {
        PtpEdit? best = null;
        foreach (var row in rows)
        {
            if (row.Column1 == column1 && row.Column2 == column2 && row.IsInForceOn(date) && (best is null || row.EffectiveDate >= best.EffectiveDate))
            {
                best = row;
            }
        }

        return best;
    }

    private static PtpEdit[] NaiveSorted(List<PtpEdit> rows) =>
        [.. rows.OrderBy(static e => e.Column1.Value, StringComparer.Ordinal).ThenBy(static e => e.Column2.Value, StringComparer.Ordinal).ThenBy(static e => e.EffectiveDate)];

    [Property(MaxTest = 300)]
    public Property PtpTable_AnswersEveryLookupAsANaiveScan() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        var rows = RandomEdits(random);
        var table = PtpEditTable.Create("v", "test", rows);
        for (int q = 0; q < 60; q++)
        {
            var a = s_codes[random.Next(s_codes.Length)];
            var b = s_codes[random.Next(s_codes.Length)];
            var date = Day(random, 16_000);
            var expected = NaiveInForce(rows, a, b, date);
            if (!Equals(expected, table.FindInForce(a, b, date)))
            {
                return false;
            }

            var either = expected ?? NaiveInForce(rows, b, a, date);
            if (!Equals(either, table.FindPairInForce(a, b, date)))
            {
                return false;
            }

            if (!table.GetRows(a, b).ToArray().SequenceEqual(NaiveSorted(rows).Where(e => e.Column1 == a && e.Column2 == b)))
            {
                return false;
            }
        }

        return table.Count == rows.Count
            && table.Edits.SequenceEqual(NaiveSorted(rows))
            && table.LowConfidenceCount == rows.Count(static e => e.IsLowConfidence);
    });

    [Property(MaxTest = 100)]
    public Property PtpTable_WithAndWithout_MatchTheNaiveRowLists() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        var rows = RandomEdits(random);
        var more = RandomEdits(random);
        var table = PtpEditTable.Create("v", "test", rows);
        var bigger = table.With(more);
        var smaller = bigger.Without(static e => e.Indicator == ModifierIndicator.Allowed);
        var all = rows.Concat(more).ToList();
        return bigger.Edits.SequenceEqual(NaiveSorted(all))
            && smaller.Edits.SequenceEqual(NaiveSorted(all).Where(static e => e.Indicator != ModifierIndicator.Allowed));
    });

    [Fact]
    public void PtpTable_DatesAtTheEndsOfTheCalendar_RoundTrip()
    {
        var edit = new PtpEdit(s_codes[0], s_codes[1], LocalDate.MinIsoValue, LocalDate.MaxIsoValue, ModifierIndicator.Allowed, "r", "s");
        var open = new PtpEdit(s_codes[1], s_codes[0], new LocalDate(2000, 2, 29), null, ModifierIndicator.NotAllowed, "r", "s");
        var table = PtpEditTable.Create("v", "test", [edit, open]);

        Assert.Equal(edit, table.FindInForce(s_codes[0], s_codes[1], new LocalDate(2026, 1, 1)));
        Assert.Null(table.FindInForce(s_codes[0], s_codes[1], LocalDate.MaxIsoValue));
        Assert.Equal(open, table.FindInForce(s_codes[1], s_codes[0], LocalDate.MaxIsoValue));
        Assert.Null(table.FindInForce(s_codes[1], s_codes[0], new LocalDate(2000, 2, 28)));
        Assert.Equal([edit, open], table.Edits);
    }

    [Fact]
    public void PtpTable_ALookupAfterTheFirst_AllocatesNothing()
    {
        var table = PtpEditTable.Default;
        var date = new LocalDate(2025, 3, 3);
        var first = table.FindPairInForce(C97140, C97530, date);
        Assert.NotNull(first);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Assert.Same(first, table.FindPairInForce(C97140, C97530, date));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void PtpTable_TwoRowsOfTheSameCacheSet_BothStayBuilt()
    {
        // 5,000 pairs: rows 0 and 2,048 fall in the same set of the 2,048-set cache of recently built rows.
        var other = CptCode.Parse("99999");
        var table = PtpEditTable.Create("v", "test", Enumerable.Range(0, 5_000).Select(i => new PtpEdit(CptCode.Parse((10_000 + i).ToString("D5", System.Globalization.CultureInfo.InvariantCulture)), other, s_first, null, ModifierIndicator.Allowed, "r", "s")));
        var (a, b) = (table.Edits[0].Column1, table.Edits[2_048].Column1);
        var date = new LocalDate(2026, 1, 1);
        var (first, second) = (table.FindInForce(a, other, date), table.FindInForce(b, other, date));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Assert.Same(first, table.FindInForce(a, other, date));
            Assert.Same(second, table.FindInForce(b, other, date));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static List<MueLimit> RandomLimits(Random random)
    {
        var limits = new List<MueLimit>();
        foreach (var code in s_codes.Where(_ => random.Next(3) > 0))
        {
            // Up to three consecutive windows; the first may be open at the start, the last open at the end.
            int windows = 1 + random.Next(3);
            LocalDate? from = random.Next(3) == 0 ? null : Day(random, 9_000);
            for (int w = 0; w < windows; w++)
            {
                LocalDate? to = w == windows - 1 && random.Next(2) == 0 ? null : (from ?? s_first).PlusDays(random.Next(1, 3_000));
                var indicator = (MueAdjudicationIndicator)(1 + random.Next(3));
                limits.Add(new MueLimit(code, random.Next(0, 40), indicator, s_rationales[random.Next(s_rationales.Length)], from, to));
                if (to is null)
                {
                    break;
                }

                from = to;
            }
        }

        return [.. limits.OrderBy(_ => random.Next())];
    }

    [Property(MaxTest = 300)]
    public Property MueTable_AnswersEveryLookupAsANaiveScan() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        var limits = RandomLimits(random);
        var table = MueTable.Create("v", "test", limits);
        for (int q = 0; q < 60; q++)
        {
            var code = s_codes[random.Next(s_codes.Length)];
            var date = Day(random, 16_000);
            var expected = limits.FirstOrDefault(l => l.Code == code && l.IsInForceOn(date));
            if (!Equals(expected, table.Find(code, date)))
            {
                return false;
            }
        }

        var sorted = limits.OrderBy(static l => l.Code).ThenBy(static l => l.EffectiveDate ?? LocalDate.MinIsoValue);
        return table.Count == limits.Count && table.Limits.SequenceEqual(sorted);
    });
}
