using System.Diagnostics.CodeAnalysis;

namespace TherapyBilling.Rules;

/// <summary>
/// A validated CPT or HCPCS Level II procedure code: five characters, either five digits (<c>97535</c>)
/// or one letter and four digits (<c>G0283</c>).
/// </summary>
/// <remarks>
/// <para>Letters are normalised to upper case. Validation happens once, in <see cref="Parse(string)"/> and
/// <see cref="TryParse(ReadOnlySpan{char}, out CptCode)"/>.</para>
/// <para>The default value of this type is not a code: <see cref="IsDefault"/> is <see langword="true"/> and
/// <see cref="ToString"/> returns an empty string. Instances are immutable and thread-safe.</para>
/// </remarks>
/// <example><code>
/// var code = CptCode.Parse("97535");   // code.ToString() == "97535"
/// CptCode.TryParse("9753", out _);      // false
/// </code></example>
public readonly struct CptCode : IEquatable<CptCode>, IComparable<CptCode>
{
    private readonly string? _value;

    private CptCode(string value) => _value = value;

    /// <summary>Gets a value indicating whether this is <c>default(CptCode)</c> rather than a parsed code.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Gets the five-character code, or an empty string for the default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Parses a code.</summary>
    /// <param name="text">Five characters: five digits, or a letter followed by four digits.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid code.</exception>
    public static CptCode Parse(string text)
    {
        Guard.NotNull(text);
        return TryParse(text.AsSpan(), out var code)
            ? code
            : throw new FormatException($"'{text}' is not a CPT/HCPCS code: expected five digits or a letter and four digits.");
    }

    /// <summary>Tries to parse a code.</summary>
    /// <param name="text">The text to parse; may be <see langword="null"/>.</param>
    /// <param name="code">The code, or <c>default</c> when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out CptCode code)
    {
        if (text is null)
        {
            code = default;
            return false;
        }

        return TryParse(text.AsSpan(), out code);
    }

    /// <summary>Tries to parse a code from a span.</summary>
    /// <param name="text">The characters to parse.</param>
    /// <param name="code">The code, or <c>default</c> when parsing fails.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid code.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out CptCode code)
    {
        code = default;
        if (text.Length != 5)
        {
            return false;
        }

        char first = text[0];
        bool firstOk = char.IsAsciiDigit(first) || char.IsAsciiLetter(first);
        if (!firstOk)
        {
            return false;
        }

        for (int i = 1; i < 5; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        Span<char> buffer = stackalloc char[5];
        text.CopyTo(buffer);
        buffer[0] = char.ToUpperInvariant(first);
        code = new CptCode(CodeStrings.Intern(buffer));
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(CptCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CptCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Compares codes ordinally (the default value sorts first).</summary>
    /// <param name="other">The code to compare with.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public int CompareTo(CptCode other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the five-character code (empty for the default value).</summary>
    /// <returns>The code text.</returns>
    public override string ToString() => Value;

    /// <summary>Equality.</summary>
    /// <param name="left">The left code.</param>
    /// <param name="right">The right code.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CptCode left, CptCode right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left code.</param>
    /// <param name="right">The right code.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(CptCode left, CptCode right) => !left.Equals(right);

    /// <summary>Ordinal less-than.</summary>
    /// <param name="left">The left code.</param>
    /// <param name="right">The right code.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(CptCode left, CptCode right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal greater-than.</summary>
    /// <param name="left">The left code.</param>
    /// <param name="right">The right code.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(CptCode left, CptCode right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal less-than-or-equal.</summary>
    /// <param name="left">The left code.</param>
    /// <param name="right">The right code.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(CptCode left, CptCode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal greater-than-or-equal.</summary>
    /// <param name="left">The left code.</param>
    /// <param name="right">The right code.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(CptCode left, CptCode right) => left.CompareTo(right) >= 0;
}
