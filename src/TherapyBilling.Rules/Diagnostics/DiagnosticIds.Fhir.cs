namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR070: a FHIR Encounter cannot be mapped (no id, or no readable <c>period.start</c>); the encounter is not checked.</summary>
    public const string FhirEncounterUnmappable = "TBR070";

    /// <summary>TBR071: a completed CPT Procedure's time cannot be mapped (no <c>performedPeriod</c> start and end, or <c>performedDateTime</c> without a valid minutes extension).</summary>
    public const string FhirProcedureTiming = "TBR071";

    /// <summary>TBR072: a completed Procedure of the encounter has no coding in the AMA CPT system; its minutes are not counted.</summary>
    public const string FhirProcedureNoCpt = "TBR072";

    /// <summary>TBR073: a FHIR coding meant as a CPT/HCPCS code or a modifier is not one.</summary>
    public const string FhirInvalidCoding = "TBR073";

    /// <summary>TBR074: a Procedure or Claim is left out because of its status (not completed, cancelled or entered in error).</summary>
    public const string FhirStatusExcluded = "TBR074";

    /// <summary>TBR075: a Claim item cannot be mapped to a billed line (no CPT/HCPCS code, no whole quantity, another date of service).</summary>
    public const string FhirClaimItemUnmappable = "TBR075";

    /// <summary>TBR076: a Procedure or Claim item is linked to no Encounter of the input; it is not checked.</summary>
    public const string FhirUnattached = "TBR076";

    /// <summary>TBR077: resources of one encounter disagree (discipline modifiers, payers); the value is left unset.</summary>
    public const string FhirConflict = "TBR077";

    /// <summary>TBR078: a resource cannot be read as FHIR R4 JSON.</summary>
    public const string FhirUnreadableResource = "TBR078";
}
