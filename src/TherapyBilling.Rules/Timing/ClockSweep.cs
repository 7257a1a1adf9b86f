using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// Sweeps timed segments in start order: groups segments whose clock times overlap (a group is a run of segments
/// each starting before the latest end so far), and counts shared time once. Cost: one sort, then linear.
/// </summary>
/// <remarks>
/// The static members do the work over spans the caller owns (the unit calculation keeps them on the stack, so a
/// record without overlaps allocates nothing here); the instance members wrap them for callers that keep a sweep.
/// </remarks>
internal sealed class ClockSweep
{
    /// <summary>Above this many included segments the sort goes through <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/> instead of an insertion sort.</summary>
    internal const int InsertionSortLimit = 32;

    private readonly TreatmentSegment[] _segments;
    private readonly (LocalDateTime Start, LocalDateTime End)[] _times;
    private readonly int[] _order;

    /// <summary>Sorts the included segments (valid times, positive duration) by start, then input position.</summary>
    public ClockSweep(IReadOnlyList<TreatmentSegment> segments, IReadOnlyList<Duration?> durations, LocalDate anchor, Func<int, bool> include)
    {
        _segments = [.. segments];
        _times = new (LocalDateTime, LocalDateTime)[_segments.Length];
        var included = new bool[_segments.Length];
        for (int i = 0; i < _segments.Length; i++)
        {
            included[i] = IsSweepable(_segments[i], durations[i]) && include(i);
        }

        var order = new int[_segments.Length];
        int count = SortByStart(_segments, anchor, included, _times, order);
        _order = order.AsSpan(0, count).ToArray();
    }

