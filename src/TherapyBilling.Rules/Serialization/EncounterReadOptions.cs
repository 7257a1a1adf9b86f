namespace TherapyBilling.Rules;

/// <summary>Options for <see cref="EncounterJson.Read(System.Text.Json.JsonElement, EncounterReadOptions?)"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record EncounterReadOptions
{
    /// <summary>Gets the default options: unknown properties are reported as info (TBR018).</summary>
    public static EncounterReadOptions Default { get; } = new();

    /// <summary>
    /// Gets a value indicating whether a property the contract does not name is an error (TBR018 at error severity,
    /// so the record is not checked) instead of an info. A property that differs from a known one only by case or
    /// by a small misspelling is an error (TBR017) either way.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Strict { get; init; }
}
