namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.DocumentationWrongType"/>.</summary>
    public static DiagnosticDescriptor DocumentationWrongType { get; } = new(
        DiagnosticIds.DocumentationWrongType,
        "Documentation field has the wrong type",
        "Expected {expected} but found {actual}; the field is ignored. Fix the JSON.",
        "Input",
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.DocumentationBadDate"/>.</summary>
    public static DiagnosticDescriptor DocumentationBadDate { get; } = new(
        DiagnosticIds.DocumentationBadDate,
        "Documentation date not valid",
        "Expected a date as yyyy-MM-dd; the field is ignored. Fix the date.",
        "Input",
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.DocumentationBadTime"/>.</summary>
    public static DiagnosticDescriptor DocumentationBadTime { get; } = new(
        DiagnosticIds.DocumentationBadTime,
        "Documentation time not valid",
        "Expected a time as HH:mm or HH:mm:ss; the field is ignored. Fix the time.",
        "Input",
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.DocumentationBadCode"/>.</summary>
    public static DiagnosticDescriptor DocumentationBadCode { get; } = new(
        DiagnosticIds.DocumentationBadCode,
        "Documentation code not valid",
        "Expected a CPT/HCPCS code (five digits, or a letter and four digits); the field is ignored. Fix the code.",
        "Input",
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.DocumentationBadValue"/>.</summary>
    public static DiagnosticDescriptor DocumentationBadValue { get; } = new(
        DiagnosticIds.DocumentationBadValue,
        "Documentation value not allowed",
        "Expected {expected}; the field is ignored. Fix the value.",
        "Input",
        Severity.Error);

    private static DiagnosticDescriptor[] DocumentationInputDescriptors() =>
    [
        DocumentationWrongType, DocumentationBadDate, DocumentationBadTime, DocumentationBadCode, DocumentationBadValue,
    ];
}
