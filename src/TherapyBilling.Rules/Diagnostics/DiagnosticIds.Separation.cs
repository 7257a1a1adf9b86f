namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR301: two different timed codes share minutes; CMS allows one PM&amp;R service per 15-minute period.</summary>
    public const string SamePeriodTimedCodes = "TBR301";

    /// <summary>TBR302: an NCCI edit with modifier indicator 0 pairs the codes; the column-2 code is not payable whatever the modifier.</summary>
    public const string PairNotPayable = "TBR302";

    /// <summary>TBR303: an NCCI edit with modifier indicator 1 pairs the codes and the column-2 line has no 59 or X modifier.</summary>
    public const string PairModifierMissing = "TBR303";

    /// <summary>TBR304: the PTP modifier is on the column-1 line only; it belongs on the column-2 line.</summary>
    public const string PairModifierOnColumnOne = "TBR304";

    /// <summary>TBR305: a 59 or X modifier claims distinct services but the two codes' segments share time.</summary>
    public const string PairModifierNotSupported = "TBR305";

    /// <summary>TBR306: a 59 or X modifier bypasses an edit but segment times are missing, so distinct intervals were not checked.</summary>
    public const string PairTimesNotChecked = "TBR306";

    /// <summary>TBR307: modifier 59 where an X modifier (XU, XE, XP) is more specific.</summary>
    public const string PreferXModifier = "TBR307";

    /// <summary>TBR308: modifier XS (separate structure) on a timed therapy code.</summary>
    public const string XsOnTimedTherapy = "TBR308";

    /// <summary>TBR309: 59 or an X modifier where no edit in force pairs the line's code with another code of the encounter.</summary>
    public const string UnnecessaryPairModifier = "TBR309";

    /// <summary>TBR310: an always-therapy line has no GP, GO or GN modifier.</summary>
    public const string DisciplineModifierMissing = "TBR310";

    /// <summary>TBR311: a line carries more than one of GP, GO, GN.</summary>
    public const string DisciplineModifierSeveral = "TBR311";

    /// <summary>TBR312: a line's GP, GO or GN does not match the plan of care's discipline.</summary>
    public const string DisciplineModifierMismatch = "TBR312";

    /// <summary>TBR313: a line carries more units of a code than its MUE allows on one line (MAI 1).</summary>
    public const string MueLineExceeded = "TBR313";

    /// <summary>TBR314: the units of a code on the date of service exceed its MUE (MAI 2 policy, MAI 3 clinical).</summary>
    public const string MueDateOfServiceExceeded = "TBR314";

    /// <summary>TBR315: MUE limits were not checked because no MUE table is loaded (reported once per run, not per line).</summary>
    public const string MueNotChecked = "TBR315";

    /// <summary>TBR316: 59 or an X modifier where the shipped (or partial) pair table has no edit; the table is a subset, so the modifier is not called unnecessary.</summary>
    public const string PairNotInSubset = "TBR316";
}
