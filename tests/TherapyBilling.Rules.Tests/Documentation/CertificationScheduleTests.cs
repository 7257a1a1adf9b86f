using static TherapyBilling.Rules.Tests.Documentation.NoteFixtures;

namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>The certification clock (BPM ch. 15 §220.1.3; rules reference §3.4).</summary>
public sealed class CertificationScheduleTests
{
    private static readonly LocalDate D = new(2026, 1, 5);

    [Theory]
    [InlineData(30, CertificationStatus.Timely)]
    [InlineData(31, CertificationStatus.Delayed)]
    [InlineData(60, CertificationStatus.Delayed)]
    [InlineData(61, CertificationStatus.Late)]
    public void Compute_InitialSignature_TimelyWithin30Days(int daysAfter, CertificationStatus expected)
    {
        var schedule = CertificationSchedule.Compute(D, new PlanOfCare { SignedOn = D.PlusDays(daysAfter) }, D.PlusDays(100));
        Assert.Equal(expected, schedule.Intervals[0].Status);
    }

    [Fact]
    public void Compute_LateWithReason_DelayedWithReason()
    {
        var schedule = CertificationSchedule.Compute(D, new PlanOfCare { SignedOn = D.PlusDays(75), DelayReasonDocumented = true }, D.PlusDays(80));
        Assert.Equal(CertificationStatus.DelayedWithReason, schedule.Intervals[0].Status);
    }

    [Fact]
    public void Compute_VerbalOrderSignedWithin14Days_CountsFromTheOrder()
    {
        var ok = CertificationSchedule.Compute(D, new PlanOfCare { VerbalOrderOn = D.PlusDays(25), SignedOn = D.PlusDays(39) }, D.PlusDays(40));
        Assert.Equal(CertificationStatus.Timely, ok.Intervals[0].Status);
        Assert.False(ok.Intervals[0].VerbalOrderUnsigned);

        var late = CertificationSchedule.Compute(D, new PlanOfCare { VerbalOrderOn = D.PlusDays(25), SignedOn = D.PlusDays(40) }, D.PlusDays(40));
        Assert.True(late.Intervals[0].VerbalOrderUnsigned);
        Assert.Equal(CertificationStatus.Delayed, late.Intervals[0].Status);
    }

    [Fact]
    public void Compute_Interval_PlanLengthOr90DaysWhicheverIsLess()
    {
        var short_ = CertificationSchedule.Compute(D, new PlanOfCare { SignedOn = D, Duration = Period.FromWeeks(4) }, D);
        Assert.Equal(D.PlusDays(27), short_.Intervals[0].End);
        var long_ = CertificationSchedule.Compute(D, new PlanOfCare { SignedOn = D, Duration = Period.FromMonths(6) }, D);
        Assert.Equal(D.PlusDays(89), long_.Intervals[0].End);
        Assert.True(long_.Covers(D.PlusDays(89)));
        Assert.False(long_.Covers(D.PlusDays(90)));
    }

    [Fact]
    public void Compute_Recertification_TimelyWithinThePreviousInterval()
    {
        var plan = new PlanOfCare
        {
            SignedOn = D,
            Duration = Period.FromDays(60),
            Recertifications = [new Recertification(D.PlusDays(59)), new Recertification(D.PlusDays(170))],
        };
        var schedule = CertificationSchedule.Compute(D, plan, D.PlusDays(200));
        Assert.Equal(CertificationStatus.Timely, schedule.Intervals[1].Status);
        Assert.Equal(D.PlusDays(60), schedule.Intervals[1].Start);
        Assert.Equal(D.PlusDays(149), schedule.Intervals[1].End);
        Assert.Equal(D.PlusDays(150), schedule.Intervals[2].DueBy); // 90 days after the interval's first day (D+60)
        Assert.Equal(CertificationStatus.Delayed, schedule.Intervals[2].Status);
    }

