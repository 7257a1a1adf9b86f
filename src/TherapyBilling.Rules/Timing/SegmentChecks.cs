using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Validates segment times and finds overlapping one-on-one time.</summary>
internal static class SegmentChecks
{
    /// <summary>
    /// The most segments whose scratch values (durations, times, sort order) live on the stack; an encounter with more
    /// uses ordinary arrays. 32 segments keep each caller's frame near 2 KB; a day has 1 to 12.
    /// </summary>
    public const int StackSegments = 32;

    /// <summary>Writes each segment's duration, or <see langword="null"/> where its times are invalid; reports what is wrong.</summary>
    public static void Validate(ReadOnlySpan<TreatmentSegment> segments, LocalDate anchor, LocalDate? dateOfService, Span<Duration?> durations, List<Diagnostic> diagnostics)
    {
        for (int i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            durations[i] = null;
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
    }

    /// <summary>
    /// Counts timed one-on-one time once: where timed segments overlap, each keeps only the time no earlier-starting
    /// segment covers (the shared minutes stay with the segment that started first). Reports one TBR101 per group of
    /// overlapping segments. Cost: one sort, then linear.
    /// </summary>
    /// <param name="segments">The segments.</param>
    /// <param name="durations">Each segment's duration from <see cref="Validate"/>.</param>
    /// <param name="counted">Receives each segment's counted duration (equal to <paramref name="durations"/> outside overlaps).</param>
    /// <param name="anchor">The date time-of-day segments fall on.</param>
    /// <param name="catalog">The code catalog (only timed codes are swept).</param>
    /// <param name="diagnostics">Receives the findings.</param>
    public static void CountTimedOnce(
        ReadOnlySpan<TreatmentSegment> segments, ReadOnlySpan<Duration?> durations, Span<Duration?> counted, LocalDate anchor, CodeCatalog catalog, List<Diagnostic> diagnostics)
    {
        durations.CopyTo(counted);
        int n = segments.Length;
        Span<bool> include = n <= StackSegments ? stackalloc bool[n] : new bool[n];
        bool any = false;
        for (int i = 0; i < n; i++)
        {
            include[i] = ClockSweep.IsSweepable(segments[i], durations[i]) && catalog.IsTimed(segments[i].Code);
            any |= include[i];
        }

        if (!any)
        {
            return; // minutes only, or no timed segment with times: nothing can overlap
        }

        Span<(LocalDateTime Start, LocalDateTime End)> times = n <= StackSegments ? stackalloc (LocalDateTime, LocalDateTime)[n] : new (LocalDateTime, LocalDateTime)[n];
        Span<int> order = n <= StackSegments ? stackalloc int[n] : new int[n];
        Span<Duration> buffer = n <= StackSegments ? stackalloc Duration[n] : new Duration[n];
        var sorted = order[..ClockSweep.SortByStart(segments, anchor, include, times, order)];
        for (int from = 0, to; from < sorted.Length; from = to)
        {
            to = ClockSweep.GroupEnd(sorted, times, from);
            var members = sorted[from..to];
            var group = ClockSweep.Attribute(members, times, buffer);
            foreach (int i in members)
            {
                counted[i] = buffer[i];
            }

            if (group.Count > 1)
            {
                int earliest = members[0], second = members[1];
                diagnostics.Add(DiagnosticDescriptors.OverlappingSegments.Create(
                    Paths.Segment(second),
                    SegmentArg(second),
                    Arg.Of("code", segments[second].Code),
                    Arg.Of("other", earliest),
                    Arg.Of("otherCode", segments[earliest].Code),
                    Arg.Of("count", group.Count),
                    Arg.Of("codes", string.Join(", ", ClockSweep.CodesOf(members, segments))),
                    Arg.Of("shared", group.SharedMinutes),
                    Arg.Of("minutes", group.Clock.Minutes),
                    Arg.Of("from", Format(group.From, segments[second])),
                    Arg.Of("to", Format(group.To, segments[second]))));
            }
        }
    }

    /// <summary>
    /// Reports, once per group of overlapping segments, an untimed service that occupies the patient (catalog column
    /// <c>occupiesPatient</c>) sharing time with a timed service or with another such service (TBR110). Supervised
    /// modalities 97010–97028 never count (NCCI ch. 11 §P.2).
    /// </summary>
    public static void FindPatientTimeConflicts(ReadOnlySpan<TreatmentSegment> segments, ReadOnlySpan<Duration?> durations, LocalDate anchor, CodeCatalog catalog, List<Diagnostic> diagnostics)
    {
        int n = segments.Length;
        Span<bool> occupying = n <= StackSegments ? stackalloc bool[n] : new bool[n];
        Span<bool> involved = n <= StackSegments ? stackalloc bool[n] : new bool[n];
        bool any = false;
        for (int i = 0; i < n; i++)
        {
            occupying[i] = involved[i] = false;
            var code = segments[i].Code;
            if (!catalog.TryGet(code, out var entry) || CodePairCheck.IsSupervisedModality(code))
            {
                continue;
            }

            occupying[i] = entry.Kind == CodeKind.Untimed && entry.OccupiesPatient;
            involved[i] = entry.Kind == CodeKind.Timed || occupying[i];
            any |= occupying[i];
        }

        if (!any)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            involved[i] &= ClockSweep.IsSweepable(segments[i], durations[i]);
        }

        // Only an encounter with an untimed service that occupies the patient gets here: ordinary arrays are fine.
        var times = new (LocalDateTime Start, LocalDateTime End)[n];
        var order = new int[n];
        ReadOnlySpan<int> sorted = order.AsSpan(0, ClockSweep.SortByStart(segments, anchor, involved, times, order));
        for (int from = 0, to; from < sorted.Length; from = to)
        {
            to = ClockSweep.GroupEnd(sorted, times, from);
            var members = sorted[from..to];
            if (members.Length < 2)
            {
                continue;
            }

            int reachTimed = -1, reachOccupying = -1, service = -1, other = -1;
            foreach (int i in members)
            {
                var start = times[i].Start;
                bool overlapsOccupying = reachOccupying >= 0 && start < times[reachOccupying].End;
                bool overlapsTimed = reachTimed >= 0 && start < times[reachTimed].End;
                if (occupying[i] && (overlapsOccupying || overlapsTimed))
                {
                    (service, other) = (i, overlapsOccupying ? reachOccupying : reachTimed);
                    break;
                }

                if (!occupying[i] && overlapsOccupying)
                {
                    (service, other) = (reachOccupying, i);
                    break;
                }

                ref int reach = ref occupying[i] ? ref reachOccupying : ref reachTimed;
                if (reach < 0 || times[i].End > times[reach].End)
                {
                    reach = i;
                }
            }

            if (service >= 0)
            {
                var (sharedFrom, sharedTo) = Shared(times[service], times[other]);
                diagnostics.Add(DiagnosticDescriptors.UntimedServiceOverlapsTimedTime.Create(
                    Paths.Segment(service),
                    SegmentArg(service),
                    Arg.Of("code", segments[service].Code),
                    Arg.Of("other", other),
                    Arg.Of("otherCode", segments[other].Code),
                    Arg.Of("from", Format(sharedFrom, segments[service])),
                    Arg.Of("to", Format(sharedTo, segments[service])),
                    Arg.Of("count", members.Length)));
            }
        }
    }

    private static (LocalDateTime From, LocalDateTime To) Shared((LocalDateTime Start, LocalDateTime End) a, (LocalDateTime Start, LocalDateTime End) b) =>
        (a.Start > b.Start ? a.Start : b.Start, a.End < b.End ? a.End : b.End);

    private static DiagnosticArgument SegmentArg(int index) => Arg.Of("segment", index);

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Format(LocalDateTime value, TreatmentSegment segment) =>
        segment.StartDate.HasValue
            ? value.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : value.TimeOfDay.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
