using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

public sealed class KxThresholdCheckTests
{
    private static KxClaim Claim(string id, LocalDate date, decimal amount, bool kx = false, TherapyBucket bucket = TherapyBucket.PhysicalTherapyAndSpeech, string who = "B1") =>
        new(id, who, date, bucket, amount, kx);

    [Theory]
    [InlineData(2018, 2010)] // BBA 2018 §50202 kept the 2018 cap amount as the threshold [M]
    [InlineData(2019, 2040)] // CR 11055 / MM11055 [M]
    [InlineData(2020, 2080)] // CY 2020 PFS final rule, as reported [M]
    [InlineData(2021, 2110)]
    [InlineData(2022, 2150)]
    [InlineData(2023, 2230)]
    [InlineData(2024, 2330)]
    [InlineData(2025, 2410)]
    [InlineData(2026, 2480)]
    public void DefaultTable_HasTheReferenceAmounts(int year, int amount)
    {
        Assert.True(KxThresholdTable.Default.TryGet(year, out var t));
        Assert.Equal(amount, t.PhysicalTherapyAndSpeech);
        Assert.Equal(amount, t.OccupationalTherapy);
        Assert.Equal(3000m, t.TargetedReview);
    }

    [Fact]
    public void DefaultTable_EveryRowNamesItsSourceAndConfidence() =>
        Assert.All(KxThresholdTable.Default.Years, y => Assert.Matches(@"\[(H|M|L|L/M)\]", y.Source));

