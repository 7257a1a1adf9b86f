using Hl7.Fhir.Model;

namespace TherapyBilling.Rules.Fhir;

/// <summary>Reads FHIR R4 resources into encounters for the rules: one core <see cref="Rules.Encounter"/> per FHIR Encounter.</summary>
/// <remarks>
/// <para>Mapping (docs/fhir.md has the full table): date of service from <c>Encounter.period.start</c> (the local
/// date as written); segments from the encounter's completed Procedures with a CPT code (<c>performedPeriod</c>, or
/// <c>performedDateTime</c> plus the <see cref="FhirSystems.MinutesExtension"/>); billed lines from the Claim items
/// linked to the encounter; payer from <c>Claim.insurer</c> or <c>Coverage.payor</c>; discipline from GP/GO/GN or the
/// performers' roles. Times are the local clock values as written, never converted to UTC.</para>
/// <para>What cannot be mapped is a finding (TBR070–TBR078) with a FHIRPath, never a silent drop. Resources that are
/// not relevant are counted and ignored. Thread-safe (each call works on its own state).</para>
/// </remarks>
/// <example><code>
/// var bundle = (Bundle)FhirJson.ParseResource(File.ReadAllText("bundle.json"));
/// foreach (var read in FhirEncounterReader.Read(bundle).Encounters)
/// {
///     if (read.Encounter is { } encounter) { var report = ComplianceEngine.Check(encounter, options); }
/// }
/// </code></example>
public static class FhirEncounterReader
{
    /// <summary>Reads the entries of a Bundle of any type (batch, transaction, collection, searchset, …).</summary>
    /// <param name="bundle">The Bundle.</param>
    /// <returns>One result per Encounter, plus the unattached findings and the ignored count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bundle"/> is <see langword="null"/>.</exception>
    public static FhirReadResult Read(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var set = new FhirResourceSet();
        set.Add(bundle);
        return set.Read();
    }

    /// <summary>Reads a set of resources in any order (Bundles among them add their entries).</summary>
    /// <param name="resources">The resources.</param>
    /// <returns>One result per Encounter, plus the unattached findings and the ignored count.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resources"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A resource is <see langword="null"/>.</exception>
    public static FhirReadResult Read(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var set = new FhirResourceSet();
        foreach (var resource in resources)
        {
            set.Add(resource ?? throw new ArgumentException("Resources must not contain null.", nameof(resources)));
        }

        return set.Read();
    }
}
