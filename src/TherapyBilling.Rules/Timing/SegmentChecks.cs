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

    /// <summary>
    /// Counts timed one-on-one time once: where timed segments overlap, each keeps only the time no earlier-starting
    /// segment covers (the shared minutes stay with the segment that started first). Reports one TBR101 per group of
    /// overlapping segments. Cost: one sort, then linear.
    /// </summary>
    /// <returns>Each segment's counted duration (equal to <paramref name="durations"/> outside overlaps).</returns>
    public static Duration?[] CountTimedOnce(TreatmentSegment[] segments, Duration?[] durations, LocalDate anchor, CodeCatalog catalog, List<Diagnostic> diagnostics)
    {
        var counted = (Duration?[])durations.Clone();
        var sweep = new ClockSweep(segments, durations, anchor, i => catalog.IsTimed(segments[i].Code));
        var buffer = new Duration[segments.Length];
        foreach (var range in sweep.Groups())
        {
            var group = sweep.Attribute(range, buffer);
            var members = sweep.Order[range];
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
                    Arg.Of("codes", string.Join(", ", group.Codes)),
                    Arg.Of("shared", group.SharedMinutes),
                    Arg.Of("minutes", group.Clock.Minutes),
                    Arg.Of("from", Format(group.From, segments[second])),
                    Arg.Of("to", Format(group.To, segments[second]))));
            }
        }

        return counted;
    }

    /// <summary>
    /// Reports, once per group of overlapping segments, an untimed service that occupies the patient (catalog column
    /// <c>occupiesPatient</c>) sharing time with a timed service or with another such service (TBR110). Supervised
    /// modalities 97010–97028 never count (NCCI ch. 11 §P.2).
    /// </summary>
    public static void FindPatientTimeConflicts(TreatmentSegment[] segments, Duration?[] durations, LocalDate anchor, CodeCatalog catalog, List<Diagnostic> diagnostics)
    {
        var occupying = new bool[segments.Length];
        var involved = new bool[segments.Length];
        bool any = false;
        for (int i = 0; i < segments.Length; i++)
        {
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

        var sweep = new ClockSweep(segments, durations, anchor, i => involved[i]);
        foreach (var range in sweep.Groups())
        {
            var members = sweep.Order[range];
            if (members.Length < 2)
            {
                continue;
            }

            int reachTimed = -1, reachOccupying = -1, service = -1, other = -1;
            foreach (int i in members)
            {
                var start = sweep.TimesOf(i).Start;
                bool overlapsOccupying = reachOccupying >= 0 && start < sweep.TimesOf(reachOccupying).End;
                bool overlapsTimed = reachTimed >= 0 && start < sweep.TimesOf(reachTimed).End;
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
                if (reach < 0 || sweep.TimesOf(i).End > sweep.TimesOf(reach).End)
                {
                    reach = i;
                }
            }

            if (service >= 0)
            {
                var (from, to) = Shared(sweep.TimesOf(service), sweep.TimesOf(other));
                diagnostics.Add(DiagnosticDescriptors.UntimedServiceOverlapsTimedTime.Create(
                    Paths.Segment(service),
                    SegmentArg(service),
                    Arg.Of("code", segments[service].Code),
                    Arg.Of("other", other),
                    Arg.Of("otherCode", segments[other].Code),
                    Arg.Of("from", Format(from, segments[service])),
                    Arg.Of("to", Format(to, segments[service])),
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
