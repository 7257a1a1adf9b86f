namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR001: a code the catalog does not know; its minutes are not counted.</summary>
    public const string UnknownCode = "TBR001";

    /// <summary>TBR002: an input record (an encounter, a segment or a billed line) is not a JSON object.</summary>
    public const string InputNotAnObject = "TBR002";

    /// <summary>TBR003: a required input field is missing, null or empty.</summary>
    public const string InputMissingField = "TBR003";

    /// <summary>TBR004: an input field has the wrong JSON type.</summary>
    public const string InputWrongType = "TBR004";

    /// <summary>TBR005: the date of service is not a valid <c>yyyy-MM-dd</c> date.</summary>
    public const string InputInvalidDate = "TBR005";

    /// <summary>TBR006: the unit method is neither <c>cms</c> nor <c>ama</c>.</summary>
    public const string InputUnknownMethod = "TBR006";

    /// <summary>TBR007: the discipline is not <c>PT</c>, <c>OT</c> or <c>SLP</c>.</summary>
    public const string InputUnknownDiscipline = "TBR007";

    /// <summary>TBR008: a code is not a well-formed CPT/HCPCS code.</summary>
    public const string InputInvalidCode = "TBR008";

    /// <summary>TBR009: a segment's minutes are not a whole number from 0 to 1440.</summary>
    public const string InputInvalidMinutes = "TBR009";

    /// <summary>TBR010: a segment's start or end is not a time of day as <c>HH:mm</c> or <c>HH:mm:ss</c>.</summary>
    public const string InputInvalidTime = "TBR010";

    /// <summary>TBR011: a segment gives neither minutes nor start and end, or both, or only one of start and end.</summary>
    public const string InputSegmentTiming = "TBR011";

    /// <summary>TBR012: a modifier is not two letters or digits.</summary>
    public const string InputInvalidModifier = "TBR012";

    /// <summary>TBR013: a billed line's units are not a whole number from 0 to 999.</summary>
    public const string InputInvalidUnits = "TBR013";

    /// <summary>TBR014: an NDJSON line is not valid JSON; the record cannot be read (the other lines still are).</summary>
    public const string InputMalformedRecord = "TBR014";

    /// <summary>TBR017: a property differs from a property of the contract only by case or a small misspelling (did you mean it?); its value was not read.</summary>
    public const string InputPropertyMisspelled = "TBR017";

    /// <summary>TBR018: a property is not part of the contract; info by default, an error in strict reading.</summary>
    public const string InputPropertyUnknown = "TBR018";

    /// <summary>TBR019: the encounter has no segments, no billed lines and no documentation: nothing to check is not a pass.</summary>
    public const string InputNothingToCheck = "TBR019";

    /// <summary>TBR020: the date of service is outside the supported dates (1900-01-01 to 2199-12-31).</summary>
    public const string InputDateOfServiceOutOfRange = "TBR020";
}
