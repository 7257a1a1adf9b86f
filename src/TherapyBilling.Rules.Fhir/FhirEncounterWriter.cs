using System.Globalization;
using Hl7.Fhir.Model;
using NodaTime;

namespace TherapyBilling.Rules.Fhir;

/// <summary>Writes a core <see cref="Rules.Encounter"/> as FHIR R4 resources (Encounter, Procedures, Claim), the inverse of <see cref="FhirEncounterReader"/>.</summary>
/// <remarks>
/// <para>For tests, samples and migrations from the JSON contract. Carries what the reader reads: date, segments
/// (times as <c>performedPeriod</c>, minutes as <c>performedDateTime</c> plus the minutes extension, modifiers,
/// who furnished them), billed lines as Claim items, payer as <c>Claim.insurer.identifier</c>, telehealth as
/// <c>Encounter.class</c> VR and the place of service. The documentation section, the KX amounts, the beneficiary
/// id, the authorization and the unit method are not written (they stay with the JSON contract).</para>
/// <para>Resource ids are derived from the encounter id (<c>{id}-p0</c>, <c>{id}-claim</c>); the patient is a
/// placeholder reference with no patient data. Thread-safe.</para>
/// </remarks>
public static class FhirEncounterWriter
{
    private const string PlaceOfServiceSystem = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    /// <summary>Writes one encounter as resources: the Encounter, one Procedure per segment, and a Claim when it has billed lines.</summary>
    /// <param name="encounter">The encounter.</param>
    /// <param name="offset">The UTC offset written with the local times (the reader ignores it and keeps the local clock values).</param>
    /// <returns>The resources.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encounter"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<Resource> ToResources(Encounter encounter, Offset offset)
    {
        ArgumentNullException.ThrowIfNull(encounter);
        string id = encounter.Id;
        string date = FhirClock.Format(encounter.DateOfService);
        var patient = new ResourceReference("Patient/" + id + "-patient");
        var resources = new List<Resource>
        {
            new Hl7.Fhir.Model.Encounter
            {
                Id = id,
                Status = Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
                Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", encounter.IsTelehealth ? "VR" : "AMB"),
                Subject = patient,
                Period = new Hl7.Fhir.Model.Period { Start = date },
            },
        };

        for (int i = 0; i < encounter.Segments.Length; i++)
        {
            resources.Add(Procedure(encounter, encounter.Segments[i], string.Create(CultureInfo.InvariantCulture, $"{id}-p{i}"), patient, offset));
        }

        if (!encounter.BilledLines.IsEmpty)
        {
            resources.Add(Claim(encounter, patient, date));
        }

        return resources;
    }

    /// <summary>Writes encounters as one Bundle of type <c>collection</c>.</summary>
    /// <param name="encounters">The encounters.</param>
    /// <param name="offset">The UTC offset written with the local times.</param>
    /// <returns>The Bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encounters"/> is <see langword="null"/>.</exception>
    public static Bundle ToBundle(IEnumerable<Encounter> encounters, Offset offset)
    {
        ArgumentNullException.ThrowIfNull(encounters);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var resource in encounters.SelectMany(e => ToResources(e, offset)))
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:therapybilling-rules:" + resource.TypeName + ":" + resource.Id, Resource = resource });
        }

        return bundle;
    }

    private static Procedure Procedure(Encounter encounter, TreatmentSegment segment, string id, ResourceReference patient, Offset offset)
    {
        var procedure = new Procedure
        {
            Id = id,
            Status = EventStatus.Completed,
            Code = new CodeableConcept(FhirSystems.Cpt, segment.Code.Value),
            Subject = patient,
            Encounter = new ResourceReference("Encounter/" + encounter.Id),
        };

        if (segment.Minutes is int minutes)
        {
            procedure.Performed = new FhirDateTime(FhirClock.Format(encounter.DateOfService));
            procedure.Extension.Add(new Extension(FhirSystems.MinutesExtension, new Integer(minutes)));
        }
        else
        {
            var (start, end) = (segment.Start!.Value.On(segment.StartDate ?? encounter.DateOfService), segment.End!.Value.On(segment.EndDate ?? segment.StartDate ?? encounter.DateOfService));
            procedure.Performed = new Hl7.Fhir.Model.Period { Start = FhirClock.Format(start, offset), End = FhirClock.Format(end, offset) };
        }

        foreach (var modifier in segment.Modifiers)
        {
            procedure.Extension.Add(new Extension(FhirSystems.ModifierExtension, new Coding(null, modifier.Value)));
        }

        if (segment.AssistantMinutes is int assistant)
        {
            procedure.Extension.Add(new Extension(FhirSystems.AssistantMinutesExtension, new Integer(assistant)));
        }

        if (segment.FurnishedBy is { } role)
        {
            procedure.Performer.Add(new Procedure.PerformerComponent
            {
                Function = new CodeableConcept { Coding = [FhirRoles.Coding(role, encounter.Discipline)] },
                Actor = new ResourceReference { Display = role == ProviderRole.Assistant ? "assistant" : "therapist" },
            });
        }

        return procedure;
    }

    private static Claim Claim(Encounter encounter, ResourceReference patient, string date)
    {
        var claim = new Claim
        {
            Id = encounter.Id + "-claim",
            Status = FinancialResourceStatusCodes.Active,
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/claim-type", "professional"),
            Use = ClaimUseCode.Claim,
            Patient = patient,
            Created = date,
            Provider = new ResourceReference { Display = "provider" },
            Priority = new CodeableConcept("http://terminology.hl7.org/CodeSystem/processpriority", "normal"),
            Insurance = [new Claim.InsuranceComponent { Sequence = 1, Focal = true, Coverage = new ResourceReference { Display = "coverage" } }],
        };

        if (encounter.PayerId is { } payer)
        {
            claim.Insurer = new ResourceReference { Identifier = new Identifier(null, payer) };
        }

        for (int i = 0; i < encounter.BilledLines.Length; i++)
        {
            var line = encounter.BilledLines[i];
            var item = new Claim.ItemComponent
            {
                Sequence = i + 1,
                ProductOrService = new CodeableConcept(FhirSystems.Cpt, line.Code.Value),
                Quantity = new Quantity { Value = line.Units },
                Serviced = new Date(date),
                Encounter = [new ResourceReference("Encounter/" + encounter.Id)],
            };
            foreach (var modifier in line.Modifiers)
            {
                item.Modifier.Add(new CodeableConcept(FhirSystems.Cpt, modifier.Value));
            }

            if (encounter.PlaceOfService is { } pos)
            {
                item.Location = new CodeableConcept(PlaceOfServiceSystem, pos);
            }

            claim.Item.Add(item);
        }

        return claim;
    }
}
