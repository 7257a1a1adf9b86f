namespace TherapyBilling.Rules;

public sealed partial record Encounter
{
    /// <summary>
    /// The largest dollar amount an encounter field holds: 9,999,999.99, the most the total-charge field of a
    /// professional claim (CMS-1500 item 28: seven dollar digits and cents) can carry.
    /// </summary>
    public const decimal MaxDollarAmount = 9_999_999.99m;

    private readonly decimal? _allowedAmount;
    private readonly decimal? _kxYearToDateAllowed;
    private readonly int _authorizationVisitsUsed;

    /// <summary>Gets the payer id, looked up in <see cref="ComplianceOptions.PayerProfiles"/> (case-insensitive), or <see langword="null"/> for the options' <see cref="ComplianceOptions.DefaultPayerId"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PayerId { get; init; }

    /// <summary>Gets a value indicating whether the encounter was delivered by telehealth.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool IsTelehealth { get; init; }

    /// <summary>Gets the place-of-service code of the claim (for telehealth: <c>02</c> or <c>10</c>), or <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PlaceOfService { get; init; }

    /// <summary>Gets the beneficiary's id, used only to group KX amounts; never echoed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? BeneficiaryId { get; init; }

    /// <summary>Gets the allowed amount of this encounter's therapy lines, in dollars, for the KX threshold.</summary>
    /// <value>The default value is <see langword="null"/> (no KX check).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="MaxDollarAmount"/>.</exception>
    /// <remarks>Negative zero (<c>-0.00</c>) is stored as zero.</remarks>
    public decimal? AllowedAmount
    {
        get => _allowedAmount;
        init => _allowedAmount = DollarAmount(value);
    }

    /// <summary>Gets the beneficiary's allowed amount in this encounter's KX bucket earlier in the calendar year (before this encounter).</summary>
    /// <value>The default value is <see langword="null"/> (no KX check).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="MaxDollarAmount"/>.</exception>
    /// <remarks>Negative zero (<c>-0.00</c>) is stored as zero.</remarks>
    public decimal? KxYearToDateAllowed
    {
        get => _kxYearToDateAllowed;
        init => _kxYearToDateAllowed = DollarAmount(value);
    }

    /// <summary>Gets the prior authorization the visit is billed under, or <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Authorization? Authorization { get; init; }

    /// <summary>Gets how many visits of <see cref="Authorization"/> were used before this one.</summary>
    /// <value>The default value is 0.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="Rules.Authorization.MaxVisitCount"/>.</exception>
    public int AuthorizationVisitsUsed
    {
        get => _authorizationVisitsUsed;
        init => _authorizationVisitsUsed = Guard.InRange(value, 0, Rules.Authorization.MaxVisitCount);
    }

    private static decimal? DollarAmount(decimal? value, [System.Runtime.CompilerServices.CallerMemberName] string? name = null)
    {
        if (value is not decimal v)
        {
            return null;
        }

        if (v == 0m)
        {
            return 0m; // -0.00 is zero (ThrowIfNegative reads its sign bit as negative), and prints as 0
        }

        ArgumentOutOfRangeException.ThrowIfNegative(v, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(v, MaxDollarAmount, name);
        return v;
    }
}
