namespace TherapyBilling.Rules.Cli;

/// <summary>Keeps text that reaches standard error short and on one line.</summary>
internal static class CliText
{
    /// <summary>The longest message the tool prints for a bad reference file (a malformed file once printed a 5 MB field).</summary>
    public const int MaxMessageLength = 200;

    /// <summary>Cuts text to at most <paramref name="max"/> characters (an ellipsis marks the cut) and makes it one printable line.</summary>
    /// <param name="text">The text.</param>
    /// <param name="max">The largest length.</param>
    /// <returns>The excerpt.</returns>
    public static string Excerpt(string text, int max = MaxMessageLength)
    {
        string line = Printable.Of(text.ReplaceLineEndings(" "));
        if (line.Length <= max)
        {
            return line;
        }

        int cut = max - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return string.Concat(line.AsSpan(0, cut), "…");
    }
}
