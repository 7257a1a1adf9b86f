using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Works out billable units for a day's treatment segments under the CMS 8-minute rule or the AMA per-code method.</summary>
/// <remarks>
/// <para>The steps: validate segment times (findings, not exceptions); count overlapping timed one-on-one time once
/// (the shared minutes stay with the segment that started first; each overlapping group is one TBR101 error); sum
/// each code's segments exactly; the total timed minutes are the exact sum of all timed time floored once, each code's
/// minutes its exact sum floored; give untimed codes one unit; allocate timed units by the CMS leftover rule on the
/// exact time (or per code under AMA); explain every unit. Sources: Medicare Claims Processing Manual ch. 5 §20.2
/// (CMS), CPT time rule (AMA).</para>
/// <para>Why overlaps keep the earlier segment's time rather than making the units undeterminable: one-on-one time
/// is exclusive (CPM ch. 5 §20.3), so the clock time is the most the minutes can support; giving the shared minutes
/// to the service already under way is a fixed, explainable rule whose units never exceed
/// <c>floor((clock minutes + 7) / 15)</c>; and the TBR101 error still says the times must be corrected before billing.</para>
/// <para>Exact time: with times to the second, 97110 for 11:30 and 97140 for 11:30 are 23:00 of timed time, so 23
/// minutes and 2 units, although each code alone shows 11 minutes. The extra units go to the largest exact
/// leftovers (11:30 each here, so one unit each).</para>
/// <para>Limits: an encounter's timed (or untimed) minutes above <see cref="MaxEncounterMinutes"/> are a TBR111
/// error and its units are not computed; no value read from data overflows.</para>
/// <para>Pure and thread-safe: no clock, no culture, deterministic output.</para>
/// </remarks>
/// <example><code>
/// var result = UnitCalculator.Calculate(
///     [TreatmentSegment.FromMinutes(CptCode.Parse("97112"), 24), TreatmentSegment.FromMinutes(CptCode.Parse("97110"), 23)],
///     UnitMethod.Cms);
/// // result.TotalUnits == 3; 97112 = 2, 97110 = 1
/// </code></example>
public static class UnitCalculator
{
    private static readonly LocalDate s_anchorDate = new(2000, 1, 1);

    /// <summary>The most minutes (timed, and separately untimed) the engine counts for one encounter: 1,000,000, about 694 days; a calendar day has 1,440.</summary>
    public const int MaxEncounterMinutes = 1_000_000;

    /// <summary>Calculates the units of a day's segments.</summary>
    /// <param name="segments">The segments of one patient on one date of service, in input order.</param>
    /// <param name="method">The unit method; always explicit.</param>
    /// <param name="options">Catalog, tie preference and date of service; <see langword="null"/> for <see cref="UnitCalculationOptions.Default"/>.</param>
    /// <returns>The lines, totals, diagnostics and explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="segments"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A segment is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not defined.</exception>
    public static UnitCalculation Calculate(IEnumerable<TreatmentSegment> segments, UnitMethod method, UnitCalculationOptions? options = null)
    {
        Guard.NotNull(segments);
        Guard.Defined(method);
        options ??= UnitCalculationOptions.Default;
        var input = segments.ToArray();
        for (int i = 0; i < input.Length; i++)
        {
            if (input[i] is null)
            {
                throw new ArgumentException($"Segment {i} is null.", nameof(segments));
            }
        }

        var diagnostics = new List<Diagnostic>();
        var anchor = options.DateOfService ?? FirstDate(input) ?? s_anchorDate;
        var durations = SegmentChecks.Validate(input, anchor, options.DateOfService, diagnostics);
        var counted = SegmentChecks.CountTimedOnce(input, durations, anchor, options.Catalog, diagnostics);
        SegmentChecks.FindPatientTimeConflicts(input, durations, anchor, options.Catalog, diagnostics);

        var groups = GroupByCode(input, counted, durations);
        var lines = AllocateLines(groups, method, options, diagnostics, out var totals, out var exact);
        if (!diagnostics.Any(static d => d.Id == DiagnosticIds.MinutesBeyondLimit))
        {
            ReportZeroUnitLines(lines, method, diagnostics); // beyond the limit no line has units; TBR111 says why
        }

        int totalUnits = 0;
        foreach (var line in lines)
        {
            totalUnits = checked(totalUnits + line.Units);
        }

        return new UnitCalculation(method, lines, totals, totalUnits, DiagnosticOrder.Sort(diagnostics), options.PreferredOrder, options.Catalog.Version, exact);
    }

