namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR001: a code the catalog does not know; its minutes are not counted.</summary>
    public const string UnknownCode = "TBR001";
}
