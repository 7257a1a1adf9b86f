namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.InternalError"/>.</summary>
    public static DiagnosticDescriptor InternalError { get; } = new(
        DiagnosticIds.InternalError,
        "Internal error while checking this record",
        "Internal error ({exception}) while checking this record; please report it with the exception type (not the input). The record was not checked; the other records were.",
        InputCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.RecordTooLarge"/>.</summary>
    public static DiagnosticDescriptor RecordTooLarge { get; } = new(
        DiagnosticIds.RecordTooLarge,
        "Record larger than the limit",
        "The record has more than {limit} {what} (the limit); it was refused before it was read. Split it, or raise the limit if it is genuine. The other records were checked.",
        InputCategory,
        Severity.Error);

    private static DiagnosticDescriptor[] BatchDescriptors() => [InternalError, RecordTooLarge];
}
