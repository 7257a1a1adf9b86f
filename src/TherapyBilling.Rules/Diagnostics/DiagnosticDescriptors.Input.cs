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

    private static DiagnosticDescriptor[] InputDescriptors() => [UnknownCode];
}
