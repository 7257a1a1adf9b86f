using System.Collections.Immutable;
using Hl7.Fhir.Model;

namespace TherapyBilling.Rules.Fhir;

/// <summary>
/// Collects FHIR resources (in any order, from any number of Bundles or NDJSON lines) and maps them to encounters
/// when <see cref="Read"/> is called.
/// </summary>
/// <remarks>
/// <para>Only the resources the mapping needs are kept (Encounter, Procedure, Claim, Coverage, Organization); every
/// other resource is counted in <see cref="FhirReadResult.IgnoredResources"/> and dropped at once. Memory therefore
/// grows with the relevant resources of the input, not with its size (see docs/fhir.md for measured figures).</para>
/// <para>Not thread-safe: add from one thread.</para>
/// </remarks>
public sealed class FhirResourceSet
{
    private readonly List<(Hl7.Fhir.Model.Encounter Resource, string Key)> _encounters = [];
    private readonly List<Procedure> _procedures = [];
    private readonly List<Claim> _claims = [];
    private readonly Dictionary<string, Resource> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fullUrls = new(StringComparer.Ordinal);
    private readonly List<(string? EncounterReference, Diagnostic Diagnostic)> _unreadable = [];
    private int _resources;
    private int _ignored;

    /// <summary>Gets how many resources were added (Bundle entries count one by one; the Bundle itself does not).</summary>
    public int Count => _resources;

    /// <summary>Adds a resource; a Bundle adds its entries (of any Bundle type), nested Bundles included.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="fullUrl">The Bundle entry's fullUrl, when references may use it (<c>urn:uuid:…</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    public void Add(Resource resource, string? fullUrl = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource is Bundle bundle)
        {
            foreach (var entry in bundle.Entry)
            {
                if (entry.Resource is { } inner)
                {
                    Add(inner, entry.FullUrl);
                }
            }

            return;
        }

        _resources++;
        string key = FhirReferences.Key(resource, _resources);
        if (fullUrl is { Length: > 0 })
        {
            _fullUrls[fullUrl] = key;
        }

        switch (resource)
        {
            case Hl7.Fhir.Model.Encounter encounter:
                _encounters.Add((encounter, key));
                _byKey[key] = encounter;
                break;
            case Procedure procedure:
                _procedures.Add(procedure);
                break;
            case Claim claim:
                _claims.Add(claim);
                break;
            case Coverage or Organization:
                _byKey[key] = resource;
                _ignored++; // read only to name a payer
                break;
            default:
                _ignored++;
                break;
        }
    }

    /// <summary>Records a resource that could not be read as FHIR R4 (TBR078).</summary>
    /// <param name="where">Where it is, for people: <c>line 12</c> or <c>Bundle.entry[3]</c>.</param>
    /// <param name="partial">What the SDK recovered of it, if anything: its encounter reference attaches the finding to that encounter.</param>
    /// <param name="problem">What is wrong, without input values.</param>
    public void AddUnreadable(string where, Resource? partial, string problem)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(problem);
        _resources++;
        string type = partial?.TypeName ?? "resource";
        string path = partial?.Id is { Length: > 0 } id ? type + "/" + id : type;
        string? encounter = partial switch
        {
            Procedure p => p.Encounter?.Reference,
            Claim c => c.Item.SelectMany(static i => i.Encounter).Select(static r => r.Reference).FirstOrDefault(static r => r is not null),
            Hl7.Fhir.Model.Encounter e when e.Id is { Length: > 0 } => "Encounter/" + e.Id,
            _ => null,
        };
        _unreadable.Add((encounter, DiagnosticDescriptors.FhirUnreadableResource.Create(
            path, new DiagnosticArgument("resource", type), new DiagnosticArgument("where", where), new DiagnosticArgument("problem", problem))));
    }

    /// <summary>Maps the resources added so far: one result per Encounter.</summary>
    /// <returns>The result.</returns>
    public FhirReadResult Read()
    {
        var procedures = new Dictionary<string, List<Procedure>>(StringComparer.Ordinal);
        var items = new Dictionary<string, List<(Claim Claim, int Index)>>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var unattached = new List<Diagnostic>();
        int ignored = _ignored;

        foreach (var procedure in _procedures)
        {
            string? encounter = ResolveEncounter(procedure.Encounter?.Reference);
            if (encounter is not null)
            {
                Bucket(procedures, encounter).Add(procedure);
            }
            else if (FhirEncounterMapper.HasCpt(procedure.Code))
            {
                unattached.Add(Unattached(FhirReferences.Path(procedure) + ".encounter", procedure.Encounter?.Reference is null, "procedure"));
            }
            else
            {
                ignored++;
            }
        }

        foreach (var claim in _claims)
        {
            for (int i = 0; i < claim.Item.Count; i++)
            {
                var links = claim.Item[i].Encounter;
                string? encounter = links.Select(r => ResolveEncounter(r.Reference)).FirstOrDefault(static k => k is not null);
                if (encounter is not null)
                {
                    Bucket(items, encounter).Add((claim, i));
                }
                else
                {
                    unattached.Add(Unattached(FhirReferences.ItemPath(claim, i) + ".encounter", links.Count == 0, "claim item"));
                }
            }
        }

        foreach (var (reference, diagnostic) in _unreadable)
        {
            if (ResolveEncounter(reference) is { } encounter)
            {
                Bucket(unreadable, encounter).Add(diagnostic);
            }
            else
            {
                unattached.Add(diagnostic);
            }
        }

        var results = ImmutableArray.CreateBuilder<FhirEncounterReadResult>(_encounters.Count);
        foreach (var (encounter, key) in _encounters)
        {
            results.Add(new FhirEncounterMapper(encounter, key, Lookup).Map(
                procedures.GetValueOrDefault(key) ?? [],
                items.GetValueOrDefault(key) ?? [],
                unreadable.GetValueOrDefault(key) ?? []));
        }

        return new FhirReadResult(results.MoveToImmutable(), DiagnosticOrder.Sort(unattached), _resources, ignored);
    }

    private static List<T> Bucket<T>(Dictionary<string, List<T>> buckets, string key)
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            list = [];
            buckets[key] = list;
        }

        return list;
    }

    private static Diagnostic Unattached(string path, bool missing, string resource) =>
        DiagnosticDescriptors.FhirUnattached.Create(
            path,
            new DiagnosticArgument("field", path),
            new DiagnosticArgument("problem", missing ? "is missing" : "names no Encounter of the input"),
            new DiagnosticArgument("resource", resource));

    private string? ResolveEncounter(string? reference)
    {
        string? key = Resolve(reference);
        return key is not null && _byKey.TryGetValue(key, out var r) && r is Hl7.Fhir.Model.Encounter ? key : null;
    }

    private string? Resolve(string? reference) =>
        reference is null ? null
        : _fullUrls.TryGetValue(reference, out string? key) ? key
        : FhirReferences.KeyOf(reference);

    private Resource? Lookup(string? reference) =>
        Resolve(reference) is { } key && _byKey.TryGetValue(key, out var resource) ? resource : null;
}
