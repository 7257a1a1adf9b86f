namespace TherapyBilling.Rules;

/// <summary>How a code is counted in units.</summary>
public enum CodeKind
{
    /// <summary>A code defined per 15 minutes of direct one-on-one time; its units come from minutes (CPM ch. 5 §20.2 B).</summary>
    Timed = 1,

    /// <summary>A service-based code: one unit per day whatever the minutes (CPM ch. 5 §20.2 B, e.g. 92521).</summary>
    Untimed = 2,
}
