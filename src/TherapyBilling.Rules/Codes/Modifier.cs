using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TherapyBilling.Rules;

/// <summary>A two-character CPT/HCPCS modifier such as <c>59</c>, <c>XU</c>, <c>GP</c> or <c>CQ</c>.</summary>
/// <remarks>
/// Letters are normalised to upper case. The default value is not a modifier (<see cref="IsDefault"/>).
/// Instances are immutable and thread-safe. Well-known modifiers are exposed as static properties.
/// </remarks>
public readonly struct Modifier : IEquatable<Modifier>, IComparable<Modifier>
{
    private readonly string? _value;

    private Modifier(string value) => _value = value;

    /// <summary>Gets modifier 59, distinct procedural service.</summary>
    public static Modifier Distinct59 { get; } = Parse("59");

    /// <summary>Gets modifier XE, separate encounter.</summary>
    public static Modifier XE { get; } = Parse("XE");

    /// <summary>Gets modifier XS, separate structure.</summary>
    public static Modifier XS { get; } = Parse("XS");

    /// <summary>Gets modifier XP, separate practitioner.</summary>
    public static Modifier XP { get; } = Parse("XP");

    /// <summary>Gets modifier XU, unusual non-overlapping service.</summary>
    public static Modifier XU { get; } = Parse("XU");

    /// <summary>Gets modifier GP, services under a physical therapy plan of care.</summary>
    public static Modifier GP { get; } = Parse("GP");

    /// <summary>Gets modifier GO, services under an occupational therapy plan of care.</summary>
    public static Modifier GO { get; } = Parse("GO");

    /// <summary>Gets modifier GN, services under a speech-language pathology plan of care.</summary>
    public static Modifier GN { get; } = Parse("GN");

    /// <summary>Gets modifier CQ, PT services furnished in whole or in part by a physical therapist assistant.</summary>
    public static Modifier CQ { get; } = Parse("CQ");

    /// <summary>Gets modifier CO, OT services furnished in whole or in part by an occupational therapy assistant.</summary>
    public static Modifier CO { get; } = Parse("CO");

    /// <summary>Gets modifier KX, medical necessity attested above the therapy threshold.</summary>
    public static Modifier KX { get; } = Parse("KX");

    /// <summary>Gets modifier 95, synchronous telemedicine via audio-video.</summary>
    public static Modifier Telehealth95 { get; } = Parse("95");

    /// <summary>Gets a value indicating whether this is <c>default(Modifier)</c>.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Gets the two-character modifier, or an empty string for the default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Parses a modifier.</summary>
    /// <param name="text">Two ASCII letters or digits.</param>
    /// <returns>The modifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not two letters or digits.</exception>
    public static Modifier Parse(string text)
    {
        Guard.NotNull(text);
        return TryParse(text.AsSpan(), out var modifier)
            ? modifier
            : throw new FormatException($"'{text}' is not a modifier: expected two letters or digits.");
    }

    /// <summary>Tries to parse a modifier.</summary>
    /// <param name="text">The text; may be <see langword="null"/>.</param>
    /// <param name="modifier">The modifier, or <c>default</c>.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Modifier modifier)
    {
        if (text is null)
        {
            modifier = default;
            return false;
        }

        return TryParse(text.AsSpan(), out modifier);
    }

    /// <summary>Tries to parse a modifier from a span.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="modifier">The modifier, or <c>default</c>.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Modifier modifier)
    {
        modifier = default;
        if (text.Length != 2 || !char.IsAsciiLetterOrDigit(text[0]) || !char.IsAsciiLetterOrDigit(text[1]))
        {
            return false;
        }

        Span<char> buffer = [char.ToUpperInvariant(text[0]), char.ToUpperInvariant(text[1])];
        modifier = new Modifier(CodeStrings.Intern(buffer));
        return true;
    }

    /// <summary>Gets whether a list names a modifier more than once.</summary>
    internal static bool HasRepeats(ImmutableArray<Modifier> modifiers)
    {
        for (int i = 1; i < modifiers.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (modifiers[i] == modifiers[j])
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool Equals(Modifier other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Modifier other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares modifiers ordinally.</summary>
    /// <param name="other">The other modifier.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(Modifier other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the two-character modifier.</summary>
    /// <returns>The modifier text.</returns>
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    /// <param name="left">The left modifier.</param>
    /// <param name="right">The right modifier.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Modifier left, Modifier right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left modifier.</param>
    /// <param name="right">The right modifier.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Modifier left, Modifier right) => !left.Equals(right);

    /// <summary>Ordinal less-than.</summary>
    /// <param name="left">The left modifier.</param>
    /// <param name="right">The right modifier.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(Modifier left, Modifier right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal greater-than.</summary>
    /// <param name="left">The left modifier.</param>
    /// <param name="right">The right modifier.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(Modifier left, Modifier right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal less-than-or-equal.</summary>
    /// <param name="left">The left modifier.</param>
    /// <param name="right">The right modifier.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(Modifier left, Modifier right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal greater-than-or-equal.</summary>
    /// <param name="left">The left modifier.</param>
    /// <param name="right">The right modifier.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(Modifier left, Modifier right) => left.CompareTo(right) >= 0;
}