    private static LocalDate? FirstDate(TreatmentSegment[] input)
    {
        foreach (var segment in input)
        {
            if (segment.StartDate is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static List<CodeTime> GroupByCode(TreatmentSegment[] input, Duration?[] counted, Duration?[] recorded)
    {
        var groups = new List<CodeTime>();
        var at = new Dictionary<CptCode, int>();
        for (int i = 0; i < input.Length; i++)
        {
            var code = input[i].Code;
            if (!at.TryGetValue(code, out int g))
            {
                g = groups.Count;
                at[code] = g;
                groups.Add(new CodeTime(code));
            }

            var group = groups[g];
            group.Indices.Add(i);
            group.Counted.Add(counted[i] ?? Duration.Zero);
            group.Recorded.Add(recorded[i] ?? Duration.Zero);
        }

        return groups;
    }

    private static ImmutableArray<UnitLine> AllocateLines(
        List<CodeTime> groups,
        UnitMethod method,
        UnitCalculationOptions options,
        List<Diagnostic> diagnostics,
        out MinuteTotals totals,
        out ImmutableArray<long> exact)
    {
        int n = groups.Count;
        var kinds = new CodeKind?[n];
        var timedIndex = new List<int>();
        TimeSum timed = default, untimed = default, recordedTimed = default;
        long perCodeTimed = 0;
        for (int g = 0; g < n; g++)
        {
            var group = groups[g];
            if (options.Catalog.TryGet(group.Code, out var entry))
            {
                kinds[g] = entry.Kind;
                if (entry.Kind == CodeKind.Timed)
                {
                    timedIndex.Add(g);
                    timed.Add(group.Counted);
                    recordedTimed.Add(group.Recorded);
                    perCodeTimed = Math.Min(TimeSum.Cap, perCodeTimed + group.Counted.Minutes);
                }
                else
                {
                    untimed.Add(group.Counted);
                }
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.UnknownCode.Create(
                    Paths.Segment(group.Indices[0], "code"), Arg.Of("code", group.Code), Arg.Of("catalog", options.Catalog.Version)));
            }
        }

        bool withinLimit = ReportLimit(timed, "timed", groups, diagnostics) & ReportLimit(untimed, "untimed", groups, diagnostics);
        totals = new MinuteTotals(Clamp(timed.Minutes), Clamp(untimed.Minutes), Clamp(perCodeTimed), Clamp(recordedTimed.Minutes));

        var amount = new long[timedIndex.Count];
        var ranks = new int[timedIndex.Count];
        var timedUnits = new int[timedIndex.Count];
        for (int t = 0; t < timedIndex.Count && withinLimit; t++)
        {
            amount[t] = groups[timedIndex[t]].Counted.TotalNanoseconds();
            int rank = options.PreferredOrder.IndexOf(groups[timedIndex[t]].Code);
            ranks[t] = rank < 0 ? int.MaxValue : rank;
        }

        if (withinLimit)
        {
            Allocate(method, amount, ranks, timedUnits, totals.Timed);
        }

        var units = new int[n];
        var exactPerLine = new long[n];
        for (int g = 0; g < n; g++)
        {
            units[g] = kinds[g] == CodeKind.Untimed ? 1 : 0;
        }

        for (int t = 0; t < timedIndex.Count; t++)
        {
            units[timedIndex[t]] = timedUnits[t];
            exactPerLine[timedIndex[t]] = amount[t];
        }

        var lines = ImmutableArray.CreateBuilder<UnitLine>(n);
        for (int g = 0; g < n; g++)
        {
            lines.Add(new UnitLine(groups[g].Code, kinds[g], Clamp(groups[g].Counted.Minutes), units[g], [.. groups[g].Indices]));
        }

        exact = [.. exactPerLine];
        return lines.MoveToImmutable();
    }

    private static void Allocate(UnitMethod method, long[] amount, int[] ranks, int[] units, int totalTimedMinutes)
    {
        long block = UnitAllocator.MinutesPerUnit * TimeSum.NanosPerMinute;
        long full = 0;
        for (int t = 0; t < amount.Length; t++)
        {
            units[t] = method == UnitMethod.Ama
                ? UnitAllocator.UnitsForMinutes((int)(amount[t] / TimeSum.NanosPerMinute))
                : (int)(amount[t] / block);
            full += units[t];
        }

        if (method == UnitMethod.Cms)
        {
            AllocationCore.AssignExtras(amount, block, units, UnitAllocator.UnitsForMinutes(totalTimedMinutes) - full, ranks);
        }
    }

    private static bool ReportLimit(TimeSum sum, string kind, List<CodeTime> groups, List<Diagnostic> diagnostics)
    {
        if (sum.Minutes <= MaxEncounterMinutes)
        {
            return true;
        }

        diagnostics.Add(DiagnosticDescriptors.MinutesBeyondLimit.Create(
            Paths.Segment(groups[0].Indices[0]), Arg.Of("kind", kind), Arg.Of("limit", MaxEncounterMinutes.ToString("N0", CultureInfo.InvariantCulture))));
        return false;
    }

    private static int Clamp(long minutes) => (int)Math.Min(minutes, MaxEncounterMinutes);

    private static void ReportZeroUnitLines(ImmutableArray<UnitLine> lines, UnitMethod method, List<Diagnostic> diagnostics)
    {
        int timedLines = 0;
        foreach (var line in lines)
        {
            if (line.IsTimed)
            {
                timedLines++;
            }
        }

        foreach (var line in lines)
        {
            if (!line.IsTimed || line.Units > 0 || line.Minutes == 0)
            {
                continue;
            }

            string path = Paths.Segment(line.SegmentIndices[0]);
            if (timedLines == 1 && line.Minutes < UnitAllocator.MinimumBillableMinutes)
            {
                diagnostics.Add(DiagnosticDescriptors.LoneServiceUnderEightMinutes.Create(path, Arg.Of("code", line.Code), Arg.Of("minutes", line.Minutes)));
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.TimedLineEarnsNoUnit.Create(
                    path, Arg.Of("code", line.Code), Arg.Of("minutes", line.Minutes), Arg.Of("method", UnitText.MethodName(method))));
            }
        }
    }

    /// <summary>One code's segments: indices, the time counted (overlaps once) and the time recorded.</summary>
    private sealed class CodeTime(CptCode code)
    {
        public CptCode Code { get; } = code;

        public List<int> Indices { get; } = [];

        public TimeSum Counted;

        public TimeSum Recorded;
    }
}

/// <summary>The minute totals of a calculation.</summary>
/// <param name="Timed">The exact timed time, floored once (overlaps counted once).</param>
/// <param name="Untimed">The untimed minutes.</param>
/// <param name="TimedPerCode">The timed codes' minutes floored per code, added up.</param>
/// <param name="RecordedTimed">The timed time as recorded, overlaps counted as often as recorded.</param>
internal readonly record struct MinuteTotals(int Timed, int Untimed, int TimedPerCode, int RecordedTimed);
