using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
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
        return Calculate(AsSpan(segments), method, options.Catalog, options.PreferredOrder, options.DateOfService, []);
    }

    /// <summary>
    /// Calculates the units of a day's segments (the engine's entry: no options object, and the findings go to the
    /// engine's own list, after what it already holds).
    /// </summary>
    /// <param name="segments">The segments, in input order.</param>
    /// <param name="method">The unit method.</param>
    /// <param name="catalog">The code catalog.</param>
    /// <param name="preferredOrder">The tie preference.</param>
    /// <param name="dateOfService">The date of service, if known.</param>
    /// <param name="diagnostics">Receives the findings; the calculation keeps the ones it added, sorted.</param>
    /// <returns>The calculation.</returns>
    internal static UnitCalculation Calculate(
        ReadOnlySpan<TreatmentSegment> segments, UnitMethod method, CodeCatalog catalog, ImmutableArray<CptCode> preferredOrder, LocalDate? dateOfService, List<Diagnostic> diagnostics)
    {
        var input = segments;
        for (int i = 0; i < input.Length; i++)
        {
            if (input[i] is null)
            {
                throw new ArgumentException($"Segment {i} is null.", nameof(segments));
            }
        }

        int firstFinding = diagnostics.Count;
        int n = input.Length;
        var anchor = dateOfService ?? FirstDate(input) ?? s_anchorDate;
        Span<Duration?> durations = n <= SegmentChecks.StackSegments ? stackalloc Duration?[n] : new Duration?[n];
        Span<Duration?> counted = n <= SegmentChecks.StackSegments ? stackalloc Duration?[n] : new Duration?[n];
        durations = durations[..n];
        counted = counted[..n];
        SegmentChecks.Validate(input, anchor, dateOfService, durations, diagnostics);
        SegmentChecks.CountTimedOnce(input, durations, counted, anchor, catalog, diagnostics);
        SegmentChecks.FindPatientTimeConflicts(input, durations, anchor, catalog, diagnostics);

        // One group per code, in the order codes first appear; a group is known by its first segment.
        Span<int> groupOf = n <= SegmentChecks.StackSegments ? stackalloc int[n] : new int[n];
        Span<CodeTime> groups = n <= SegmentChecks.StackSegments ? stackalloc CodeTime[n] : new CodeTime[n];
        groups = groups[..GroupByCode(input, counted, durations, groupOf, groups)];
        var lines = AllocateLines(input, groupOf[..n], groups, method, catalog, preferredOrder, diagnostics, out var totals, out var exact, out bool withinLimit);
        if (withinLimit)
        {
            ReportZeroUnitLines(lines, method, diagnostics); // beyond the limit no line has units; TBR111 says why
        }

        int totalUnits = 0;
        foreach (var line in lines)
        {
            totalUnits = checked(totalUnits + line.Units);
        }

        return new UnitCalculation(method, lines, totals, totalUnits, DiagnosticOrder.Sort(diagnostics, firstFinding), preferredOrder, catalog.Version, exact);
    }

    /// <summary>The caller's segments as a span: the usual collections (an immutable array, an array) are read in place, any other sequence is copied once.</summary>
    private static ReadOnlySpan<TreatmentSegment> AsSpan(IEnumerable<TreatmentSegment> segments) => segments switch
    {
        ImmutableArray<TreatmentSegment> { IsDefault: false } array => array.AsSpan(),
        TreatmentSegment[] array => array,
        _ => segments.ToArray(),
    };

    private static LocalDate? FirstDate(ReadOnlySpan<TreatmentSegment> input)
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

    /// <summary>Sums each code's time into <paramref name="groups"/> and records each segment's group; returns the number of groups.</summary>
    private static int GroupByCode(ReadOnlySpan<TreatmentSegment> input, ReadOnlySpan<Duration?> counted, ReadOnlySpan<Duration?> recorded, Span<int> groupOf, Span<CodeTime> groups)
    {
        int count = 0;
        for (int i = 0; i < input.Length; i++)
        {
            int g = FindGroup(input, groups[..count], input[i].Code);
            if (g < 0)
            {
                g = count++;
                groups[g] = new CodeTime { First = i };
            }

            groupOf[i] = g;
            groups[g].Segments++;
            groups[g].Counted.Add(counted[i] ?? Duration.Zero);
            groups[g].Recorded.Add(recorded[i] ?? Duration.Zero);
        }

        return count;
    }

    /// <summary>A linear scan: a day has a handful of codes.</summary>
    private static int FindGroup(ReadOnlySpan<TreatmentSegment> input, ReadOnlySpan<CodeTime> groups, CptCode code)
    {
        for (int g = 0; g < groups.Length; g++)
        {
            if (input[groups[g].First].Code == code)
            {
                return g;
            }
        }

        return -1;
    }

    private static ImmutableArray<UnitLine> AllocateLines(
        ReadOnlySpan<TreatmentSegment> input,
        ReadOnlySpan<int> groupOf,
        ReadOnlySpan<CodeTime> groups,
        UnitMethod method,
        CodeCatalog catalog,
        ImmutableArray<CptCode> preferredOrder,
        List<Diagnostic> diagnostics,
        out MinuteTotals totals,
        out ImmutableArray<long> exact,
        out bool withinLimit)
    {
        int n = groups.Length;
        bool small = n <= SegmentChecks.StackSegments;
        Span<int> kinds = small ? stackalloc int[n] : new int[n]; // a CodeKind, or -1 when the catalog does not know the code
        Span<int> timedIndex = small ? stackalloc int[n] : new int[n];
        int timedCount = 0;
        TimeSum timed = default, untimed = default, recordedTimed = default;
        long perCodeTimed = 0;
        for (int g = 0; g < n; g++)
        {
            var code = CodeOf(input, groups[g]);
            kinds[g] = -1;
            if (catalog.TryGet(code, out var entry))
            {
                kinds[g] = (int)entry.Kind;
                if (entry.Kind == CodeKind.Timed)
                {
                    timedIndex[timedCount++] = g;
                    timed.Add(groups[g].Counted);
                    recordedTimed.Add(groups[g].Recorded);
                    perCodeTimed = Math.Min(TimeSum.Cap, perCodeTimed + groups[g].Counted.Minutes);
                }
                else
                {
                    untimed.Add(groups[g].Counted);
                }
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.UnknownCode.Create(
                    Paths.Segment(groups[g].First, "code"), Arg.Of("code", code), Arg.Of("catalog", catalog.Version)));
            }
        }

        withinLimit = ReportLimit(timed, "timed", diagnostics) & ReportLimit(untimed, "untimed", diagnostics);
        totals = new MinuteTotals(Clamp(timed.Minutes), Clamp(untimed.Minutes), Clamp(perCodeTimed), Clamp(recordedTimed.Minutes));

        Span<long> amount = small ? stackalloc long[n] : new long[n];
        Span<int> ranks = small ? stackalloc int[n] : new int[n];
        Span<int> timedUnits = small ? stackalloc int[n] : new int[n];
        amount = amount[..timedCount];
        ranks = ranks[..timedCount];
        timedUnits = timedUnits[..timedCount];
        amount.Clear();
        ranks.Clear();
        timedUnits.Clear();
        if (withinLimit)
        {
            for (int t = 0; t < timedCount; t++)
            {
                amount[t] = groups[timedIndex[t]].Counted.TotalNanoseconds();
                int rank = preferredOrder.IndexOf(CodeOf(input, groups[timedIndex[t]]));
                ranks[t] = rank < 0 ? int.MaxValue : rank;
            }

            Allocate(method, amount, ranks, timedUnits, totals.Timed);
        }

        // The calculation keeps each line's exact time; when every timed line is whole minutes (always so for minutes
        // input) it is the line's minutes, and the calculation derives it instead of keeping an array.
        bool wholeMinutes = withinLimit;
        for (int t = 0; t < timedCount && wholeMinutes; t++)
        {
            wholeMinutes = groups[timedIndex[t]].Counted.Nanoseconds == 0;
        }

        var exactPerLine = wholeMinutes ? null : new long[n];
        var lines = new UnitLine[n];
        int nextTimed = 0;
        for (int g = 0; g < n; g++)
        {
            int units = kinds[g] == (int)CodeKind.Untimed ? 1 : 0;
            if (nextTimed < timedCount && timedIndex[nextTimed] == g)
            {
                units = timedUnits[nextTimed];
                if (exactPerLine is not null)
                {
                    exactPerLine[g] = amount[nextTimed];
                }

                nextTimed++;
            }

            CodeKind? kind = kinds[g] < 0 ? null : (CodeKind)kinds[g];
            lines[g] = new UnitLine(CodeOf(input, groups[g]), kind, Clamp(groups[g].Counted.Minutes), units, SegmentIndices(groupOf, g, groups[g]));
        }

        // Both arrays are exact-size and owned here: handed over as immutable without a copy.
        exact = exactPerLine is null ? default : ImmutableCollectionsMarshal.AsImmutableArray(exactPerLine);
        return ImmutableCollectionsMarshal.AsImmutableArray(lines);
    }

    private static CptCode CodeOf(ReadOnlySpan<TreatmentSegment> input, CodeTime group) => input[group.First].Code;

    /// <summary>The segments of group <paramref name="g"/>; a code recorded once shares a cached one-index array.</summary>
    private static ImmutableArray<int> SegmentIndices(ReadOnlySpan<int> groupOf, int g, CodeTime group)
    {
        if (group.Segments == 1)
        {
            return SingleIndex(group.First);
        }

        var indices = new int[group.Segments];
        for (int i = group.First, k = 0; k < indices.Length; i++)
        {
            if (groupOf[i] == g)
            {
                indices[k++] = i;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(indices);
    }

    /// <summary>Gets <c>[index]</c> as an immutable array, shared for the first <see cref="SegmentChecks.StackSegments"/> indices (immutable, so sharing is safe).</summary>
    private static ImmutableArray<int> SingleIndex(int index) =>
        index < s_singleIndices.Length ? s_singleIndices[index] : [index];

    private static readonly ImmutableArray<int>[] s_singleIndices = BuildSingleIndices();

    private static ImmutableArray<int>[] BuildSingleIndices()
    {
        var result = new ImmutableArray<int>[SegmentChecks.StackSegments];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = [i];
        }

        return result;
    }

    private static void Allocate(UnitMethod method, ReadOnlySpan<long> amount, ReadOnlySpan<int> ranks, Span<int> units, int totalTimedMinutes)
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

    private static bool ReportLimit(TimeSum sum, string kind, List<Diagnostic> diagnostics)
    {
        if (sum.Minutes <= MaxEncounterMinutes)
        {
            return true;
        }

        // The first group's first segment is always segment 0.
        diagnostics.Add(DiagnosticDescriptors.MinutesBeyondLimit.Create(
            Paths.Segment(0), Arg.Of("kind", kind), Arg.Of("limit", MaxEncounterMinutes.ToString("N0", CultureInfo.InvariantCulture))));
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

    /// <summary>One code's segments: the first one (which names the code), how many, the time counted (overlaps once) and the time recorded.</summary>
    private struct CodeTime
    {
        public int First;

        public int Segments;

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
