using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TherapyBilling.Rules.Server.CdsHooks.FhirMapping;

/// <summary>The contract JSON built from FHIR, with what could not be mapped and which Claim item each billed line came from.</summary>
/// <param name="Contract">An encounter in input contract v1 (read by <see cref="EncounterJson"/> like any other input).</param>
/// <param name="ClaimItemOfLine">For billed line i, the index of its Claim item.</param>
/// <param name="UnmappedProcedures">Procedures skipped: no CPT/HCPCS coding or no performed start and end.</param>
/// <param name="UnmappedClaimItems">Claim items skipped: no CPT/HCPCS coding or no whole quantity.</param>
internal sealed record MappedEncounter(JsonObject Contract, IReadOnlyList<int> ClaimItemOfLine, int UnmappedProcedures, int UnmappedClaimItems);

/// <summary>
/// The minimal FHIR R4 → encounter mapping the <c>encounter-discharge</c> hook needs, on System.Text.Json only (no
/// FHIR SDK): Encounter.id and period.start (date of service); each Procedure's CPT/HCPCS code and performedPeriod
/// (a segment with start and end); each Claim item's code, quantity and modifiers (a billed line). It produces the
/// core library's JSON contract, so every check and input diagnostic is the library's own. Isolated in this folder
/// so that the FHIR adapter package (TherapyBilling.Rules.Fhir) can replace it.
/// </summary>
internal static class FhirEncounterMapper
{
    private static readonly string[] s_codeSystems =
    [
        "http://www.ama-assn.org/go/cpt",
        "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
        "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
    ];

    public static MappedEncounter Map(JsonElement encounter, JsonElement? procedures, JsonElement? claim)
    {
        var contract = new JsonObject();
        if (Str(encounter, "id") is { } id)
        {
            contract["id"] = id;
        }

        if (encounter.TryGetProperty("period", out var period) && Str(period, "start") is { Length: >= 10 } start)
        {
            contract["dateOfService"] = start[..10];
        }

        var segments = new JsonArray();
        int unmappedProcedures = 0;
        foreach (var procedure in Resources(procedures, "Procedure"))
        {
            if (Str(procedure, "status") is "entered-in-error" or "not-done")
            {
                continue;
            }

            string? code = procedure.TryGetProperty("code", out var concept) ? Code(concept) : null;
            string? from = procedure.TryGetProperty("performedPeriod", out var performed) ? Time(Str(performed, "start")) : null;
            string? to = performed.ValueKind == JsonValueKind.Object ? Time(Str(performed, "end")) : null;
            if (code is null || from is null || to is null)
            {
                unmappedProcedures++;
                continue;
            }

            segments.Add(new JsonObject { ["code"] = code, ["start"] = from, ["end"] = to });
        }

        contract["segments"] = segments;

        var lines = new JsonArray();
        var itemOfLine = new List<int>();
        int unmappedItems = 0;
        if (Resources(claim, "Claim").FirstOrDefault() is { ValueKind: JsonValueKind.Object } claimResource
            && claimResource.TryGetProperty("item", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var item in items.EnumerateArray())
            {
                string? code = item.TryGetProperty("productOrService", out var product) ? Code(product) : null;
                int? units = item.TryGetProperty("quantity", out var quantity) && quantity.TryGetProperty("value", out var value)
                    && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal number) && number == decimal.Truncate(number) && number is >= 0 and <= EncounterJson.MaxBilledUnits
                    ? (int)number : null;
                if (code is null || units is null)
                {
                    unmappedItems++;
                }
                else
                {
                    lines.Add(new JsonObject { ["code"] = code, ["units"] = units, ["modifiers"] = Modifiers(item) });
                    itemOfLine.Add(index);
                }

                index++;
            }
        }

        contract["lines"] = lines;
        return new MappedEncounter(contract, itemOfLine, unmappedProcedures, unmappedItems);
    }

    /// <summary>The resources of a kind in a prefetch value: the resource itself, or the entries of a Bundle.</summary>
    public static IEnumerable<JsonElement> Resources(JsonElement? value, string resourceType)
    {
        if (value is not { ValueKind: JsonValueKind.Object } resource)
        {
            yield break;
        }

        if (Str(resource, "resourceType") == resourceType)
        {
            yield return resource;
        }
        else if (Str(resource, "resourceType") == "Bundle" && resource.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var inner) && Str(inner, "resourceType") == resourceType)
                {
                    yield return inner;
                }
            }
        }
    }

    private static JsonArray Modifiers(JsonElement item)
    {
        var modifiers = new JsonArray();
        if (item.TryGetProperty("modifier", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var concept in list.EnumerateArray())
            {
                if (concept.ValueKind == JsonValueKind.Object && concept.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array)
                {
                    foreach (var coding in codings.EnumerateArray())
                    {
                        if (Str(coding, "code") is { } code)
                        {
                            modifiers.Add(code);
                            break;
                        }
                    }
                }
            }
        }

        return modifiers;
    }

    /// <summary>The first CPT/HCPCS code of a CodeableConcept.</summary>
    private static string? Code(JsonElement concept)
    {
        if (concept.ValueKind != JsonValueKind.Object || !concept.TryGetProperty("coding", out var codings) || codings.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var coding in codings.EnumerateArray())
        {
            if (Str(coding, "system") is { } system && s_codeSystems.Contains(system, StringComparer.Ordinal) && Str(coding, "code") is { } code)
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>The local time of a FHIR dateTime (<c>2026-03-10T09:00:00-05:00</c> → <c>09:00:00</c>), as recorded.</summary>
    private static string? Time(string? dateTime) =>
        dateTime is { Length: >= 19 } && dateTime[10] == 'T' && TimeOnly.TryParseExact(dateTime.AsSpan(11, 8), "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? dateTime.Substring(11, 8)
            : null;

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
