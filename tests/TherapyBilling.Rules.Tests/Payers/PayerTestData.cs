namespace TherapyBilling.Rules.Tests.Payers;

internal static class PayerTestData
{
    public static TreatmentSegment Therapist(CptCode code, int minutes) => TreatmentSegment.FromMinutes(code, minutes);

    public static TreatmentSegment Assistant(CptCode code, int minutes) =>
        TreatmentSegment.FromMinutes(code, minutes) with { FurnishedBy = ProviderRole.Assistant };

    public static Encounter Encounter(LocalDate date, params TreatmentSegment[] segments) => new("E1", date, segments);

    public static BilledLine Line(CptCode code, int units, params string[] modifiers) =>
        new(code, units, modifiers.Select(Modifier.Parse));

    public static string Ids(EncounterReport report) => string.Join(",", report.Diagnostics.Select(d => d.Id));

    public static Diagnostic Single(EncounterReport report, string id) => Assert.Single(report.Diagnostics, d => d.Id == id);
}
