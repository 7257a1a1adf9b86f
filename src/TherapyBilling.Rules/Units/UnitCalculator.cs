using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Works out billable units for a day's treatment segments under the CMS 8-minute rule or the AMA per-code method.</summary>
/// <remarks>
/// <para>The steps: validate segment times (findings, not exceptions); sum each code's segments exactly and round
/// down to whole minutes; give untimed codes one unit; allocate timed units with <see cref="UnitAllocator"/>; explain
/// every unit. Sources: Medicare Claims Processing Manual ch. 5 §20.2 (CMS), CPT time rule (AMA).</para>
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
        SegmentChecks.FindOverlaps(input, durations, anchor, options.Catalog, diagnostics);

        var groups = GroupByCode(input, durations);
        var lines = AllocateLines(groups, method, options, diagnostics, out var timedMinutes, out var untimedMinutes);
        ReportZeroUnitLines(lines, method, diagnostics);

        int totalUnits = 0;
        foreach (var line in lines)
        {
            totalUnits = checked(totalUnits + line.Units);
        }

        return new UnitCalculation(method, lines, timedMinutes, untimedMinutes, totalUnits, DiagnosticOrder.Sort(diagnostics), options.PreferredOrder, options.Catalog.Version);
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

    private static List<(CptCode Code, Duration Total, List<int> Indices)> GroupByCode(TreatmentSegment[] input, Duration?[] durations)
    {
        var groups = new List<(CptCode Code, Duration Total, List<int> Indices)>();
        var at = new Dictionary<CptCode, int>();
        for (int i = 0; i < input.Length; i++)
        {
            var code = input[i].Code;
            if (!at.TryGetValue(code, out int g))
            {
                g = groups.Count;
                at[code] = g;
                groups.Add((code, Duration.Zero, []));
            }

            var group = groups[g];
            group.Indices.Add(i);
            groups[g] = (code, group.Total + (durations[i] ?? Duration.Zero), group.Indices);
        }

        return groups;
    }

    private static ImmutableArray<UnitLine> AllocateLines(
        List<(CptCode Code, Duration Total, List<int> Indices)> groups,
        UnitMethod method,
        UnitCalculationOptions options,
        List<Diagnostic> diagnostics,
        out int timedMinutes,
        out int untimedMinutes)
    {
        int n = groups.Count;
        var kinds = new CodeKind?[n];
        var minutes = new int[n];
        var timedIndex = new List<int>();
        timedMinutes = 0;
        untimedMinutes = 0;
        for (int g = 0; g < n; g++)
        {
            var (code, total, indices) = groups[g];
            minutes[g] = checked((int)(total.BclCompatibleTicks / NodaConstants.TicksPerMinute)); // partial minutes never count
            if (options.Catalog.TryGet(code, out var entry))
            {
                kinds[g] = entry.Kind;
                if (entry.Kind == CodeKind.Timed)
                {
                    timedIndex.Add(g);
                    timedMinutes = checked(timedMinutes + minutes[g]);
                }
                else
                {
                    untimedMinutes = checked(untimedMinutes + minutes[g]);
                }
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.UnknownCode.Create(
                    Paths.Segment(indices[0], "code"), Arg.Of("code", code), Arg.Of("catalog", options.Catalog.Version)));
            }
        }

        var timedMinutesPerCode = new int[timedIndex.Count];
        var ranks = new int[timedIndex.Count];
        for (int t = 0; t < timedIndex.Count; t++)
        {
            timedMinutesPerCode[t] = minutes[timedIndex[t]];
            int rank = options.PreferredOrder.IndexOf(groups[timedIndex[t]].Code);
            ranks[t] = rank < 0 ? int.MaxValue : rank;
        }

        var timedUnits = new int[timedIndex.Count];
        UnitAllocator.Allocate(timedMinutesPerCode, timedUnits, method, ranks);

        var units = new int[n];
        for (int g = 0; g < n; g++)
        {
            units[g] = kinds[g] == CodeKind.Untimed ? 1 : 0;
        }

        for (int t = 0; t < timedIndex.Count; t++)
        {
            units[timedIndex[t]] = timedUnits[t];
        }

        var lines = ImmutableArray.CreateBuilder<UnitLine>(n);
        for (int g = 0; g < n; g++)
        {
            lines.Add(new UnitLine(groups[g].Code, kinds[g], minutes[g], units[g], [.. groups[g].Indices]));
        }

        return lines.MoveToImmutable();
    }

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
}