    // BPM ch. 15 §220.1.3 D: a recertification is timely if dated during the initial plan's duration or within 90
    // calendar days of the initial treatment, whichever is less; rules reference test vector: "≤ 90 days after
    // initial treatment" (counted like the initial certification's "30 days following": D + 30).
    [Theory]
    [InlineData(null, 90, CertificationStatus.Timely)]
    [InlineData(null, 91, CertificationStatus.Delayed)]
    [InlineData(180, 90, CertificationStatus.Timely)] // a 6-month plan: 90 days is less
    [InlineData(180, 91, CertificationStatus.Delayed)]
    [InlineData(60, 59, CertificationStatus.Timely)] // a 60-day plan: its last day is D+59
    [InlineData(60, 60, CertificationStatus.Delayed)]
    public void Compute_RecertificationDue_PlanDurationOr90DaysAfterFirstTreatment(int? planDays, int signedAfter, CertificationStatus expected)
    {
        var plan = new PlanOfCare
        {
            SignedOn = D,
            Duration = planDays is int days ? Period.FromDays(days) : null,
            Recertifications = [new Recertification(D.PlusDays(signedAfter))],
        };
        var schedule = CertificationSchedule.Compute(D, plan, D.PlusDays(200));
        Assert.Equal(expected, schedule.Intervals[1].Status);
        Assert.Equal(D.PlusDays(Math.Min(planDays is int p ? p - 1 : int.MaxValue, 90)), schedule.Intervals[1].DueBy);
    }

    [Fact]
    public void Validate_UnsignedInitialCertification_WarnsThenErrors()
    {
        var note = Complete() with { Episode = new EpisodeContext { FirstTreatmentDate = Dos.PlusDays(-40), PlanOfCare = new PlanOfCare() } };
        var delayed = DocumentationCheck.Validate(note, Context());
        Assert.Equal(Severity.Warning, Assert.Single(delayed, d => d.Id == DiagnosticIds.CertificationDelayed).Severity);

        var late = DocumentationCheck.Validate(note, Context() with { Today = Dos.PlusDays(30) });
        var d = Assert.Single(late, d => d.Id == DiagnosticIds.CertificationLate);
        Assert.Equal("documentation.episode.planOfCare.signedOn", d.Path);
        Assert.Equal(Severity.Error, d.Severity);
    }

    [Fact]
    public void Validate_VerbalOrderNeverSigned_Error()
    {
        var note = Complete() with { Episode = new EpisodeContext { FirstTreatmentDate = Dos.PlusDays(-20), PlanOfCare = new PlanOfCare { VerbalOrderOn = Dos.PlusDays(-18) } } };
        var d = Assert.Single(DocumentationCheck.Validate(note, Context()), d => d.Id == DiagnosticIds.VerbalOrderNotSigned);
        Assert.Equal("documentation.episode.planOfCare.verbalOrderOn", d.Path);
    }

    [Fact]
    public void Validate_LateRecertification_Error()
    {
        var first = Dos.PlusDays(-120);
        var plan = new PlanOfCare { SignedOn = first, Recertifications = [new Recertification(first.PlusDays(90 + 31))] };
        var note = Complete() with { Episode = new EpisodeContext { FirstTreatmentDate = first, PlanOfCare = plan } };
        var d = Assert.Single(DocumentationCheck.Validate(note, Context()), d => d.Id == DiagnosticIds.RecertificationLate);
        Assert.Equal("documentation.episode.planOfCare.recertifications[0].signedOn", d.Path);
    }

    [Fact]
    public void Validate_VisitAfterLastCertifiedDay_OutsideInterval()
    {
        var first = Dos.PlusDays(-90);
        var note = Complete() with { Episode = new EpisodeContext { FirstTreatmentDate = first, PlanOfCare = new PlanOfCare { SignedOn = first } } };
        var d = Assert.Single(DocumentationCheck.Validate(note, Context()), d => d.Id == DiagnosticIds.VisitOutsideCertifiedInterval);
        Assert.Equal(Severity.Error, d.Severity);
        var inside = note with { Episode = note.Episode! with { FirstTreatmentDate = Dos.PlusDays(-89) } };
        Assert.DoesNotContain(DocumentationCheck.Validate(inside, Context()), d => d.Id == DiagnosticIds.VisitOutsideCertifiedInterval);
    }
}
