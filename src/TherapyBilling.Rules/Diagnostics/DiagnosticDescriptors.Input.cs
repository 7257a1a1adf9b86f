namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    private const string InputCategory = "Input";

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.UnknownCode"/>.</summary>
    public static DiagnosticDescriptor UnknownCode { get; } = new(
        DiagnosticIds.UnknownCode,
        "Unknown procedure code",
        "Code {code} is not in the code catalog ({catalog}); its minutes are not counted. Add it to the catalog or correct the code.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputNotAnObject"/>.</summary>
    public static DiagnosticDescriptor InputNotAnObject { get; } = new(
        DiagnosticIds.InputNotAnObject,
        "Input record is not an object",
        "The {record} is a JSON {actual}, not an object; give it as a JSON object with the fields of input contract v1. Nothing in it was checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputMissingField"/>.</summary>
    public static DiagnosticDescriptor InputMissingField { get; } = new(
        DiagnosticIds.InputMissingField,
        "Required field missing",
        "Required field '{field}' is missing, null or empty; add it. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputWrongType"/>.</summary>
    public static DiagnosticDescriptor InputWrongType { get; } = new(
        DiagnosticIds.InputWrongType,
        "Field has the wrong type",
        "Field '{field}' must be a JSON {expected}, not a {actual}; correct its type. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputInvalidDate"/>.</summary>
    public static DiagnosticDescriptor InputInvalidDate { get; } = new(
        DiagnosticIds.InputInvalidDate,
        "Date is not yyyy-MM-dd",
        "Field '{field}' is not a calendar date written yyyy-MM-dd (for example 2026-01-05); correct it. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputUnknownMethod"/>.</summary>
    public static DiagnosticDescriptor InputUnknownMethod { get; } = new(
        DiagnosticIds.InputUnknownMethod,
        "Unknown unit method",
        "Field '{field}' must be \"cms\" (CMS 8-minute rule) or \"ama\" (AMA per-code method), or be left out for \"cms\". The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputUnknownDiscipline"/>.</summary>
    public static DiagnosticDescriptor InputUnknownDiscipline { get; } = new(
        DiagnosticIds.InputUnknownDiscipline,
        "Unknown discipline",
        "Field '{field}' must be \"PT\", \"OT\" or \"SLP\", or be left out. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputInvalidCode"/>.</summary>
    public static DiagnosticDescriptor InputInvalidCode { get; } = new(
        DiagnosticIds.InputInvalidCode,
        "Code is not a CPT/HCPCS code",
        "Field '{field}' is not a CPT/HCPCS code: expected five digits (97535) or a letter and four digits (G0283). The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputInvalidMinutes"/>.</summary>
    public static DiagnosticDescriptor InputInvalidMinutes { get; } = new(
        DiagnosticIds.InputInvalidMinutes,
        "Minutes out of range",
        "Field '{field}' must be a whole number of minutes from 0 to 1440 (one day); correct it. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputInvalidTime"/>.</summary>
    public static DiagnosticDescriptor InputInvalidTime { get; } = new(
        DiagnosticIds.InputInvalidTime,
        "Time is not HH:mm or HH:mm:ss",
        "Field '{field}' is not a time of day written HH:mm or HH:mm:ss (24-hour, for example 09:05 or 09:05:30); correct it. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputSegmentTiming"/>.</summary>
    public static DiagnosticDescriptor InputSegmentTiming { get; } = new(
        DiagnosticIds.InputSegmentTiming,
        "Segment needs minutes or start and end",
        "Segment '{field}' {problem}; give either 'minutes' or both 'start' and 'end'. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputInvalidModifier"/>.</summary>
    public static DiagnosticDescriptor InputInvalidModifier { get; } = new(
        DiagnosticIds.InputInvalidModifier,
        "Modifier is not two letters or digits",
        "Field '{field}' is not a modifier: expected two letters or digits (59, XU, GP). The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputInvalidUnits"/>.</summary>
    public static DiagnosticDescriptor InputInvalidUnits { get; } = new(
        DiagnosticIds.InputInvalidUnits,
        "Billed units out of range",
        "Field '{field}' must be a whole number of units from 0 to 999; correct it. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputMalformedRecord"/>.</summary>
    public static DiagnosticDescriptor InputMalformedRecord { get; } = new(
        DiagnosticIds.InputMalformedRecord,
        "Malformed JSON record",
        "Line {line} is not valid JSON (column {column}); fix the syntax there. The record was not checked; the other records were.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputPropertyMisspelled"/>.</summary>
    public static DiagnosticDescriptor InputPropertyMisspelled { get; } = new(
        DiagnosticIds.InputPropertyMisspelled,
        "Property name misspelled",
        "Property {position} of {object} is not part of the contract but differs from '{known}' only by case or spelling: did you mean '{known}'? Its value was not read; rename it. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputPropertyUnknown"/>.</summary>
    public static DiagnosticDescriptor InputPropertyUnknown { get; } = new(
        DiagnosticIds.InputPropertyUnknown,
        "Property not in the contract",
        "Property {position} of {object} is not part of the contract and was ignored; remove it, or check its name against the schema (strict reading makes this an error).",
        InputCategory,
        Severity.Info);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputNothingToCheck"/>.</summary>
    public static DiagnosticDescriptor InputNothingToCheck { get; } = new(
        DiagnosticIds.InputNothingToCheck,
        "Nothing to check",
        "The encounter has no segments, no billed lines and no documentation, so there is nothing to check; no data is not a pass. Add what was furnished, billed or documented.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InputDateOfServiceOutOfRange"/>.</summary>
    public static DiagnosticDescriptor InputDateOfServiceOutOfRange { get; } = new(
        DiagnosticIds.InputDateOfServiceOutOfRange,
        "Date of service outside the supported dates",
        "Field '{field}' is outside the supported dates ({from} to {to}); correct it. The encounter was not checked.",
        InputCategory,
        Severity.Error);

    private static DiagnosticDescriptor[] InputDescriptors() =>
    [
        UnknownCode, InputNotAnObject, InputMissingField, InputWrongType, InputInvalidDate, InputUnknownMethod,
        InputUnknownDiscipline, InputInvalidCode, InputInvalidMinutes, InputInvalidTime, InputSegmentTiming,
        InputInvalidModifier, InputInvalidUnits, InputMalformedRecord, InputPropertyMisspelled, InputPropertyUnknown,
        InputNothingToCheck, InputDateOfServiceOutOfRange,
    ];
}
