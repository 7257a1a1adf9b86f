namespace TherapyBilling.Rules.Tests.Payers;

internal static class PayerTestData
{
    public static readonly CptCode C97535 = CptCode.Parse("97535");
    public static readonly CptCode C97110 = CptCode.Parse("97110");
    public static readonly CptCode C97530 = CptCode.Parse("97530");
    public static readonly CptCode C97150 = CptCode.Parse("97150");
    public static readonly CptCode C97140 = CptCode.Parse("97140");
    public static readonly CptCode C92507 = CptCode.Parse("92507");

    public static TreatmentSegment Therapist(CptCode code, int minutes) => TreatmentSegment.FromMinutes(code, minutes);

    public static TreatmentSegment Assistant(CptCode code, int minutes) =>
        TreatmentSegment.FromMinutes(code, minutes) with { FurnishedBy = ProviderRole.Assistant };

    public static Encounter Encounter(LocalDate date, params TreatmentSegment[] segments) => new("E1", date, segments);

    public static BilledLine Line(CptCode code, int units, params string[] modifiers) =>
        new(code, units, modifiers.Select(Modifier.Parse));

    public static string Ids(EncounterReport report) => string.Join(",", report.Diagnostics.Select(d => d.Id));

    public static Diagnostic Single(EncounterReport report, string id) => Assert.Single(report.Diagnostics, d => d.Id == id);
}
