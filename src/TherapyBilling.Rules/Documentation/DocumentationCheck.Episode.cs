using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <content>The episode's clocks: progress reports (BPM ch. 15 §220.3 D) and certification (§220.1.3).</content>
public static partial class DocumentationCheck
{
    private sealed partial class Run
    {
        /// <summary>Episodes with up to this many days (the date of service and the first treatment date included) sort them on the stack.</summary>
        internal const int StackDays = 64;

        /// <summary>Up to this many counted reports keep their used flags on the stack.</summary>
        private const int StackReports = 64;

        /// <summary>Up to this many reports are ordered by insertion (stable), more by the general ordering.</summary>
        internal const int SortedReportsBound = 32;

        public void CheckProgressReports(EpisodeContext episode)
        {
            var reports = episode.ProgressReports;
            for (int r = 0; r < reports.Length; r++)
            {
                if (reports[r] is { AuthorRole: ClinicianRole.Assistant } report)
                {
                    Add(DiagnosticDescriptors.AssistantProgressReport.Create(
                        Path(Paths.Index("episode.progressReports", r, "authorRole")), Arg.Of("date", Iso(report.Date))));
                }
            }

            // The days on the stack (in a pooled array above the bound), the counted reports in the note's own array
            // when they are already in order (in a pooled array otherwise): the clock itself allocates nothing.
            int capacity = episode.TreatmentDays.Length + 2;
            LocalDate[]? pooledDays = null;
            Span<LocalDate> dayBuffer = capacity <= StackDays ? stackalloc LocalDate[StackDays] : (pooledDays = ArrayPool<LocalDate>.Shared.Rent(capacity));
            ProgressReport[]? pooledReports = null;
            try
            {
                var days = EpisodeDays(episode, dayBuffer, pooledDays);
                var counted = CountedReports(reports, ref pooledReports);
                ReportUnreportedPeriods(days, counted);
            }
            finally
            {
                if (pooledDays is not null)
                {
                    ArrayPool<LocalDate>.Shared.Return(pooledDays);
                }

                if (pooledReports is not null)
                {
                    ArrayPool<ProgressReport>.Shared.Return(pooledReports, clearArray: true);
                }
            }
        }

        /// <summary>
        /// The episode's treatment days up to the date of service (that date and the first treatment date included),
        /// sorted and distinct, written into <paramref name="buffer"/> (<paramref name="pooled"/> when it is a pooled array).
        /// </summary>
        private ReadOnlySpan<LocalDate> EpisodeDays(EpisodeContext episode, Span<LocalDate> buffer, LocalDate[]? pooled)
        {
            var dos = Context.DateOfService;
            int count = 0;
            buffer[count++] = dos;
            if (episode.FirstTreatmentDate is LocalDate first && first <= dos)
            {
                buffer[count++] = first;
            }

            foreach (var day in episode.TreatmentDays)
            {
                if (day <= dos)
                {
                    buffer[count++] = day;
                }
            }

            if (pooled is not null)
            {
                Array.Sort(pooled, 0, count);
            }
            else
            {
                InsertionSort(buffer.Slice(0, count));
            }

            int distinct = 0;
            for (int i = 0; i < count; i++)
            {
                if (distinct == 0 || buffer[i] != buffer[distinct - 1])
                {
                    buffer[distinct++] = buffer[i];
                }
            }

            return buffer.Slice(0, distinct);
        }

        private static void InsertionSort(Span<LocalDate> days)
        {
            for (int i = 1; i < days.Length; i++)
            {
                var day = days[i];
                int j = i - 1;
                for (; j >= 0 && days[j] > day; j--)
                {
                    days[j + 1] = days[j];
                }

                days[j + 1] = day;
            }
        }

        /// <summary>
        /// The reports the clock counts (written by the date of service, not by an assistant), ordered by the day they
        /// cover through, then their date, stably (as <see cref="ProgressReportSchedule"/> orders them).
        /// </summary>
        private ReadOnlySpan<ProgressReport> CountedReports(ImmutableArray<ProgressReport> reports, ref ProgressReport[]? pooled)
        {
            if (AllCountedInOrder(reports))
            {
                return reports.AsSpan(); // the usual case: nothing to filter or sort
            }

            var dos = Context.DateOfService;
            if (reports.Length > SortedReportsBound)
            {
                // Many reports: the general ordering (an insertion sort is quadratic).
                return reports
                    .Where(r => r is not null && r.Date <= dos && r.AuthorRole != ClinicianRole.Assistant)
                    .OrderBy(static r => r.CoversThrough)
                    .ThenBy(static r => r.Date)
                    .ToArray();
            }

            pooled = ArrayPool<ProgressReport>.Shared.Rent(Math.Max(reports.Length, 1));
            int count = 0;
            foreach (var report in reports)
            {
                if (IsCounted(report))
                {
                    // Insertion keeps equal keys in their input order (stable, like OrderBy/ThenBy).
                    int j = count - 1;
                    for (; j >= 0 && ComesAfter(pooled[j], report); j--)
                    {
                        pooled[j + 1] = pooled[j];
                    }

                    pooled[j + 1] = report;
                    count++;
                }
            }

            return pooled.AsSpan(0, count);
        }

        private bool IsCounted(ProgressReport? report) =>
            report is not null && report.Date <= Context.DateOfService && report.AuthorRole != ClinicianRole.Assistant;

