using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>A claim line as billed: a code, its units and its modifiers, in claim order.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BilledLine
{
    /// <summary>Initializes a new instance of the <see cref="BilledLine"/> class.</summary>
    /// <param name="code">The code.</param>
    /// <param name="units">The units billed; zero or more.</param>
    /// <param name="modifiers">The modifiers in claim order; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is negative.</exception>
    public BilledLine(CptCode code, int units, IEnumerable<Modifier>? modifiers = null)
    {
        Guard.NotDefault(code);
        Code = code;
        Units = Guard.NotNegative(units);
        Modifiers = modifiers is null ? [] : [.. modifiers];
    }

    /// <summary>Gets the code.</summary>
    public CptCode Code { get; }

    /// <summary>Gets the units billed.</summary>
    public int Units { get; }

    /// <summary>Gets the modifiers in claim order.</summary>
    public ImmutableArray<Modifier> Modifiers { get; init; }

    /// <summary>Gets whether the line carries a modifier.</summary>
    /// <param name="modifier">The modifier.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Has(Modifier modifier) => Modifiers.Contains(modifier);
}
