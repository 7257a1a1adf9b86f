using System.Buffers;
using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>What one pair check reads from <see cref="SeparationOptions"/> (the engine fills it without building options).</summary>
/// <param name="PairTable">The PTP edit table.</param>
/// <param name="Catalog">The code catalog.</param>
/// <param name="CheckPairEdits">Whether PTP edits and the 59/X rules apply.</param>
/// <param name="CheckDisciplineModifiers">Whether GP/GO/GN are checked.</param>
/// <param name="ReportTimeOverlaps">Whether overlapping segments of different codes are reported here (TBR301).</param>
/// <param name="RegionDistinctPairs">The pairs distinct by body region.</param>
internal readonly record struct PairCheckSettings(
    PtpEditTable PairTable,
    CodeCatalog Catalog,
    bool CheckPairEdits,
    bool CheckDisciplineModifiers,
    bool ReportTimeOverlaps,
    ImmutableArray<RegionDistinctPair> RegionDistinctPairs)
{
    public static PairCheckSettings Of(SeparationOptions options) =>
        new(options.PairTable, options.Catalog, options.CheckPairEdits, options.CheckDisciplineModifiers, options.ReportTimeOverlaps, options.RegionDistinctPairs);
}

/// <summary>
/// The per-call array of <see cref="PairLine"/>s, rented from the shared pool and cleared when returned (it holds
/// references), so a call never sees another call's lines; thread-safe as the pool is.
/// </summary>
internal static class PairLineBuffer
{
    public static PairLine[] Rent(int count) => count == 0 ? [] : ArrayPool<PairLine>.Shared.Rent(count);

    public static void Return(PairLine[] lines)
    {
        if (lines.Length > 0)
        {
            ArrayPool<PairLine>.Shared.Return(lines, clearArray: true);
        }
    }
}

/// <summary>A segment with times and a positive duration, placed on the date of service (as the clock sweep includes it).</summary>
/// <param name="Index">The segment's index in the input.</param>
/// <param name="Start">The anchored start.</param>
/// <param name="End">The anchored end.</param>
internal readonly record struct TimedSegment(int Index, LocalDateTime Start, LocalDateTime End)
{
    public static bool TryOf(TreatmentSegment segment, int index, LocalDate dateOfService, out TimedSegment timed)
    {
        if (!ClockSweep.IsSweepable(segment, segment.GetDuration()))
        {
            timed = default;
            return false;
        }

        var (start, end) = segment.Anchor(dateOfService);
        timed = new TimedSegment(index, start, end);
        return true;
    }
}
