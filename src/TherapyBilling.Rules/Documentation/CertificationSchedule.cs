using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Whether a certification (initial or recertification) was signed on time.</summary>
public enum CertificationStatus
{
    /// <summary>Signed (or verbally ordered and then signed within 14 days) by the due date.</summary>
    Timely = 1,

    /// <summary>Signed within 30 days after the due date, or not yet signed and still within those 30 days: accepted without justification.</summary>
    Delayed = 2,

    /// <summary>Signed more than 30 days after the due date, with a documented reason for the delay.</summary>
    DelayedWithReason = 3,

    /// <summary>Signed more than 30 days after the due date, or still unsigned by then, without a reason for the delay.</summary>
    Late = 4,

    /// <summary>Not signed yet, and not yet due.</summary>
    Pending = 5,
}

/// <summary>One certified interval of a plan of care (BPM ch. 15 §220.1.3).</summary>
/// <param name="Index">0 for the initial certification, then 1, 2... for each recertification.</param>
/// <param name="Start">The first day the certification covers.</param>
/// <param name="End">The last day it covers: the plan's duration or 90 calendar days, whichever is less (the start counts as day 1).</param>
/// <param name="DueBy">The last day the certification is timely.</param>
/// <param name="CertifiedOn">The date that counts for timeliness (the verbal order's date when it was signed within 14 days, else the signature's), or <see langword="null"/>.</param>
/// <param name="Status">Whether it was signed on time.</param>
/// <param name="VerbalOrderUnsigned">Whether a verbal order was not followed by a signature within 14 days.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CertifiedInterval(int Index, LocalDate Start, LocalDate End, LocalDate DueBy, LocalDate? CertifiedOn, CertificationStatus Status, bool VerbalOrderUnsigned)
{
    /// <summary>Gets whether a date is inside the interval.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is between <see cref="Start"/> and <see cref="End"/>, inclusive.</returns>
    public bool Covers(LocalDate date) => date >= Start && date <= End;
}

