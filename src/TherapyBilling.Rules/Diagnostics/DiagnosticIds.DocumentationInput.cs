namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR030: a field of the <c>documentation</c> section has the wrong JSON type; it is ignored.</summary>
    public const string DocumentationWrongType = "TBR030";

    /// <summary>TBR031: a date in the <c>documentation</c> section is not <c>yyyy-MM-dd</c>; it is ignored.</summary>
    public const string DocumentationBadDate = "TBR031";

    /// <summary>TBR032: a time in the <c>documentation</c> section is not <c>HH:mm</c> or <c>HH:mm:ss</c>; it is ignored.</summary>
    public const string DocumentationBadTime = "TBR032";

    /// <summary>TBR033: a procedure code in the <c>documentation</c> section is not a CPT/HCPCS code; it is ignored.</summary>
    public const string DocumentationBadCode = "TBR033";

    /// <summary>TBR034: a value in the <c>documentation</c> section is out of range or not one of the allowed values; it is ignored.</summary>
    public const string DocumentationBadValue = "TBR034";
}
