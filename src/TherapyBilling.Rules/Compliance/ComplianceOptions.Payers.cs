namespace TherapyBilling.Rules;

public sealed partial record ComplianceOptions
{
    /// <summary>Gets the payer profiles encounters are matched to by <see cref="Encounter.PayerId"/>.</summary>
    /// <value>The default value is <see cref="PayerProfileJson.Default"/> (Medicare and a generic commercial payer).</value>
    public PayerProfiles PayerProfiles { get; init; } = PayerProfileJson.Default;

    /// <summary>Gets the payer assumed for encounters that name none, or <see langword="null"/> to apply no payer profile to them.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DefaultPayerId { get; init; }

    /// <summary>Gets the yearly KX thresholds.</summary>
    /// <value>The default value is <see cref="KxThresholdTable.Default"/>.</value>
    public KxThresholdTable KxThresholds { get; init; } = KxThresholdTable.Default;

    /// <summary>Gets the yearly amount-in-controversy thresholds for appeals.</summary>
    /// <value>The default value is <see cref="AmountInControversyTable.Default"/>.</value>
    public AmountInControversyTable AmountInControversy { get; init; } = AmountInControversyTable.Default;

    /// <summary>Finds the payer profile of an encounter: its own payer, else <see cref="DefaultPayerId"/>.</summary>
    /// <param name="encounter">The encounter.</param>
    /// <returns>The profile, or <see langword="null"/> when no payer is named or the payer is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encounter"/> is <see langword="null"/>.</exception>
    public PayerProfile? ResolvePayerProfile(Encounter encounter)
    {
        Guard.NotNull(encounter);
        return PayerProfiles.TryGet(encounter.PayerId ?? DefaultPayerId, out var profile) ? profile : null;
    }

    partial void DescribePayerData(List<ReferenceDataInfo> tables)
    {
        tables.Add(new("payerProfiles", PayerProfiles.Version, PayerProfiles.Source));
        tables.Add(new("kxThresholds", KxThresholds.Version, KxThresholds.Source));
        tables.Add(new("appealAmountInControversy", AmountInControversy.Version, AmountInControversy.Source));
    }
}
