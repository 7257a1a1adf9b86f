using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Validates segment times and finds overlapping one-on-one time.</summary>
internal static class SegmentChecks
{
    /// <summary>Returns each segment's duration, or <see langword="null"/> where its times are invalid; reports what is wrong.</summary>
    public static Duration?[] Validate(TreatmentSegment[] segments, LocalDate anchor, LocalDate? dateOfService, List<Diagnostic> diagnostics)
    {
        var durations = new Duration?[segments.Length];
        for (int i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (!segment.HasTimes)
            {
                durations[i] = segment.GetDuration();
                if (segment.Minutes == 0)
                {
                    diagnostics.Add(DiagnosticDescriptors.ZeroLengthSegment.Create(Paths.Segment(i, "minutes"), SegmentArg(i), Arg.Of("code", segment.Code)));
                }

                continue;
            }

            var (start, end) = segment.Anchor(anchor);
            if (end < start)
            {
                diagnostics.Add(DiagnosticDescriptors.SegmentEndsBeforeStart.Create(
                    Paths.Segment(i, "end"), SegmentArg(i), Arg.Of("code", segment.Code), Arg.Of("start", Format(start, segment)), Arg.Of("end", Format(end, segment))));
                continue;
            }

            durations[i] = segment.GetDuration();
            if (end == start)
            {
                diagnostics.Add(DiagnosticDescriptors.ZeroLengthSegment.Create(Paths.Segment(i, "end"), SegmentArg(i), Arg.Of("code", segment.Code)));
            }

            if (start.Date != end.Date)
            {
                diagnostics.Add(DiagnosticDescriptors.SegmentCrossesMidnight.Create(
                    Paths.Segment(i, "end"), SegmentArg(i), Arg.Of("code", segment.Code), Arg.Of("start", Format(start, segment)), Arg.Of("end", Format(end, segment))));
            }

            if (dateOfService is { } dos && segment.StartDate is { } date && date != dos)
            {
                diagnostics.Add(DiagnosticDescriptors.SegmentOffDateOfService.Create(
                    Paths.Segment(i, "start"), SegmentArg(i), Arg.Of("code", segment.Code), Arg.Of("date", Iso(date)), Arg.Of("dateOfService", Iso(dos))));
            }
        }

        return durations;
    }

    /// <summary>Reports every pair of timed-code segments that share time (one-on-one time is exclusive).</summary>
    public static void FindOverlaps(TreatmentSegment[] segments, Duration?[] durations, LocalDate anchor, CodeCatalog catalog, List<Diagnostic> diagnostics)
    {
        foreach (var overlap in Overlaps(segments, durations, anchor, i => catalog.IsTimed(segments[i].Code)))
        {
            var (a, b) = (overlap.First, overlap.Second);
            diagnostics.Add(DiagnosticDescriptors.OverlappingSegments.Create(
                Paths.Segment(b),
                SegmentArg(b),
                Arg.Of("code", segments[b].Code),
                Arg.Of("other", a),
                Arg.Of("otherCode", segments[a].Code),
                Arg.Of("minutes", overlap.Minutes),
                Arg.Of("from", Format(overlap.From, segments[b])),
                Arg.Of("to", Format(overlap.To, segments[b]))));
        }
    }

    /// <summary>Every pair (first index &lt; second index) of valid, timed segments that share time.</summary>
    public static IEnumerable<SegmentOverlap> Overlaps(IReadOnlyList<TreatmentSegment> segments, IReadOnlyList<Duration?> durations, LocalDate anchor, Func<int, bool> include)
    {
        for (int a = 0; a < segments.Count; a++)
        {
            if (!segments[a].HasTimes || durations[a] is null || !include(a))
            {
                continue;
            }

            var (startA, endA) = segments[a].Anchor(anchor);
            for (int b = a + 1; b < segments.Count; b++)
            {
                if (!segments[b].HasTimes || durations[b] is null || !include(b))
                {
                    continue;
                }

                var (startB, endB) = segments[b].Anchor(anchor);
                var from = startA > startB ? startA : startB;
                var to = endA < endB ? endA : endB;
                if (from < to)
                {
                    var shared = to.InUtc().ToInstant() - from.InUtc().ToInstant();
                    int minutes = (int)Math.Ceiling(shared.TotalMinutes);
                    yield return new SegmentOverlap(a, b, from, to, minutes);
                }
            }
        }
    }

    private static DiagnosticArgument SegmentArg(int index) => Arg.Of("segment", index);

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(LocalDateTime value, TreatmentSegment segment) =>
        segment.StartDate.HasValue
            ? value.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : value.TimeOfDay.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>Two segments that share time.</summary>
/// <param name="First">The index of the earlier segment in the input.</param>
/// <param name="Second">The index of the later segment in the input.</param>
/// <param name="From">Where the shared time starts.</param>
/// <param name="To">Where it ends.</param>
/// <param name="Minutes">The shared minutes, rounded up (a shared partial minute is still shared).</param>
internal readonly record struct SegmentOverlap(int First, int Second, LocalDateTime From, LocalDateTime To, int Minutes);
