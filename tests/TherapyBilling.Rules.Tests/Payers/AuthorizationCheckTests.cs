using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

public sealed class AuthorizationCheckTests
{
    // "12 visits in four weeks".
    private static readonly Authorization Auth = new("AUTH-1", 12, new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 29))
    {
        PayerId = "acme",
        Discipline = Discipline.PhysicalTherapy,
    };

    private static AuthorizedVisit Visit(string id, LocalDate date, string payer = "acme", Discipline discipline = Discipline.PhysicalTherapy) =>
        new(id, date, payer, discipline, [C97535]);

    private static AuthorizedVisit[] Visits(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Visit("v" + i.ToString("00"), new LocalDate(2026, 3, 2).PlusDays(i * 2)))];

    [Fact]
    public void Check_ThirteenthVisit_Tbr440_OthersCountDown()
    {
        var results = AuthorizationCheck.Check(Auth, Visits(13));
        Assert.Equal(13, results.Length);
        Assert.Equal(11, results[0].Remaining);
        Assert.Equal(DiagnosticIds.AuthorizationVisitsRemaining, results[0].Diagnostics.Single().Id);
        Assert.Equal(0, results[11].Remaining);
        Assert.True(results[11].IsAuthorized);
        Assert.False(results[12].WithinCount);
        var d = Assert.Single(results[12].Diagnostics);
        Assert.Equal((DiagnosticIds.AuthorizationVisitsExceeded, "13"), (d.Id, d.GetArgument("visit")));
    }

    [Fact]
    public void Check_VisitOutsideDates_Tbr441_DoesNotUseACount()
    {
        var visits = new[] { Visit("early", new LocalDate(2026, 3, 1)), Visit("in", new LocalDate(2026, 3, 3)), Visit("late", new LocalDate(2026, 3, 30)) };
        var results = AuthorizationCheck.Check(Auth, visits);
        Assert.Equal(DiagnosticIds.AuthorizationDateOutside, results[0].Diagnostics.Single().Id);
        Assert.False(results[0].WithinDates);
        Assert.Equal(1, results[1].VisitNumber);
        Assert.Equal(11, results[1].Remaining);
        Assert.Equal(11, results[2].Remaining);
        Assert.Equal(DiagnosticIds.AuthorizationDateOutside, results[2].Diagnostics.Single().Id);
    }

    [Fact]
    public void Check_OtherPayerOrDiscipline_NotCounted()
    {
        var results = AuthorizationCheck.Check(Auth,
            [Visit("ot", new LocalDate(2026, 3, 3), discipline: Discipline.OccupationalTherapy), Visit("other", new LocalDate(2026, 3, 4), payer: "zeta"), Visit("pt", new LocalDate(2026, 3, 5))]);
        Assert.Equal("pt", Assert.Single(results).Visit.Id);
    }

    [Fact]
    public void Check_CodeList_OnlyMatchingVisitsCount()
    {
        var auth = new Authorization("A2", 2, new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)) { Codes = [C97110] };
        var results = AuthorizationCheck.Check(auth, [Visit("a", new LocalDate(2026, 2, 1)), new AuthorizedVisit("b", new LocalDate(2026, 2, 2), null, null, [C97110, C97535])]);
        Assert.Equal("b", Assert.Single(results).Visit.Id);
    }

    [Fact]
    public void Authorization_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Authorization("x", 1, new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)));

    [Theory]
    [InlineData(10, DiagnosticIds.AuthorizationVisitsRemaining, "1")]
    [InlineData(11, DiagnosticIds.AuthorizationVisitsRemaining, "0")]
    [InlineData(12, DiagnosticIds.AuthorizationVisitsExceeded, null)]
    public void Check_EncounterWithVisitsUsed(int used, string id, string? remaining)
    {
        var encounter = Encounter(new LocalDate(2026, 3, 20), Therapist(C97535, 30)) with
        {
            PayerId = "commercial",
            Authorization = Auth,
            AuthorizationVisitsUsed = used,
        };
        var d = Single(ComplianceEngine.Check(encounter), id);
        Assert.Equal("authorization", d.Path);
        Assert.Equal(remaining, d.GetArgument("remaining"));
    }

    [Fact]
    public void Check_PayerRequiresAuthorization_NoneRecorded_Tbr443()
    {
        var options = ComplianceOptions.Default with
        {
            PayerProfiles = ComplianceOptions.Default.PayerProfiles.With([new PayerProfile("acme", "Acme") { RequiresAuthorization = true }]),
        };
        var encounter = Encounter(new LocalDate(2026, 3, 20), Therapist(C97535, 30)) with { PayerId = "acme" };
        Assert.Single(ComplianceEngine.Check(encounter, options).Diagnostics, d => d.Id == DiagnosticIds.AuthorizationMissing);
    }

    [Property(MaxTest = 200)]
    public Property Check_DoesNotDependOnVisitOrder() =>
        Prop.ForAll(Gen.Choose(0, 20).ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (count, seed) =>
        {
            var visits = Enumerable.Range(0, count).Select(i => Visit("v" + i, new LocalDate(2026, 2, 25).PlusDays((i * 7) % 40))).ToArray();
            var shuffled = (AuthorizedVisit[])visits.Clone();
            new Random(seed).Shuffle(shuffled);
            static string Render(IEnumerable<AuthorizationVisitResult> r) => string.Join("|", r.Select(x => $"{x.Visit.Id}:{x.VisitNumber}:{x.Remaining}:{x.IsAuthorized}"));
            var results = AuthorizationCheck.Check(Auth, visits);
            return Render(results) == Render(AuthorizationCheck.Check(Auth, shuffled))
                && results.Count(r => r.IsAuthorized) <= Auth.VisitCount;
        });
}