    [Theory]
    [InlineData(2017)] // before the KX thresholds (BBA 2018)
    [InlineData(2027)] // after the last year the shipped table knows
    public void Check_YearTheTableDoesNotKnow_NotCheckedWarningNeverError(int year)
    {
        var r = KxThresholdCheck.Check(Claim("c", new LocalDate(year, 5, 1), 5000m), 0m);
        Assert.Null(r.Threshold);
        Assert.False(r.RequiresKx);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticIds.KxThresholdYearUnknown, Severity.Warning), (d.Id, d.Severity));
    }

    [Fact]
    public void Check_AboveThresholdWithoutKx_Tbr420()
    {
        var r = KxThresholdCheck.Check(Claim("c", new LocalDate(2026, 5, 1), 100m), 2400m);
        Assert.True(r.RequiresKx);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticIds.KxModifierRequired, d.Id);
        Assert.Equal(("$2,500.00", "$2,480.00"), (d.GetArgument("total"), d.GetArgument("threshold")));
    }

    [Fact]
    public void Check_AboveThresholdWithKx_Clean() =>
        Assert.Empty(KxThresholdCheck.Check(Claim("c", new LocalDate(2026, 5, 1), 100m, kx: true), 2400m).Diagnostics);

    [Fact]
    public void Check_ExactlyAtThresholdWithKx_Tbr421()
    {
        var r = KxThresholdCheck.Check(Claim("c", new LocalDate(2026, 5, 1), 80m, kx: true), 2400m);
        Assert.False(r.RequiresKx);
        Assert.Equal(DiagnosticIds.KxModifierBelowThreshold, Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Check_AboveTargetedReview_Tbr422()
    {
        var r = KxThresholdCheck.Check(Claim("c", new LocalDate(2025, 9, 1), 200m, kx: true), 2900m);
        Assert.True(r.ReachesTargetedReview);
        Assert.Equal(DiagnosticIds.TargetedMedicalReview, Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Check_YearNotInTable_Tbr423()
    {
        var r = KxThresholdCheck.Check(Claim("c", new LocalDate(2027, 5, 1), 5000m), 0m);
        Assert.Null(r.Threshold);
        Assert.Equal(DiagnosticIds.KxThresholdYearUnknown, Assert.Single(r.Diagnostics).Id);
    }

    [Fact]
    public void Accumulate_PtAndSlpShareABucket_OtIsSeparate_YearsReset()
    {
        var results = KxThresholdCheck.Accumulate(
        [
            Claim("pt1", new LocalDate(2026, 1, 5), 1500m),
            Claim("ot1", new LocalDate(2026, 1, 6), 2000m, bucket: TherapyBucket.OccupationalTherapy),
            Claim("slp1", new LocalDate(2026, 2, 1), 1000m, bucket: KxThresholdCheck.BucketOf(Discipline.SpeechLanguagePathology)),
            Claim("ot2", new LocalDate(2026, 2, 2), 400m, bucket: KxThresholdCheck.BucketOf(Discipline.OccupationalTherapy)),
            Claim("pt2027", new LocalDate(2027, 1, 5), 100m),
            Claim("other", new LocalDate(2026, 3, 1), 100m, who: "B2"),
        ]);
        var byId = results.ToDictionary(r => r.Claim.ClaimId);
        Assert.Equal(2500m, byId["slp1"].YearToDateAfter);
        Assert.True(byId["slp1"].RequiresKx);
        Assert.Equal(2400m, byId["ot2"].YearToDateAfter);
        Assert.False(byId["ot2"].RequiresKx);
        Assert.Equal(0m, byId["pt2027"].YearToDateBefore);
        Assert.Equal(0m, byId["other"].YearToDateBefore);
    }

    [Fact]
    public void Check_EncounterWithYearToDate_Tbr420AtAllowedAmount()
    {
        var encounter = Encounter(new LocalDate(2026, 4, 1), Therapist(C97535, 30)) with
        {
            PayerId = "medicare",
            Discipline = Discipline.PhysicalTherapy,
            AllowedAmount = 120m,
            KxYearToDateAllowed = 2400m,
            BilledLines = [Line(C97535, 2, "GP")],
        };
        var d = Single(ComplianceEngine.Check(encounter), DiagnosticIds.KxModifierRequired);
        Assert.Equal("allowedAmount", d.Path);
        Assert.DoesNotContain(ComplianceEngine.Check(encounter with { BilledLines = [Line(C97535, 2, "GP", "KX")] }).Diagnostics, x => x.Id == DiagnosticIds.KxModifierRequired);
    }

    [Fact]
    public void Check_EncounterWithoutDiscipline_Tbr424()
    {
        var encounter = Encounter(new LocalDate(2026, 4, 1), Therapist(C97535, 30)) with { PayerId = "medicare", AllowedAmount = 120m };
        Single(ComplianceEngine.Check(encounter), DiagnosticIds.KxBucketUnknown);
    }

    private static readonly Gen<KxClaim[]> ClaimsGen =
        Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(
            Gen.Choose(0, 2).SelectMany(who => Gen.Choose(1, 120).SelectMany(day => Gen.Choose(0, 900).SelectMany(amount => Gen.Choose(0, 3).Select(flags =>
                new KxClaim("c" + day + "-" + amount + "-" + flags, "B" + who, new LocalDate(2025, 1, 1).PlusDays(day * 3),
                    (flags & 1) == 0 ? TherapyBucket.PhysicalTherapyAndSpeech : TherapyBucket.OccupationalTherapy, amount * 7m, (flags & 2) != 0))))), n));

    [Property(MaxTest = 200)]
    public Property Accumulate_DoesNotDependOnClaimOrder() =>
        Prop.ForAll(ClaimsGen.ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (claims, seed) =>
        {
            var shuffled = (KxClaim[])claims.Clone();
            new Random(seed).Shuffle(shuffled);
            static string Render(IEnumerable<KxClaimResult> r) => string.Join("|", r.Select(x => $"{x.Claim}:{x.YearToDateBefore}:{x.RequiresKx}:{string.Join(",", x.Diagnostics.Select(d => d.Id))}"));
            return Render(KxThresholdCheck.Accumulate(claims)) == Render(KxThresholdCheck.Accumulate(shuffled));
        });
}

public sealed class KxThresholdTableTests
{
    [Fact]
    public void Load_UserTable_AddsAYear()
    {
        var table = KxThresholdTable.Load(new StringReader("# version: mine\n2020\t2080\t2080\t3000\tCMS annual update (checked)\n"), "kx.tsv");
        Assert.Equal(("mine", "kx.tsv"), (table.Version, table.Source));
        Assert.True(table.TryGet(2020, out var t));
        Assert.Equal(2080m, t.For(TherapyBucket.OccupationalTherapy));
        var r = KxThresholdCheck.Check(new KxClaim("c", "b", new LocalDate(2020, 6, 1), TherapyBucket.OccupationalTherapy, 100m, false), 2000m, table);
        Assert.True(r.RequiresKx);
    }

    [Theory]
    [InlineData("2020\t2080\t2080\t3000\n", 1)]
    [InlineData("# c\n20x0\t2080\t2080\t3000\ts\n", 2)]
    [InlineData("2020\t2,080\t2080\t3000\ts\n", 1)]
    [InlineData("2020\t2080\t2080\t3000\ts\n2020\t2080\t2080\t3000\ts\n", 2)]
    public void Load_Malformed_ThrowsWithLine(string text, int line) =>
        Assert.Equal(line, Assert.Throws<ReferenceDataException>(() => KxThresholdTable.Load(new StringReader(text), "kx.tsv")).LineNumber);

    [Fact]
    public void AssistantRules_Decide_MismatchedSegments_Throws()
    {
        var segments = new[] { TreatmentSegment.FromMinutes(CptCode.Parse("97535"), 20), TreatmentSegment.FromMinutes(CptCode.Parse("97110"), 20) };
        var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        Assert.Throws<ArgumentException>(() => AssistantRules.Decide(segments[..1], units, Discipline.PhysicalTherapy));
    }
}