    /// <summary>Gets the included segment indices in start order.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>
    /// Splits <see cref="Order"/> into groups of segments connected by shared time; a lone segment is a group of one.
    /// </summary>
    /// <returns>Ranges of positions in <see cref="Order"/>.</returns>
    public List<Range> Groups()
    {
        var groups = new List<Range>();
        for (int from = 0; from < _order.Length;)
        {
            int to = GroupEnd(_order, _times, from);
            groups.Add(new Range(from, to));
            from = to;
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
        var members = Order[group];
        var time = Attribute(members, _times, counted);
        return new OverlapGroup(time.Count, time.From, time.To, time.Recorded, time.Clock, CodesOf(members, _segments));
    }

    /// <summary>Whether a segment can take part in a sweep: it has times and a positive duration.</summary>
    public static bool IsSweepable(TreatmentSegment segment, Duration? duration) =>
        segment.HasTimes && duration is { } d && d > Duration.Zero;

    /// <summary>
    /// Anchors the included segments and writes their indices to <paramref name="order"/> sorted by start, then input
    /// position (a total order, so the result is the same whatever the sort).
    /// </summary>
    /// <param name="segments">The segments.</param>
    /// <param name="anchor">The date time-of-day segments fall on.</param>
    /// <param name="include">Which segments take part (each must be <see cref="IsSweepable"/>).</param>
    /// <param name="times">Receives each included segment's anchored start and end, at its input index.</param>
    /// <param name="order">Receives the included indices in start order; as long as <paramref name="segments"/>.</param>
    /// <returns>How many segments were included (the used length of <paramref name="order"/>).</returns>
    public static int SortByStart(
        ReadOnlySpan<TreatmentSegment> segments,
        LocalDate anchor,
        ReadOnlySpan<bool> include,
        Span<(LocalDateTime Start, LocalDateTime End)> times,
        Span<int> order)
    {
        int count = 0;
        for (int i = 0; i < segments.Length; i++)
        {
            if (include[i])
            {
                times[i] = segments[i].Anchor(anchor);
                order[count++] = i;
            }
        }

        var used = order[..count];
        if (count <= InsertionSortLimit)
        {
            InsertionSort(used, times);
        }
        else
        {
            SortWide(used, times);
        }

        return count;
    }

    /// <summary>Gets the end (exclusive) of the group that starts at position <paramref name="from"/> of <paramref name="order"/>.</summary>
    public static int GroupEnd(ReadOnlySpan<int> order, ReadOnlySpan<(LocalDateTime Start, LocalDateTime End)> times, int from)
    {
        var reach = times[order[from]].End;
        int p = from + 1;
        for (; p < order.Length && times[order[p]].Start < reach; p++)
        {
            var end = times[order[p]].End;
            reach = end > reach ? end : reach;
        }

        return p;
    }

    /// <summary>Counts each moment of one group once (see <see cref="Attribute(Range, Duration[])"/>).</summary>
    /// <param name="members">The group's segment indices, in start order.</param>
    /// <param name="times">The anchored times, by segment index.</param>
    /// <param name="counted">Receives the counted duration of each member, at its segment index.</param>
    /// <returns>The group's time.</returns>
    public static GroupTime Attribute(ReadOnlySpan<int> members, ReadOnlySpan<(LocalDateTime Start, LocalDateTime End)> times, Span<Duration> counted)
    {
        LocalDateTime from = times[members[0]].Start, reach = from;
        var recorded = default(TimeSum);
        foreach (int i in members)
        {
            var (start, end) = times[i];
            var own = Between(start, end);
            recorded.Add(own);
            counted[i] = end <= reach ? Duration.Zero : start >= reach ? own : Between(reach, end);
            reach = end > reach ? end : reach;
        }

        return new GroupTime(members.Length, from, reach, recorded, TimeSum.Of(Between(from, reach)));
    }

    /// <summary>The distinct codes of a group, in start order (built only for a group a finding names).</summary>
    public static List<CptCode> CodesOf(ReadOnlySpan<int> members, ReadOnlySpan<TreatmentSegment> segments)
    {
        var codes = new List<CptCode>();
        foreach (int i in members)
        {
            if (!codes.Contains(segments[i].Code))
            {
                codes.Add(segments[i].Code);
            }
        }

        return codes;
    }

    /// <summary>The exact time between two anchored moments.</summary>
    public static Duration Between(LocalDateTime start, LocalDateTime end) => end.InUtc().ToInstant() - start.InUtc().ToInstant();

    private static bool Precedes(int a, int b, ReadOnlySpan<(LocalDateTime Start, LocalDateTime End)> times)
    {
        int byStart = times[a].Start.CompareTo(times[b].Start);
        return byStart != 0 ? byStart < 0 : a < b;
    }

    /// <summary>A few segments (the usual day): an insertion sort in place, no allocation.</summary>
    private static void InsertionSort(Span<int> order, ReadOnlySpan<(LocalDateTime Start, LocalDateTime End)> times)
    {
        for (int p = 1; p < order.Length; p++)
        {
            int item = order[p];
            int q = p - 1;
            while (q >= 0 && Precedes(item, order[q], times))
            {
                order[q + 1] = order[q];
                q--;
            }

            order[q + 1] = item;
        }
    }

    /// <summary>Many segments: sort by the key (start, index) through the framework's sort (keys are distinct, so stability does not matter).</summary>
    private static void SortWide(Span<int> order, ReadOnlySpan<(LocalDateTime Start, LocalDateTime End)> times)
    {
        var keys = new (LocalDateTime Start, int Index)[order.Length];
        for (int p = 0; p < order.Length; p++)
        {
            keys[p] = (times[order[p]].Start, order[p]);
        }

        Array.Sort(keys); // by start, then index: equal starts keep input order
        for (int p = 0; p < keys.Length; p++)
        {
            order[p] = keys[p].Index;
        }
    }
}

/// <summary>The time of a group of segments whose clock times overlap.</summary>
/// <param name="Count">How many segments the group holds.</param>
/// <param name="From">Where the group's time starts.</param>
/// <param name="To">Where it ends.</param>
/// <param name="Recorded">The segments' durations added up (shared time counted as often as it was recorded).</param>
/// <param name="Clock">The clock time the group covers (shared time once).</param>
internal readonly record struct GroupTime(int Count, LocalDateTime From, LocalDateTime To, TimeSum Recorded, TimeSum Clock)
{
    /// <summary>Gets the minutes recorded more than once, rounded up (a shared partial minute is still shared).</summary>
    public decimal SharedMinutes => Math.Ceiling(Recorded.ExactMinutes - Clock.ExactMinutes);
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
