using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>
/// The output encoder escapes line and paragraph separators and format characters (bidi controls, zero-width
/// characters) on top of the relaxed JSON escaping. Issue 17 made it skip plain text with a vectorized search; these
/// tests hold it to the character-by-character definition.
/// </summary>
public sealed class SafeJsonEncoderTests
{
    [Fact]
    public void FirstHidden_IsTheFirstHiddenCharacter()
    {
        for (int c = 0; c < SafeJsonEncoder.FirstHidden; c++)
        {
            Assert.False(SafeJsonEncoder.IsHidden(c), $"U+{c:X4}");
        }

        Assert.True(SafeJsonEncoder.IsHidden(SafeJsonEncoder.FirstHidden));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII only, \"quoted\" and \\ back-slashed")]
    [InlineData("\u00AD")]
    [InlineData("before\u202Eafter")]
    [InlineData("é日本😀 then \u2028 and \u2029")]
    [InlineData("\U000E0001 tag, \U0001D173 musical format")]
    public void Encode_EscapesExactlyTheHiddenCharacters(string text) =>
        Assert.Equal(Reference(text), SafeJsonEncoder.Instance.Encode(text));

    [Fact]
    public void Encode_RandomMixes_SameAsCharacterByCharacter()
    {
        string[] pieces = ["a", "Z", "0", " ", "\"", "\\", "\n", "é", "日", "😀", "\u00AD", "\u200B", "\u202E", "\u2028", "\uFEFF", "\U000E0001", "\u00AC", "\u00AE"];
        var random = new Random(17);
        for (int n = 0; n < 2000; n++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 80);
            // Long plain runs too, so the hidden character sits beyond a vector's width.
            for (int i = 0; i < length; i++)
            {
                text.Append(random.Next(4) == 0 ? pieces[random.Next(pieces.Length)] : "x");
            }

            Assert.Equal(Reference(text.ToString()), SafeJsonEncoder.Instance.Encode(text.ToString()));
        }
    }

    /// <summary>Scalar by scalar: a hidden one as <c>\uXXXX</c> per UTF-16 unit, any other as the relaxed encoder writes it.</summary>
    private static string Reference(string text)
    {
        var output = new StringBuilder();
        for (int i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            string scalar = char.IsSurrogatePair(text, i) ? text.Substring(i, 2) : text.Substring(i, 1);
            if (SafeJsonEncoder.IsHidden(char.ConvertToUtf32(scalar, 0)))
            {
                foreach (char unit in scalar)
                {
                    output.Append("\\u").Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                output.Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(scalar));
            }
        }

        return output.ToString();
    }
}
