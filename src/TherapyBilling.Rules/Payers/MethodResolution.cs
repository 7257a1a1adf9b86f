namespace TherapyBilling.Rules;

/// <summary>The unit method chosen for an encounter and where it came from.</summary>
/// <param name="Method">The method.</param>
/// <param name="Source">Which level of the resolution order supplied it.</param>
/// <param name="PayerId">The payer profile consulted, or <see langword="null"/> when none was.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record MethodResolution(UnitMethod Method, MethodSource Source, string? PayerId)
{
    /// <summary>Resolves the method: the encounter's own method, else the payer profile's, else the default.</summary>
    /// <param name="encounterMethod">The method the encounter names, or <see langword="null"/>.</param>
    /// <param name="profile">The encounter's payer profile, or <see langword="null"/>.</param>
    /// <param name="defaultMethod">The default method.</param>
    /// <returns>The resolution.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A method is not a defined value.</exception>
    public static MethodResolution Resolve(UnitMethod? encounterMethod, PayerProfile? profile, UnitMethod defaultMethod)
    {
        if (encounterMethod is UnitMethod own)
        {
            return new(Guard.Defined(own), MethodSource.Encounter, profile?.Id);
        }

        if (profile?.Method is UnitMethod payer)
        {
            return new(Guard.Defined(payer), MethodSource.PayerProfile, profile.Id);
        }

        return new(Guard.Defined(defaultMethod), MethodSource.Default, profile?.Id);
    }

    /// <summary>Gets the lower-case name of the source used in messages and JSON: <c>encounter</c>, <c>payerProfile</c> or <c>default</c>.</summary>
    public string SourceName => Source switch
    {
        MethodSource.Encounter => "encounter",
        MethodSource.PayerProfile => "payerProfile",
        _ => "default",
    };
}
