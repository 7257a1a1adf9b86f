namespace TherapyBilling.Rules;

/// <summary>How minutes become units. Always passed explicitly: there is no ambient default.</summary>
public enum UnitMethod
{
    /// <summary>
    /// The CMS 8-minute rule (Medicare Claims Processing Manual ch. 5 §20.2): total timed minutes T give
    /// <c>floor((T + 7) / 15)</c> units when T ≥ 8; each code first gets one unit per full 15 minutes of its own,
    /// and the units left go one each to the codes with the largest leftover minutes.
    /// </summary>
    Cms = 1,

    /// <summary>
    /// The AMA/CPT per-code "substantial portion" method: each code alone gets <c>floor((m + 7) / 15)</c> units
    /// (a unit is attained when the midpoint, 7.5 minutes, is passed); minutes are never pooled across codes.
    /// </summary>
    Ama = 2,
}
