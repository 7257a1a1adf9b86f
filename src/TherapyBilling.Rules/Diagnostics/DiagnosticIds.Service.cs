namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR080: the body of a request to the rules service is not valid JSON, or not the shape the route expects.</summary>
    public const string RequestMalformed = "TBR080";

    /// <summary>TBR081: the body of a request to the rules service is larger than the configured limit.</summary>
    public const string RequestTooLarge = "TBR081";

    /// <summary>TBR082: the body of a request to the rules service nests deeper than the configured limit.</summary>
    public const string RequestTooDeep = "TBR082";

    /// <summary>TBR083: the body of a request to the rules service is not sent as <c>application/json</c>.</summary>
    public const string RequestUnsupportedMediaType = "TBR083";

    /// <summary>TBR084: a request to the rules service holds more encounters than the configured limit.</summary>
    public const string RequestTooManyEncounters = "TBR084";

    /// <summary>TBR085: a request to the rules service carries no valid API key.</summary>
    public const string RequestNotAuthenticated = "TBR085";

    /// <summary>TBR086: the rules service was asked for a diagnostic id that does not exist.</summary>
    public const string UnknownDiagnosticId = "TBR086";

    /// <summary>TBR087: a CDS Hooks call lacked FHIR data (prefetch) the service needs and may not fetch.</summary>
    public const string HookDataMissing = "TBR087";

    /// <summary>TBR088: the JWT an EHR sent with a CDS Hooks call was refused.</summary>
    public const string HookTokenRefused = "TBR088";

    /// <summary>TBR089: the rules service has not loaded its reference data (yet, or it failed to).</summary>
    public const string ServiceNotReady = "TBR089";
}
