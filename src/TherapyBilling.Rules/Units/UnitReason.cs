namespace TherapyBilling.Rules;

/// <summary>Why a code got a unit (or why it got none).</summary>
public enum UnitReason
{
    /// <summary>A full 15 minutes of the code (CPM ch. 5 §20.2 C: 15 minutes or more is at least one unit).</summary>
    FullBlock = 1,

    /// <summary>CMS: the code's leftover minutes were larger than the leftovers of the codes that got no further unit.</summary>
    LargestLeftover = 2,

    /// <summary>CMS: the leftover tied with another code's; the tie-break chose this code (the clinician may choose).</summary>
    TieChoice = 3,

    /// <summary>AMA: the leftover minutes passed the midpoint of a unit (8 of 15 minutes).</summary>
    SubstantialPortion = 4,

    /// <summary>An untimed (service-based) code: one unit whatever the minutes.</summary>
    Untimed = 5,

    /// <summary>The code's remaining minutes earned no unit; the line stays on the note.</summary>
    NoUnit = 6,

    /// <summary>The code is not in the catalog; its minutes are not counted.</summary>
    UnknownCode = 7,
}
