namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    private static DiagnosticDescriptor[] DocumentationDescriptors() => [];
}
