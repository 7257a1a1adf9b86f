using System.Text.Json;

namespace TherapyBilling.Rules;

public static partial class EncounterJson
{
    static partial void ReadDocumentation(JsonElement element, ref Encounter encounter, List<Diagnostic> diagnostics)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("documentation", out var documentation)
            && DocumentationJson.Read(documentation, diagnostics, encounter.DateOfService) is { } note)
        {
            encounter = encounter with { Documentation = note };
        }
    }
}
