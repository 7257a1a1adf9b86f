using System.Collections.Immutable;

namespace TherapyBilling.Rules.Fhir;

/// <summary>One FHIR Encounter read for the rules: the core <see cref="Rules.Encounter"/> when it could be mapped, and the mapping findings.</summary>
/// <remarks>
/// <para>Like the JSON contract, an encounter with a mapping error is not checked (<see cref="Encounter"/> is
/// <see langword="null"/>): checking what is left would report units for a day that is not the one recorded.</para>
/// <para>Paths of <see cref="Diagnostics"/> are FHIRPaths into the resources (<c>Procedure/abc.performedPeriod.end</c>).
/// Paths of the core report (<c>segments[0].end</c>) are turned into FHIRPaths by <see cref="ToFhirPath"/>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class FhirEncounterReadResult
{
    private readonly FhirPathMap _paths;

    internal FhirEncounterReadResult(string? id, string resourcePath, Encounter? encounter, ImmutableArray<Diagnostic> diagnostics, FhirPathMap paths)
    {
        Id = id;
        ResourcePath = resourcePath;
        Encounter = encounter;
        Diagnostics = diagnostics;
        _paths = paths;
    }

    /// <summary>Gets the FHIR Encounter's id, or <see langword="null"/> when it has none.</summary>
    public string? Id { get; }

    /// <summary>Gets the FHIRPath of the Encounter resource (<c>Encounter/abc</c>).</summary>
    public string ResourcePath { get; }

    /// <summary>Gets the encounter for the rules, or <see langword="null"/> when a mapping error stops it from being checked.</summary>
    public Encounter? Encounter { get; }

    /// <summary>Gets the mapping findings (TBR070–TBR078), with FHIRPaths, in the canonical order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Turns a path of the core report (<c>segments[1].end</c>, <c>lines[0].modifiers[1]</c>) into the FHIRPath of the element it came from.</summary>
    /// <param name="path">The path; a path that already is a FHIRPath is returned unchanged.</param>
    /// <returns>The FHIRPath (the Encounter itself when no closer element is known).</returns>
    public string ToFhirPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _paths.Translate(path);
    }

    /// <summary>Returns the diagnostics with their paths turned into FHIRPaths (see <see cref="ToFhirPath"/>).</summary>
    /// <param name="diagnostics">Diagnostics of the core report of this encounter.</param>
    /// <returns>The diagnostics with FHIRPaths, in the given order.</returns>
    public ImmutableArray<Diagnostic> ToFhirPaths(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return [.. diagnostics.Select(d => FhirPathMap.WithPath(d, _paths.Translate(d.Path)))];
    }
}

/// <summary>What was read from a set of FHIR resources: one result per Encounter, the findings no encounter owns, and how many resources were ignored.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FhirReadResult
{
    internal FhirReadResult(ImmutableArray<FhirEncounterReadResult> encounters, ImmutableArray<Diagnostic> unattached, int resources, int ignoredResources)
    {
        Encounters = encounters;
        Unattached = unattached;
        Resources = resources;
        IgnoredResources = ignoredResources;
    }

    /// <summary>Gets one result per FHIR Encounter, in input order.</summary>
    public ImmutableArray<FhirEncounterReadResult> Encounters { get; }

    /// <summary>Gets the findings about resources that belong to no Encounter of the input (TBR076, TBR078), with FHIRPaths.</summary>
    public ImmutableArray<Diagnostic> Unattached { get; }

    /// <summary>Gets how many resources were read (the entries of a Bundle, not the Bundle itself).</summary>
    public int Resources { get; }

    /// <summary>Gets how many resources were not relevant to the rules (Patient, Observation, a Procedure with no CPT code and no encounter, …): counted and ignored.</summary>
    public int IgnoredResources { get; }
}
