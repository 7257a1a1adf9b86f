using System.Collections.Immutable;

namespace TherapyBilling.Rules.Tests.Compliance;

/// <summary>
/// Issue 12: the public models refuse what they cannot hold where it enters (an ArgumentException, as documented),
/// and normalise <see langword="default"/> arrays to empty, so nothing throws from deep inside the engine.
/// </summary>
public sealed class ModelBoundaryTests
{
    private static Encounter Simple() => new("e", new LocalDate(2026, 1, 5), [TreatmentSegment.FromMinutes(CptCode.Parse("97110"), 30)]);

    [Fact]
    public void DefaultArrays_AreStoredAsEmpty_AndTheEngineChecksThem()
    {
        var note = new TreatmentNote
        {
            DateOfService = new LocalDate(2026, 1, 5),
            Interventions = default,
            Goals = default,
            Contributors = default,
            Episode = new EpisodeContext { TreatmentDays = default, ProgressReports = default, PlanOfCare = new PlanOfCare { Recertifications = default } },
        };
        var encounter = Simple() with { Segments = default, BilledLines = default, Documentation = note };
        var options = ComplianceOptions.Default with { PreferredOrder = default };

        Assert.Empty(encounter.Segments);
        Assert.Empty(encounter.BilledLines);
        Assert.Empty(note.Interventions);
        Assert.Empty(note.Goals);
        Assert.Empty(note.Contributors);
        Assert.Empty(note.Episode!.PlanOfCare!.Recertifications);
        Assert.Empty(new NoteIntervention { GoalIds = default }.GoalIds);
        Assert.Empty(new UnitCalculationOptions { PreferredOrder = default }.PreferredOrder);
        Assert.Empty(new Authorization("a", 1, new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1)) { Codes = default }.Codes);

        var report = ComplianceEngine.Check(encounter, options);
        Assert.NotNull(report);
        Assert.NotNull(UnitCalculator.Calculate(encounter.Segments, UnitMethod.Cms, new UnitCalculationOptions { PreferredOrder = default }));
    }

    [Fact]
    public void NullElements_AreRefusedAtTheBoundary()
    {
        Assert.Throws<ArgumentException>(() => Simple() with { Segments = ImmutableArray.Create(new TreatmentSegment[] { null! }) });
        Assert.Throws<ArgumentException>(() => Simple() with { BilledLines = ImmutableArray.Create(new BilledLine[] { null! }) });
    }

    [Fact]
    public void UndefinedDiscipline_IsRefusedWhereItEnters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Simple() with { Discipline = (Discipline)99 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Authorization("a", 1, new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 1)) { Discipline = (Discipline)0 });
    }

    [Fact]
    public void NegativePeriodTotals_AreRefusedWhereTheyEnter()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EpisodeContext { PeriodTimedMinutes = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new EpisodeContext { PeriodTimedUnits = -1 });
    }

    [Fact]
    public void Amounts_AreBoundedAndNegativeZeroIsZero()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Simple() with { AllowedAmount = decimal.MaxValue });
        Assert.Throws<ArgumentOutOfRangeException>(() => Simple() with { KxYearToDateAllowed = Encounter.MaxDollarAmount + 0.01m });
        Assert.Equal("0", (Simple() with { AllowedAmount = -0.000m }).AllowedAmount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VisitCounts_AreBounded()
    {
        var from = new LocalDate(2026, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Authorization("a", int.MaxValue, from, from));
        Assert.Throws<ArgumentOutOfRangeException>(() => Simple() with { AuthorizationVisitsUsed = int.MaxValue });
        var authorization = new Authorization("a", Authorization.MaxVisitCount, from, from);
        var visit = new AuthorizedVisit("e", from, null, null, []);
        Assert.Throws<ArgumentOutOfRangeException>(() => AuthorizationCheck.CheckOne(authorization, visit, int.MaxValue));
        Assert.Equal(Authorization.MaxVisitCount + 1, AuthorizationCheck.CheckOne(authorization, visit, Authorization.MaxVisitCount).VisitNumber);
    }
}
