namespace TherapyBilling.Rules.Cli;

/// <summary>Escapes text for HTML text and quoted attribute values.</summary>
internal static class HtmlText
{
    /// <summary>Replaces <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>"</c> and <c>'</c> with character references.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text, unchanged when it has none of them.</returns>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return escaped.ToString();
    }
}
