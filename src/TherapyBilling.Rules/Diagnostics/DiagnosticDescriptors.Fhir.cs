namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    private const string FhirCategory = "Input";
    private const string FhirSince = "0.1.0";

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirEncounterUnmappable"/>.</summary>
    public static DiagnosticDescriptor FhirEncounterUnmappable { get; } = new(
        DiagnosticIds.FhirEncounterUnmappable,
        "FHIR Encounter cannot be mapped",
        "FHIR element '{field}' {problem}; give the Encounter an id and a period.start with a date. The encounter was not checked.",
        FhirCategory,
        Severity.Error,
        FhirSince);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirProcedureTiming"/>.</summary>
    public static DiagnosticDescriptor FhirProcedureTiming { get; } = new(
        DiagnosticIds.FhirProcedureTiming,
        "Procedure time cannot be mapped",
        "FHIR element '{field}' {problem}; give performedPeriod with start and end (date and time), or performedDateTime with the minutes extension. The encounter was not checked.",
        FhirCategory,
        Severity.Error,
        FhirSince);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirProcedureNoCpt"/>.</summary>
    public static DiagnosticDescriptor FhirProcedureNoCpt { get; } = new(
        DiagnosticIds.FhirProcedureNoCpt,
        "Procedure has no CPT code",
        "FHIR element '{field}' has no coding in the AMA CPT system (http://www.ama-assn.org/go/cpt); its minutes are not counted. Verify: add the CPT coding if the procedure is billable therapy time.",
        FhirCategory,
        Severity.Warning,
        FhirSince);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirInvalidCoding"/>.</summary>
    public static DiagnosticDescriptor FhirInvalidCoding { get; } = new(
        DiagnosticIds.FhirInvalidCoding,
        "Coding is not a CPT/HCPCS code or modifier",
        "FHIR element '{field}' is not {expected}; correct the coding. The encounter was not checked.",
        FhirCategory,
        Severity.Error,
        FhirSince);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirStatusExcluded"/>.</summary>
    public static DiagnosticDescriptor FhirStatusExcluded { get; } = new(
        DiagnosticIds.FhirStatusExcluded,
        "Resource left out by its status",
        "FHIR element '{field}' is '{status}'; the {resource} is not counted (only {counted} ones are).",
        FhirCategory,
        Severity.Info,
        FhirSince);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirClaimItemUnmappable"/>.</summary>
    public static DiagnosticDescriptor FhirClaimItemUnmappable { get; } = new(
        DiagnosticIds.FhirClaimItemUnmappable,
        "Claim item cannot be mapped",
        "FHIR element '{field}' {problem}; correct the Claim item. The encounter was not checked.",
        FhirCategory,
        Severity.Error,
        FhirSince);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirUnattached"/>.</summary>
    public static DiagnosticDescriptor FhirUnattached { get; } = new(
        DiagnosticIds.FhirUnattached,
        "Resource linked to no encounter of the input",
        "FHIR element '{field}' {problem}; the {resource} was not checked. Link it to an Encounter that is in the same input.",
        FhirCategory,
        Severity.Error,
        FhirSince);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirConflict"/>.</summary>
    public static DiagnosticDescriptor FhirConflict { get; } = new(
        DiagnosticIds.FhirConflict,
        "Resources of one encounter disagree",
        "The resources of the encounter give more than one {what} ({values}); it is left unset. Verify which one applies.",
        FhirCategory,
        Severity.Warning,
        FhirSince);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.FhirUnreadableResource"/>.</summary>
    public static DiagnosticDescriptor FhirUnreadableResource { get; } = new(
        DiagnosticIds.FhirUnreadableResource,
        "Resource is not valid FHIR R4 JSON",
        "The {resource} at {where} cannot be read as FHIR R4 JSON ({problem}); correct it. Nothing it belongs to was checked.",
        FhirCategory,
        Severity.Error,
        FhirSince);

    private static DiagnosticDescriptor[] FhirDescriptors() =>
    [
        FhirEncounterUnmappable, FhirProcedureTiming, FhirProcedureNoCpt, FhirInvalidCoding, FhirStatusExcluded,
        FhirClaimItemUnmappable, FhirUnattached, FhirConflict, FhirUnreadableResource,
    ];
}
