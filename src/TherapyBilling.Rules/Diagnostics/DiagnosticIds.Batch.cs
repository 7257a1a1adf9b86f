namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR015: an unexpected exception while reading or checking one record; the record fails, the other records are still checked.</summary>
    public const string InternalError = "TBR015";

    /// <summary>TBR016: a record is larger than a limit of <see cref="RecordLimits"/> (bytes, segments or billed lines); it is refused before it is read.</summary>
    public const string RecordTooLarge = "TBR016";
}
