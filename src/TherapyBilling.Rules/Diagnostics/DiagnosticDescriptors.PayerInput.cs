namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PayerFieldInvalid"/>.</summary>
    public static DiagnosticDescriptor PayerFieldInvalid { get; } = new(
        DiagnosticIds.PayerFieldInvalid,
        "Malformed payer field",
        "{field} must be {expected}; the field is ignored. Correct the input.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.ProviderFieldInvalid"/>.</summary>
    public static DiagnosticDescriptor ProviderFieldInvalid { get; } = new(
        DiagnosticIds.ProviderFieldInvalid,
        "Malformed provider field on a segment",
        "{field} must be {expected}; the field is ignored, so the minutes count as the therapist's. Correct the input.",
        InputCategory,
        Severity.Error);

    private static DiagnosticDescriptor[] PayerInputDescriptors() =>
        [PayerFieldInvalid, ProviderFieldInvalid];
}
