namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR401: the unit method chosen for an encounter with a payer, and which level (encounter, payer profile, default) supplied it.</summary>
    public const string PayerMethodResolved = "TBR401";

    /// <summary>TBR402: the encounter names a payer that the payer profiles do not know.</summary>
    public const string UnknownPayer = "TBR402";

    /// <summary>TBR410: units furnished in whole or in part by a PTA/OTA are billed without CQ/CO.</summary>
    public const string AssistantModifierMissing = "TBR410";

    /// <summary>TBR411: a line carries CQ/CO but the recorded minutes do not cross the de minimis share.</summary>
    public const string AssistantModifierUnsupported = "TBR411";

    /// <summary>TBR412: CQ without GP or CO without GO on a line.</summary>
    public const string AssistantModifierWrongDiscipline = "TBR412";

    /// <summary>TBR413: assistant units need CQ/CO but the discipline is unknown or SLP.</summary>
    public const string AssistantDisciplineUnknown = "TBR413";

    /// <summary>TBR414: fewer units of a code are billed with CQ/CO than the per-unit de minimis decision says need it.</summary>
    public const string AssistantUnitsTooFew = "TBR414";

    /// <summary>TBR415: more units of a code are billed with CQ/CO than the per-unit de minimis decision says need it.</summary>
    public const string AssistantUnitsTooMany = "TBR415";

    /// <summary>TBR420: the beneficiary's year-to-date allowed amount passes the KX threshold and the lines lack KX.</summary>
    public const string KxModifierRequired = "TBR420";

    /// <summary>TBR421: KX is billed while the year-to-date amount is not above the threshold.</summary>
    public const string KxModifierBelowThreshold = "TBR421";

    /// <summary>TBR422: the year-to-date amount passes the $3,000 targeted medical review threshold.</summary>
    public const string TargetedMedicalReview = "TBR422";

    /// <summary>TBR423: the KX table has no row for the date of service's year.</summary>
    public const string KxThresholdYearUnknown = "TBR423";

    /// <summary>TBR424: KX data is given but the encounter's discipline is unknown.</summary>
    public const string KxBucketUnknown = "TBR424";

    /// <summary>TBR430: a telehealth encounter has a missing or wrong place of service.</summary>
    public const string TelehealthPlaceOfService = "TBR430";

    /// <summary>TBR431: a telehealth line lacks modifier 95 (or the payer's required modifier).</summary>
    public const string TelehealthModifierMissing = "TBR431";

    /// <summary>TBR432: a code is furnished by telehealth on a date the payer's list does not allow it.</summary>
    public const string TelehealthCodeNotAllowed = "TBR432";

    /// <summary>TBR433: an encounter is delivered by telehealth to a payer whose profile has no telehealth policy.</summary>
    public const string TelehealthNotCovered = "TBR433";

    /// <summary>TBR434: the date of service is after the last date the payer's telehealth code list knows; the codes were not checked.</summary>
    public const string TelehealthListOutOfDate = "TBR434";

    /// <summary>TBR440: a visit is beyond the authorization's visit count.</summary>
    public const string AuthorizationVisitsExceeded = "TBR440";

    /// <summary>TBR441: a visit falls outside the authorization's date range.</summary>
    public const string AuthorizationDateOutside = "TBR441";

    /// <summary>TBR442: how many authorized visits remain after this one.</summary>
    public const string AuthorizationVisitsRemaining = "TBR442";

    /// <summary>TBR443: a payer that requires authorization gets an encounter without one.</summary>
    public const string AuthorizationMissing = "TBR443";

    /// <summary>TBR450: an ALJ or judicial review request does not meet the year's amount in controversy.</summary>
    public const string AmountInControversyBelow = "TBR450";

    /// <summary>TBR451: the AIC table has no row for the year the request is filed.</summary>
    public const string AmountInControversyYearUnknown = "TBR451";
}
