using System.Text.Json;

namespace TherapyBilling.Rules;

public static partial class EncounterJson
{
    static partial void ReadPayer(JsonElement element, ref Encounter encounter, List<Diagnostic> diagnostics) =>
        encounter = PayerJson.ReadEncounter(element, encounter, diagnostics);

    static partial void ReadSegmentExtensions(JsonElement element, string path, ref TreatmentSegment segment, List<Diagnostic> diagnostics) =>
        segment = PayerJson.ReadSegment(element, path, segment, diagnostics);
}