/// <summary>
/// The certification clock of a plan of care (BPM ch. 15 §220.1.3): the certified intervals and whether each
/// certification was signed on time.
/// </summary>
/// <remarks>
/// <para>Rules [H]: the initial certification is timely when signed (or verbally ordered) within 30 days after the
/// first day of treatment, evaluation included; a verbal order must be followed by a signature within 14 days. A
/// certification covers the plan's duration or 90 calendar days, whichever is less. A recertification is timely when
/// dated during the previous plan's duration or within 90 calendar days after the previous interval's first day
/// (on or before start + 90), whichever is less (§220.1.3 D). A delayed certification is
/// accepted without justification up to 30 days after it was due; later only with a reason for the delay.</para>
/// <para>Day counting [derived]: the first day of an interval is day 1, so 90 days from Jan 1 end on Mar 31 (Mar 30 in a
/// leap year); "within 30 days after" D means on or before D + 30.</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public sealed class CertificationSchedule
{
    /// <summary>The days after the first treatment within which the initial certification is timely.</summary>
    public const int InitialDueDays = 30;

    /// <summary>The days after a verbal order within which it must be signed.</summary>
    public const int VerbalOrderSignatureDays = 14;

    /// <summary>The most calendar days one certification covers.</summary>
    public const int MaximumCertifiedDays = 90;

    /// <summary>The days after the due date within which a delayed certification needs no reason.</summary>
    public const int DelayedGraceDays = 30;

    private CertificationSchedule(ImmutableArray<CertifiedInterval> intervals) => Intervals = intervals;

    /// <summary>Gets the certified intervals: the initial one, then one per recertification.</summary>
    public ImmutableArray<CertifiedInterval> Intervals { get; }

    /// <summary>Gets whether a date falls inside a certified interval.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when an interval covers it.</returns>
    public bool Covers(LocalDate date)
    {
        foreach (var interval in Intervals)
        {
            if (interval.Covers(date))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Computes the schedule.</summary>
    /// <param name="firstTreatment">The first day of treatment, evaluation included.</param>
    /// <param name="plan">The plan of care and its certifications.</param>
    /// <param name="asOf">The date the unsigned certifications are judged at (a visit's date or "today").</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    public static CertificationSchedule Compute(LocalDate firstTreatment, PlanOfCare plan, LocalDate asOf)
    {
        Guard.NotNull(plan);
        var intervals = ImmutableArray.CreateBuilder<CertifiedInterval>(1 + CountPresent(plan.Recertifications));

        var due = CalendarMath.PlusDays(firstTreatment, InitialDueDays);
        LocalDate? certified = plan.SignedOn;
        bool verbalUnsigned = false;
        if (plan.VerbalOrderOn is LocalDate verbal)
        {
            var signBy = CalendarMath.PlusDays(verbal, VerbalOrderSignatureDays);
            if (plan.SignedOn is LocalDate signed && signed <= signBy)
            {
                certified = verbal;
            }
            else
            {
                verbalUnsigned = plan.SignedOn.HasValue || asOf > signBy;
            }
        }

        var end = IntervalEnd(firstTreatment, plan.Duration);
        var intervalStart = firstTreatment;
        var duration = plan.Duration;
        intervals.Add(new CertifiedInterval(0, firstTreatment, end, due, certified, StatusOf(certified, due, plan.DelayReasonDocumented, asOf), verbalUnsigned));

        int index = 1;
        foreach (var recert in plan.Recertifications)
        {
            if (recert is null)
            {
                continue;
            }

            var start = CalendarMath.PlusDays(end, 1);
            var recertDue = RecertificationDue(intervalStart, duration);
            intervalStart = start;
            duration = recert.Duration;
            end = IntervalEnd(start, recert.Duration);
            intervals.Add(new CertifiedInterval(index++, start, end, recertDue, recert.SignedOn, StatusOf(recert.SignedOn, recertDue, recert.DelayReasonDocumented, asOf), false));
        }

        return new CertificationSchedule(intervals.MoveToImmutable());
    }

    private static int CountPresent(ImmutableArray<Recertification> recertifications)
    {
        int count = 0;
        foreach (var recertification in recertifications)
        {
            count += recertification is null ? 0 : 1;
        }

        return count;
    }

    private static LocalDate IntervalEnd(LocalDate start, Period? duration)
    {
        var maximum = CalendarMath.PlusDays(start, MaximumCertifiedDays - 1);
        if (duration is null)
        {
            return maximum;
        }

        var planEnd = CalendarMath.PlusDays(CalendarMath.Plus(start, duration), -1);
        if (planEnd < start)
        {
            planEnd = start;
        }

        return planEnd < maximum ? planEnd : maximum;
    }

    /// <summary>
    /// The last timely day of the recertification of an interval: within its plan's duration (its last covered day) or
    /// within 90 calendar days after its first treatment day (<c>start + 90</c>, counted like the 30 days of the initial
    /// certification), whichever is less (BPM ch. 15 §220.1.3 D; rules reference test vector "≤ 90 days after initial treatment").
    /// </summary>
    private static LocalDate RecertificationDue(LocalDate start, Period? duration)
    {
        var ninetyDays = CalendarMath.PlusDays(start, MaximumCertifiedDays);
        if (duration is null)
        {
            return ninetyDays;
        }

        var planEnd = CalendarMath.PlusDays(CalendarMath.Plus(start, duration), -1); // the plan's last day, not capped at 90 days
        if (planEnd < start)
        {
            planEnd = start;
        }

        return planEnd < ninetyDays ? planEnd : ninetyDays;
    }

    private static CertificationStatus StatusOf(LocalDate? certified, LocalDate due, bool reason, LocalDate asOf)
    {
        var grace = CalendarMath.PlusDays(due, DelayedGraceDays);
        if (certified is LocalDate date)
        {
            return date <= due ? CertificationStatus.Timely
                : date <= grace ? CertificationStatus.Delayed
                : reason ? CertificationStatus.DelayedWithReason
                : CertificationStatus.Late;
        }

        return asOf <= due ? CertificationStatus.Pending
            : asOf <= grace ? CertificationStatus.Delayed
            : CertificationStatus.Late;
    }
}
