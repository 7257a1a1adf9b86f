using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// Sweeps timed segments in start order: groups segments whose clock times overlap (a group is a run of segments
/// each starting before the latest end so far), and counts shared time once. Cost: one sort, then linear.
/// </summary>
internal sealed class ClockSweep
{
    private readonly TreatmentSegment[] _segments;
    private readonly (LocalDateTime Start, LocalDateTime End)[] _times;
    private readonly int[] _order;

    /// <summary>Sorts the included segments (valid times, positive duration) by start, then input position.</summary>
    public ClockSweep(IReadOnlyList<TreatmentSegment> segments, IReadOnlyList<Duration?> durations, LocalDate anchor, Func<int, bool> include)
    {
        _segments = [.. segments];
        _times = new (LocalDateTime, LocalDateTime)[_segments.Length];
        var order = new List<int>();
        for (int i = 0; i < _segments.Length; i++)
        {
            if (!_segments[i].HasTimes || durations[i] is not { } d || d <= Duration.Zero || !include(i))
            {
                continue;
            }

            _times[i] = _segments[i].Anchor(anchor);
            order.Add(i);
        }

        _order = [.. order];
        Array.Sort(_order, (a, b) =>
        {
            int byStart = _times[a].Start.CompareTo(_times[b].Start);
            return byStart != 0 ? byStart : a.CompareTo(b);
        });
    }

    /// <summary>Gets the included segment indices in start order.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>Gets a segment's anchored start and end (only for included segments).</summary>
    public (LocalDateTime Start, LocalDateTime End) TimesOf(int segment) => _times[segment];

    /// <summary>
    /// Splits <see cref="Order"/> into groups of segments connected by shared time; a lone segment is a group of one.
    /// </summary>
    /// <returns>Ranges of positions in <see cref="Order"/>.</returns>
    public List<Range> Groups()
    {
        var groups = new List<Range>();
        int from = 0;
        LocalDateTime reach = default;
        for (int p = 0; p < _order.Length; p++)
        {
            var (start, end) = _times[_order[p]];
            if (p > 0 && start >= reach)
            {
                groups.Add(new Range(from, p));
                from = p;
                reach = end;
            }
            else if (p == 0 || end > reach)
            {
                reach = end;
            }
        }

        if (_order.Length > 0)
        {
            groups.Add(new Range(from, _order.Length));
        }

        return groups;
    }

    /// <summary>
    /// Counts each moment of a group once: every segment keeps only the time no earlier-starting segment of the group
    /// already covers (the shared minutes stay with the segment that started first; equal starts, the earlier input).
    /// </summary>
    /// <param name="group">A range from <see cref="Groups"/>.</param>
    /// <param name="counted">Receives the counted duration of each segment of the group.</param>
    /// <returns>The group's summary.</returns>
    public OverlapGroup Attribute(Range group, Duration[] counted)
    {
        var (offset, length) = group.GetOffsetAndLength(_order.Length);
        LocalDateTime from = _times[_order[offset]].Start, reach = from;
        var recorded = default(TimeSum);
        var codes = new List<CptCode>();
        for (int p = offset; p < offset + length; p++)
        {
            int i = _order[p];
            var (start, end) = _times[i];
            var own = Between(start, end);
            recorded.Add(own);
            counted[i] = end <= reach ? Duration.Zero : start >= reach ? own : Between(reach, end);
            reach = end > reach ? end : reach;
            if (!codes.Contains(_segments[i].Code))
            {
                codes.Add(_segments[i].Code);
            }
        }

        return new OverlapGroup(length, from, reach, recorded, TimeSum.Of(Between(from, reach)), codes);
    }

    /// <summary>The exact time between two anchored moments.</summary>
    public static Duration Between(LocalDateTime start, LocalDateTime end) => end.InUtc().ToInstant() - start.InUtc().ToInstant();
}

/// <summary>A group of segments whose clock times overlap.</summary>
/// <param name="Count">How many segments the group holds.</param>
/// <param name="From">Where the group's time starts.</param>
/// <param name="To">Where it ends.</param>
/// <param name="Recorded">The segments' durations added up (shared time counted as often as it was recorded).</param>
/// <param name="Clock">The clock time the group covers (shared time once).</param>
/// <param name="Codes">The distinct codes of the group, in start order.</param>
internal sealed record OverlapGroup(int Count, LocalDateTime From, LocalDateTime To, TimeSum Recorded, TimeSum Clock, List<CptCode> Codes)
{
    /// <summary>Gets the minutes recorded more than once, rounded up (a shared partial minute is still shared).</summary>
    public decimal SharedMinutes => Math.Ceiling(Recorded.ExactMinutes - Clock.ExactMinutes);
}
