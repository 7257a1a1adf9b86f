namespace TherapyBilling.Rules;

/// <summary>
/// A code as a number below <see cref="Count"/> (first character 0–9 then A–Z, then four digits) that sorts as the
/// code's text does ordinally, so tables of codes can keep and compare integers instead of strings.
/// </summary>
internal static class CodeRanks
{
    /// <summary>The number of distinct ranks (36 first characters × 10,000).</summary>
    public const int Count = 36 * 10_000;

    /// <summary>The rank of a parsed code (not the default value).</summary>
    public static int Of(CptCode code)
    {
        var text = code.Value;
        char first = text[0];
        int lead = first <= '9' ? first - '0' : 10 + (first - 'A');
        return (lead * 10_000) + ((text[1] - '0') * 1000) + ((text[2] - '0') * 100) + ((text[3] - '0') * 10) + (text[4] - '0');
    }

    /// <summary>The code of a rank (the inverse of <see cref="Of"/>); the code's text is the shared instance.</summary>
    public static CptCode ToCode(int rank)
    {
        Span<char> text = stackalloc char[5];
        int lead = rank / 10_000;
        text[0] = lead < 10 ? (char)('0' + lead) : (char)('A' + lead - 10);
        int digits = rank % 10_000;
        for (int i = 4; i >= 1; i--)
        {
            text[i] = (char)('0' + (digits % 10));
            digits /= 10;
        }

        return CptCode.TryParse(text, out var code) ? code : throw new InvalidOperationException("Not a code rank.");
    }
}
