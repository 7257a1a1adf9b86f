namespace TherapyBilling.Rules.Fhir;

/// <summary>The code systems and extension URLs the FHIR adapter reads and writes.</summary>
/// <remarks>
/// The <c>urn:therapybilling-rules:</c> names are defined by this package and are stable: they are never renamed or
/// reused. They are URNs, not web addresses, so nothing needs to be hosted for them.
/// </remarks>
public static class FhirSystems
{
    /// <summary>The AMA CPT code system: procedure codes of <c>Procedure.code</c> and <c>Claim.item.productOrService</c>.</summary>
    public const string Cpt = "http://www.ama-assn.org/go/cpt";

    /// <summary>The CMS HCPCS Level II code system, also accepted for <c>Claim.item.productOrService</c> (G codes).</summary>
    public const string Hcpcs = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

    /// <summary>The code system of the diagnostic ids (<c>TBR001</c> …) in <c>OperationOutcome.issue.details.coding</c>.</summary>
    public const string DiagnosticId = "urn:therapybilling-rules:diagnostic-id";

    /// <summary>
    /// The Procedure extension (<c>valueInteger</c>) that gives the whole minutes of direct one-on-one time when the
    /// Procedure has a <c>performedDateTime</c> and no <c>performedPeriod</c>.
    /// </summary>
    public const string MinutesExtension = "urn:therapybilling-rules:extension:minutes";

    /// <summary>The Procedure extension (<c>valueInteger</c>) that gives the minutes a PTA/OTA furnished without the therapist.</summary>
    public const string AssistantMinutesExtension = "urn:therapybilling-rules:extension:assistant-minutes";

    /// <summary>The Procedure extension (<c>valueCoding</c>, repeatable) that carries a modifier recorded on the treatment segment (GP, 59, …).</summary>
    public const string ModifierExtension = "urn:therapybilling-rules:extension:modifier";

    /// <summary>The OperationOutcome extension (<c>valueReference</c>) that names the Encounter the findings are about.</summary>
    public const string EncounterExtension = "urn:therapybilling-rules:extension:encounter";

    /// <summary>The issue extension (<c>valueString</c>) that carries the help page of the diagnostic id.</summary>
    public const string HelpLinkExtension = "urn:therapybilling-rules:extension:help-link";
}
