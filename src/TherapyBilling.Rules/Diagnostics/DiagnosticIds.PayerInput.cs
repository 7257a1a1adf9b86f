namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR040: a payer, telehealth, KX or authorization field of the JSON input is malformed; it is ignored.</summary>
    public const string PayerFieldInvalid = "TBR040";

    /// <summary>TBR041: a segment's <c>furnishedBy</c> or <c>assistantMinutes</c> field is malformed; it is ignored.</summary>
    public const string ProviderFieldInvalid = "TBR041";
}
