namespace TherapyBilling.Rules;

/// <summary>Where the unit method of an encounter came from (resolution order: encounter &gt; payer profile &gt; default).</summary>
public enum MethodSource
{
    /// <summary>The encounter named the method itself (a case-level override).</summary>
    Encounter = 1,

    /// <summary>The payer profile of the encounter's payer named the method.</summary>
    PayerProfile = 2,

    /// <summary>Neither did: the options' default method was used.</summary>
    Default = 3,
}
