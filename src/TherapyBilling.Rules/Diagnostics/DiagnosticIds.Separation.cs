namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
}
