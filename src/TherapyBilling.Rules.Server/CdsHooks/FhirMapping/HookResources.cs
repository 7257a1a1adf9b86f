using System.Collections.Immutable;
using System.Text.Json;
using Hl7.Fhir.Model;
using TherapyBilling.Rules.Fhir;

namespace TherapyBilling.Rules.Server.CdsHooks.FhirMapping;

/// <summary>The hook's FHIR resources as the FHIR adapter read them, and the Claims as the EHR sent them (for update suggestions).</summary>
/// <param name="Encounter">The encounter of the hook's context, or <see langword="null"/> when no Encounter could be read.</param>
/// <param name="Unattached">Findings about resources the adapter could not attach to the encounter (TBR076, TBR078), with FHIRPaths.</param>
/// <param name="Claims">The Claims as sent, by their FHIRPath (<c>Claim/abc</c>, or <c>Claim</c> for one without id).</param>
internal sealed record HookEncounter(FhirEncounterReadResult? Encounter, ImmutableArray<Diagnostic> Unattached, IReadOnlyDictionary<string, JsonElement> Claims);

/// <summary>
/// Reads the prefetched (or fetched) Encounter, Procedures and Claim of a hook call with the FHIR adapter
/// (TherapyBilling.Rules.Fhir): the product's one mapping of FHIR to encounters. The prefetch queries
/// (<c>Procedure?encounter=</c>, <c>Claim?encounter=</c>) already say which encounter the resources belong to, so a
/// Procedure or Claim item that names no encounter is taken as the context encounter's; one that names another
/// encounter is left to the adapter, which reports it (TBR076).
/// </summary>
internal static class HookResources
{
    /// <summary>What a resource that cannot be read is said to have: the SDK's own text can quote the input.</summary>
    private const string Unreadable = "the FHIR SDK could not read it";

    public static HookEncounter Read(string encounterId, JsonElement encounter, JsonElement? procedures, JsonElement? claim)
    {
        var set = new FhirResourceSet();
        var resources = new List<(Resource Resource, string? FullUrl)>();
        Parse(set, "prefetch.encounter", encounter, resources);
        string? prefetchedId = resources.Select(static r => r.Resource).OfType<Hl7.Fhir.Model.Encounter>().FirstOrDefault()?.Id;
        string contextEncounter = "Encounter/" + (prefetchedId is { Length: > 0 } ? prefetchedId : encounterId);
        if (procedures is { } p)
        {
            Parse(set, "prefetch.procedures", p, resources);
        }

        if (claim is { } c)
        {
            Parse(set, "prefetch.claim", c, resources);
        }

        foreach (var (resource, fullUrl) in resources)
        {
            Attach(resource, contextEncounter);
            set.Add(resource, fullUrl);
        }

        var result = set.Read();
        var mine = result.Encounters.FirstOrDefault(e => e.Id == encounterId) ?? result.Encounters.FirstOrDefault();
        var claims = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var sent in Resources(claim, "Claim"))
        {
            string path = Str(sent, "id") is { Length: > 0 } claimId ? "Claim/" + claimId : "Claim";
            claims.TryAdd(path, sent);
        }

        return new HookEncounter(mine, result.Unattached, claims);
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

    /// <summary>Parses one prefetch value (a resource or a Bundle of them); what cannot be read becomes a TBR078 finding.</summary>
    private static void Parse(FhirResourceSet set, string where, JsonElement value, List<(Resource Resource, string? FullUrl)> resources)
    {
        Resource? resource;
        bool ok;
        try
        {
            ok = FhirJson.TryParseResource(value.GetRawText(), out resource, out _);
        }
        catch (InvalidOperationException)
        {
            (ok, resource) = (false, null); // the SDK's reader throws this for JSON it cannot walk (an element given twice)
        }

        if (!ok)
        {
            set.AddUnreadable(where, resource, Unreadable);
        }
        else if (resource is Bundle bundle)
        {
            resources.AddRange(bundle.Entry.Where(static e => e.Resource is not null).Select(static e => (e.Resource!, (string?)e.FullUrl)));
        }
        else
        {
            resources.Add((resource!, null));
        }
    }

    private static void Attach(Resource resource, string encounter)
    {
        switch (resource)
        {
            case Procedure procedure when procedure.Encounter is null:
                procedure.Encounter = new ResourceReference(encounter);
                break;
            case Claim claim:
                foreach (var item in claim.Item.Where(static i => i.Encounter.Count == 0))
                {
                    item.Encounter.Add(new ResourceReference(encounter));
                }

                break;
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
