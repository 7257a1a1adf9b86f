namespace TherapyBilling.Rules;

/// <summary>Helpers for reference-file loaders: short excerpts in messages, and the line of a byte offset.</summary>
internal static class ReferenceText
{
    /// <summary>The longest excerpt of a file's text in a loader's message.</summary>
    public const int MaxExcerpt = 40;

    /// <summary>Cuts a field to <see cref="MaxExcerpt"/> characters (an ellipsis marks the cut) with control characters replaced, so one bad field never floods a message.</summary>
    public static string Excerpt(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var chars = text.Length > MaxExcerpt ? text.AsSpan(0, MaxExcerpt - 1) : text.AsSpan();
        if (chars.Length > 0 && char.IsHighSurrogate(chars[^1]))
        {
            chars = chars[..^1];
        }

        var result = new System.Text.StringBuilder(chars.Length + 1);
        foreach (char c in chars)
        {
            result.Append(char.IsControl(c) ? '\uFFFD' : c);
        }

        return text.Length > MaxExcerpt ? result.Append('…').ToString() : result.ToString();
    }

    /// <summary>The 1-based line of a byte offset in UTF-8 text.</summary>
    public static int LineOf(ReadOnlySpan<byte> text, long offset) =>
        checked(text[..(int)Math.Min(offset, text.Length)].Count((byte)'\n') + 1);
}