        private static bool ComesAfter(ProgressReport a, ProgressReport b) =>
            a.CoversThrough > b.CoversThrough || (a.CoversThrough == b.CoversThrough && a.Date > b.Date);

        private bool AllCountedInOrder(ImmutableArray<ProgressReport> reports)
        {
            for (int i = 0; i < reports.Length; i++)
            {
                if (!IsCounted(reports[i]) || (i > 0 && ComesAfter(reports[i - 1], reports[i])))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Reports each period after the last reported one that ended on its 10th treatment day without a report.</summary>
        private void ReportUnreportedPeriods(ReadOnlySpan<LocalDate> days, ReadOnlySpan<ProgressReport> counted)
        {
            var dos = Context.DateOfService;
            int window = Context.Requirements.ProgressReportLateDays;
            Span<bool> used = counted.Length <= StackReports ? stackalloc bool[StackReports] : new bool[counted.Length];
            used = used.Slice(0, counted.Length);

            // Two walks of the clock: the first finds the last reported period, the second reports the unreported ones after it.
            int lastReported = -1, index = 0;
            var walker = new ReportingPeriodWalker(days, counted, used, window);
            while (walker.MoveNext(out var step))
            {
                lastReported = step.ReportIndex >= 0 ? index : lastReported;
                index++;
            }

            used.Clear();
            walker = new ReportingPeriodWalker(days, counted, used, window);
            for (index = 0; walker.MoveNext(out var period); index++)
            {
                if (index <= lastReported || period.Status != ReportingPeriodStatus.NotReported || period.End is not LocalDate end)
                {
                    continue;
                }

                var deadline = CalendarMath.PlusDays(end, window);
                var descriptor = dos > deadline ? DiagnosticDescriptors.ProgressReportOverdue : DiagnosticDescriptors.ProgressReportDue;
                Add(descriptor.Create(
                    Path("episode.progressReports"),
                    Arg.Of("start", Iso(period.Start)),
                    Arg.Of("end", Iso(end)),
                    Arg.Of("deadline", Iso(deadline)),
                    Arg.Of("date", Iso(dos))));
            }
        }

        /// <summary>The earliest treatment day up to the date of service (the date of service when there is none before it).</summary>
        private LocalDate EarliestEpisodeDay(EpisodeContext episode)
        {
            var earliest = Context.DateOfService;
            foreach (var day in episode.TreatmentDays)
            {
                earliest = day < earliest ? day : earliest;
            }

            return earliest;
        }

        public void CheckCertification(EpisodeContext episode)
        {
            if (episode.PlanOfCare is not { } plan)
            {
                return;
            }

            var dos = Context.DateOfService;
            var first = episode.FirstTreatmentDate ?? EarliestEpisodeDay(episode);
            var asOf = Context.Today is LocalDate today && today > dos ? today : dos;
            var schedule = CertificationSchedule.Compute(first, plan, asOf);
            foreach (var interval in schedule.Intervals)
            {
                // The state text and the path are made only for a finding.
                string State() => interval.CertifiedOn is LocalDate on ? "certified on " + Iso(on) : "not signed as of " + Iso(asOf);
                string IntervalPath() => interval.Index == 0 ? Path("episode.planOfCare.signedOn") : Path(Paths.Index("episode.planOfCare.recertifications", interval.Index - 1, "signedOn"));
                switch (interval.Status)
                {
                    case CertificationStatus.Late when interval.Index == 0:
                        Add(DiagnosticDescriptors.CertificationLate.Create(IntervalPath(), Arg.Of("due", Iso(interval.DueBy)), Arg.Of("start", Iso(interval.Start)), Arg.Of("state", State())));
                        break;
                    case CertificationStatus.Late:
                        Add(DiagnosticDescriptors.RecertificationLate.Create(IntervalPath(), Arg.Of("index", interval.Index), Arg.Of("due", Iso(interval.DueBy)), Arg.Of("state", State())));
                        break;
                    case CertificationStatus.Delayed:
                        Add(DiagnosticDescriptors.CertificationDelayed.Create(
                            IntervalPath(),
                            Arg.Of("which", interval.Index == 0 ? "initial" : "recertification " + interval.Index.ToString(CultureInfo.InvariantCulture)),
                            Arg.Of("due", Iso(interval.DueBy)),
                            Arg.Of("state", State()),
                            Arg.Of("grace", Iso(CalendarMath.PlusDays(interval.DueBy, CertificationSchedule.DelayedGraceDays)))));
                        break;
                    default:
                        break;
                }

                if (interval.VerbalOrderUnsigned && plan.VerbalOrderOn is LocalDate verbal)
                {
                    Add(DiagnosticDescriptors.VerbalOrderNotSigned.Create(
                        Path("episode.planOfCare.verbalOrderOn"), Arg.Of("order", Iso(verbal)), Arg.Of("signBy", Iso(CalendarMath.PlusDays(verbal, CertificationSchedule.VerbalOrderSignatureDays)))));
                }
            }

            if (!schedule.Covers(dos))
            {
                Add(DiagnosticDescriptors.VisitOutsideCertifiedInterval.Create(
                    Path("episode.planOfCare"),
                    Arg.Of("date", Iso(dos)),
                    Arg.Of("first", Iso(schedule.Intervals[0].Start)),
                    Arg.Of("last", Iso(schedule.Intervals[^1].End))));
            }
        }
    }
}
