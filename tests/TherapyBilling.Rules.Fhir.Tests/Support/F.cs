using System.Reflection;
using Hl7.Fhir.Model;
using Period = Hl7.Fhir.Model.Period;

namespace TherapyBilling.Rules.Fhir.Tests.Support;

/// <summary>Builders of small FHIR resources for the mapping tests.</summary>
internal static class F
{
    public static string RepoDir { get; } = typeof(F).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoDir").Value!;

    public static Hl7.Fhir.Model.Encounter Encounter(string id = "e1", string? start = "2026-03-02T21:30:00-05:00") => new()
    {
        Id = id,
        Status = Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
        Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
        Period = start is null ? null : new Period { Start = start },
    };

    public static Procedure Procedure(string id, string code = "97535", string? start = "2026-03-02T21:30:00-05:00", string? end = "2026-03-02T21:53:00-05:00", string encounter = "Encounter/e1") => new()
    {
        Id = id,
        Status = EventStatus.Completed,
        Code = new CodeableConcept(FhirSystems.Cpt, code),
        Subject = new ResourceReference("Patient/p1"),
        Encounter = new ResourceReference(encounter),
        Performed = start is null && end is null ? null : new Period { Start = start, End = end },
    };

    public static Procedure Minutes(string id, int? minutes, string code = "97110", string performed = "2026-03-02") =>
        With(Procedure(id, code, null, null), p =>
        {
            p.Performed = new FhirDateTime(performed);
            if (minutes is int m)
            {
                p.Extension.Add(new Extension(FhirSystems.MinutesExtension, new Integer(m)));
            }
        });

    public static Claim Claim(string id, params Claim.ItemComponent[] items) => new()
    {
        Id = id,
        Status = FinancialResourceStatusCodes.Active,
        Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/claim-type", "professional"),
        Use = ClaimUseCode.Claim,
        Patient = new ResourceReference("Patient/p1"),
        Created = "2026-03-02",
        Provider = new ResourceReference("Organization/clinic"),
        Priority = new CodeableConcept("http://terminology.hl7.org/CodeSystem/processpriority", "normal"),
        Item = [.. items],
    };

    public static Claim.ItemComponent Item(string code, decimal? units, string encounter = "Encounter/e1", params string[] modifiers)
    {
        var item = new Claim.ItemComponent
        {
            Sequence = 1,
            ProductOrService = new CodeableConcept(FhirSystems.Cpt, code),
            Quantity = units is null ? null : new Quantity { Value = units },
            Serviced = new Date("2026-03-02"),
        };
        if (encounter.Length > 0)
        {
            item.Encounter.Add(new ResourceReference(encounter));
        }

        foreach (var modifier in modifiers)
        {
            item.Modifier.Add(new CodeableConcept("https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", modifier));
        }

        return item;
    }

    public static T With<T>(T value, Action<T> change)
    {
        change(value);
        return value;
    }

    public static FhirEncounterReadResult ReadOne(params Resource[] resources)
    {
        var result = FhirEncounterReader.Read(resources);
        return Assert.Single(result.Encounters);
    }

    public static string Paths(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Severity} {d.Path}"));
}
