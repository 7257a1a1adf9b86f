namespace TherapyBilling.Rules.Tests.Payers;

/// <summary>The C# example of docs/payer-configuration.md, kept compiling and true.</summary>
public sealed class PayerConfigurationDocTests
{
    [Fact]
    public void DocExample_CompilesAndHolds()
    {
        // --- docs/payer-configuration.md example (start) ---
        // 1. Profiles: the shipped ones (medicare, commercial) plus your own, read from JSON.
        const string acmeJson = """
            { "version": "acme-2026.1", "profiles": [
              { "id": "acme", "name": "Acme Health", "method": "ama", "requireDisciplineModifier": true,
                "requiresAuthorization": true, "telehealth": { "placesOfService": ["02", "10"], "requiredModifiers": ["95"] } } ] }
            """;
        var options = ComplianceOptions.Default with
        {
            PayerProfiles = PayerProfileJson.Default.With(PayerProfileJson.Parse(acmeJson, "acme.json").Profiles),
        };

        // 2. An encounter: payer, who furnished which minutes, KX amounts, authorization.
        var c97535 = CptCode.Parse("97535");
        var encounter = new Encounter("visit-7", new LocalDate(2025, 6, 2),
        [
            TreatmentSegment.FromMinutes(c97535, 35),
            TreatmentSegment.FromMinutes(c97535, 10) with { FurnishedBy = ProviderRole.Assistant },
        ])
        {
            PayerId = "medicare",
            Discipline = Discipline.PhysicalTherapy,
            AllowedAmount = 120m,
            KxYearToDateAllowed = 2350m,
            BilledLines = [new BilledLine(c97535, 3, [Modifier.GP, Modifier.KX])],
        };

        var report = ComplianceEngine.Check(encounter, options);
        // TBR401 (info): CMS method from the payer profile; TBR410 (error): one unit needs CQ.
        var method = ComplianceEngine.ResolveMethodSource(encounter, options);   // Cms, MethodSource.PayerProfile

        // 3. The CQ split per code, and the appeal clock.
        var split = AssistantRules.Decide(encounter.Segments, report.Units, Discipline.PhysicalTherapy);  // 97535: 2 GP + 1 GP-CQ
        var lastDay = AppealDeadlines.LastDayToFile(new LocalDate(2022, 5, 15), AppealLevel.Redetermination).LastDay; // 2022-09-17
        // --- example (end) ---

        Assert.Equal((UnitMethod.Cms, MethodSource.PayerProfile), (method.Method, method.Source));
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.PayerMethodResolved);
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.AssistantModifierMissing);
        Assert.Equal((2, 1), (split[0].TherapistUnits, split[0].AssistantUnits));
        Assert.Equal(new LocalDate(2022, 9, 17), lastDay);
        Assert.True(options.PayerProfiles.TryGet("acme", out _));
    }
}
