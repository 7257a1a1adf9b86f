namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.RequestMalformed"/>.</summary>
    public static DiagnosticDescriptor RequestMalformed { get; } = new(
        DiagnosticIds.RequestMalformed,
        "Malformed request body",
        "The request body {problem}; nothing was checked. Fix the body there.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.RequestTooLarge"/>.</summary>
    public static DiagnosticDescriptor RequestTooLarge { get; } = new(
        DiagnosticIds.RequestTooLarge,
        "Request body too large",
        "The request body is larger than {limit} bytes; nothing was checked. Send fewer encounters per request.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.RequestTooDeep"/>.</summary>
    public static DiagnosticDescriptor RequestTooDeep { get; } = new(
        DiagnosticIds.RequestTooDeep,
        "Request body nested too deeply",
        "The request body nests deeper than {limit} levels at line {line}, column {column}; nothing was checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.RequestUnsupportedMediaType"/>.</summary>
    public static DiagnosticDescriptor RequestUnsupportedMediaType { get; } = new(
        DiagnosticIds.RequestUnsupportedMediaType,
        "Request body is not JSON",
        "Send the request body as {expected}; nothing was checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.RequestTooManyEncounters"/>.</summary>
    public static DiagnosticDescriptor RequestTooManyEncounters { get; } = new(
        DiagnosticIds.RequestTooManyEncounters,
        "Too many encounters in one request",
        "The request holds {count} encounters; at most {limit} are checked per request. Nothing was checked; split the request.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.RequestNotAuthenticated"/>.</summary>
    public static DiagnosticDescriptor RequestNotAuthenticated { get; } = new(
        DiagnosticIds.RequestNotAuthenticated,
        "No valid API key",
        "The request carries no valid API key in the {header} header; nothing was checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.UnknownDiagnosticId"/>.</summary>
    public static DiagnosticDescriptor UnknownDiagnosticId { get; } = new(
        DiagnosticIds.UnknownDiagnosticId,
        "Unknown diagnostic id",
        "No diagnostic has this id; ids look like TBR101 (see the catalog).",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.HookDataMissing"/>.</summary>
    public static DiagnosticDescriptor HookDataMissing { get; } = new(
        DiagnosticIds.HookDataMissing,
        "CDS Hooks data missing",
        "The hook call lacked {resource} (prefetch {key}) and the service may not fetch it; nothing was checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.HookTokenRefused"/>.</summary>
    public static DiagnosticDescriptor HookTokenRefused { get; } = new(
        DiagnosticIds.HookTokenRefused,
        "CDS Hooks token refused",
        "The EHR's token was refused ({reason}); nothing was checked.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.ServiceNotReady"/>.</summary>
    public static DiagnosticDescriptor ServiceNotReady { get; } = new(
        DiagnosticIds.ServiceNotReady,
        "Reference data not loaded",
        "The service has not loaded its reference data; nothing was checked. Retry later, or see the service's log.",
        InputCategory,
        Severity.Error);

    private static DiagnosticDescriptor[] ServiceDescriptors() =>
        [RequestMalformed, RequestTooLarge, RequestTooDeep, RequestUnsupportedMediaType, RequestTooManyEncounters,
         RequestNotAuthenticated, UnknownDiagnosticId, HookDataMissing, HookTokenRefused, ServiceNotReady];
}
