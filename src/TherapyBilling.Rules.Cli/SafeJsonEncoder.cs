using System.Globalization;
using System.Text.Encodings.Web;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// The JSON escaping of the json and ndjson formats: <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (text
/// stays readable) plus <c>\uXXXX</c> for line and paragraph separators and format characters (bidi controls such as
/// U+202E, zero-width characters), so an id keeps its exact value but can neither break a line nor reorder what a
/// viewer shows.
/// </summary>
internal sealed unsafe class SafeJsonEncoder : JavaScriptEncoder
{
    private static readonly JavaScriptEncoder s_inner = UnsafeRelaxedJsonEscaping;

    private SafeJsonEncoder()
    {
    }

    public static SafeJsonEncoder Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => Math.Max(s_inner.MaxOutputCharactersPerInputCharacter, 12);

    public override bool WillEncode(int unicodeScalar) => IsHidden(unicodeScalar) || s_inner.WillEncode(unicodeScalar);

    public override int FindFirstCharacterToEncode(char* text, int textLength)
    {
        int inner = s_inner.FindFirstCharacterToEncode(text, textLength);
        int limit = inner < 0 ? textLength : inner;

        // No character below U+00AD (the soft hyphen, the first format character) is hidden: skip to the first one at
        // or above it with a vectorized search, and test the rest one by one (most output is ASCII: none to test).
        int first = new ReadOnlySpan<char>(text, limit).IndexOfAnyExceptInRange('\0', (char)(FirstHidden - 1));
        if (first < 0)
        {
            return inner;
        }

        for (int i = first; i < limit; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < limit && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsHidden(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return i;
                }

                i++;
            }
            else if (IsHidden(c))
            {
                return i;
            }
        }

        return inner;
    }

    public override bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (!IsHidden(unicodeScalar))
        {
            return s_inner.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        }

        string escaped = unicodeScalar < 0x10000
            ? Escape((char)unicodeScalar)
            : Escape(char.ConvertFromUtf32(unicodeScalar)[0]) + Escape(char.ConvertFromUtf32(unicodeScalar)[1]);
        if (escaped.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        for (int i = 0; i < escaped.Length; i++)
        {
            buffer[i] = escaped[i];
        }

        numberOfCharactersWritten = escaped.Length;
        return true;
    }

    /// <summary>The first character that is a line or paragraph separator or a format character: U+00AD, the soft hyphen.</summary>
    internal const int FirstHidden = 0xAD;

    private static string Escape(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    internal static bool IsHidden(int scalar) =>
        scalar is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF)
        && CharUnicodeInfo.GetUnicodeCategory(scalar) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
}
