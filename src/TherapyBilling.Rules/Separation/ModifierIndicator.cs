namespace TherapyBilling.Rules;

/// <summary>The modifier indicator of an NCCI procedure-to-procedure (PTP) edit (the "Modifier" column of the CMS file).</summary>
/// <remarks>Values are the CMS file's digits. Source: NCCI Policy Manual ch. 1 §E (rules reference §4.1) [H].</remarks>
public enum ModifierIndicator
{
    /// <summary>0: no PTP-associated modifier bypasses the edit; the column-2 code is never payable beside column 1.</summary>
    NotAllowed = 0,

    /// <summary>1: a PTP-associated modifier (59, XE, XS, XP, XU) may bypass the edit when the services were separate and distinct.</summary>
    Allowed = 1,

    /// <summary>9: not applicable (CMS uses it where the deletion date equals the effective date); the edit never applies.</summary>
    NotApplicable = 9,
}
