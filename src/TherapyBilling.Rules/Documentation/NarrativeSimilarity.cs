using System.Text;

namespace TherapyBilling.Rules;

/// <summary>Compares narratives for the cloned-note check: normalised tokens and their Jaccard similarity.</summary>
/// <remarks>
/// Normalisation: lower case (invariant), every character that is not a letter or a digit becomes a space, then the
/// text is split on spaces. Similarity is the Jaccard index of the two token sets, |A ∩ B| / |A ∪ B|, from 0 (nothing
/// shared) to 1 (the same words). Two empty texts have similarity 0. Pure and thread-safe.
/// </remarks>
public static class NarrativeSimilarity
{
    /// <summary>Splits a narrative into normalised tokens.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens, in order, duplicates kept.</returns>
    public static IReadOnlyList<string> Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Counts the words of a narrative.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of normalised tokens.</returns>
    public static int CountWords(string? text)
    {
        // The same count as Tokenize(text).Count (maximal runs of letters and digits), without allocating.
        int words = 0;
        bool inWord = false;
        foreach (char c in text.AsSpan())
        {
            bool letterOrDigit = char.IsLetterOrDigit(c);
            words += letterOrDigit && !inWord ? 1 : 0;
            inWord = letterOrDigit;
        }

        return words;
    }

    /// <summary>Computes the token Jaccard similarity of two narratives.</summary>
    /// <param name="a">The first text.</param>
    /// <param name="b">The second text.</param>
    /// <returns>A value from 0 to 1.</returns>
    public static double Jaccard(string? a, string? b) => Jaccard(TokenSet(a), TokenSet(b));

    /// <summary>The set of a text's normalised tokens (a caller comparing one text with many keeps its set).</summary>
    internal static HashSet<string> TokenSet(string? text) => new(Tokenize(text), StringComparer.Ordinal);

    /// <summary>The Jaccard similarity of two token sets (<see cref="TokenSet"/>).</summary>
    internal static double Jaccard(HashSet<string> setA, HashSet<string> setB)
    {
        if (setA.Count == 0 && setB.Count == 0)
        {
            return 0;
        }

        int shared = 0;
        foreach (string token in setA)
        {
            shared += setB.Contains(token) ? 1 : 0;
        }

        return (double)shared / (setA.Count + setB.Count - shared);
    }
}
