using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>One computed line: a code, its minutes (all of its segments summed) and its units.</summary>
/// <param name="Code">The code.</param>
/// <param name="Kind">Timed or untimed; <see langword="null"/> when the catalog does not know the code.</param>
/// <param name="Minutes">Whole minutes of the code on the day (segments summed exactly, then rounded down).</param>
/// <param name="Units">The units billed for the code; zero-unit timed lines stay in the result.</param>
/// <param name="SegmentIndices">The 0-based indices of the input segments of this code.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record UnitLine(CptCode Code, CodeKind? Kind, int Minutes, int Units, ImmutableArray<int> SegmentIndices)
{
    /// <summary>Gets a value indicating whether the code is a 15-minute timed code.</summary>
    public bool IsTimed => Kind == CodeKind.Timed;

    /// <summary>Gets the full 15-minute blocks of the code (0 for untimed or unknown codes).</summary>
    public int FullBlocks => IsTimed ? Minutes / UnitAllocator.MinutesPerUnit : 0;

    /// <summary>Gets the minutes beyond the full blocks (0 for untimed or unknown codes).</summary>
    public int LeftoverMinutes => IsTimed ? Minutes % UnitAllocator.MinutesPerUnit : 0;
}
