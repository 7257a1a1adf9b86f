using System.Buffers;
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
    public static double Jaccard(string? a, string? b)
    {
        // Tokens are never copied: a token is a run of letters and digits of the text itself, compared char by char
        // in lower case; each text's distinct tokens are found with a small open-addressing table of token starts.
        ReadOnlySpan<char> first = a.AsSpan(), second = b.AsSpan();
        int sizeA = TokenTable.SlotsFor(first.Length), sizeB = TokenTable.SlotsFor(second.Length);
        int[]? rentedA = null, rentedB = null;
        Span<int> slotsA = sizeA <= TokenTable.StackSlots ? stackalloc int[TokenTable.StackSlots] : (rentedA = ArrayPool<int>.Shared.Rent(sizeA));
        Span<int> slotsB = sizeB <= TokenTable.StackSlots ? stackalloc int[TokenTable.StackSlots] : (rentedB = ArrayPool<int>.Shared.Rent(sizeB));
        try
        {
            var tableA = new TokenTable(first, slotsA.Slice(0, sizeA));
            var tableB = new TokenTable(second, slotsB.Slice(0, sizeB));
            int distinctA = 0, distinctB = 0, shared = 0;
            for (int start = 0; TokenTable.NextToken(first, ref start, out int length); start += length)
            {
                distinctA += tableA.Add(start, length) ? 1 : 0;
            }

            for (int start = 0; TokenTable.NextToken(second, ref start, out int length); start += length)
            {
                if (tableB.Add(start, length))
                {
                    distinctB++;
                    shared += tableA.Contains(second.Slice(start, length)) ? 1 : 0;
                }
            }

            return distinctA == 0 && distinctB == 0 ? 0 : (double)shared / (distinctA + distinctB - shared);
        }
        finally
        {
            ReturnIfRented(rentedA);
            ReturnIfRented(rentedB);
        }
    }

    private static void ReturnIfRented(int[]? array)
    {
        if (array is not null)
        {
            ArrayPool<int>.Shared.Return(array);
        }
    }

    /// <summary>
    /// The distinct tokens of one text: an open-addressing hash table whose slots hold a token's start + 1 (0 is an
    /// empty slot); a token's end is where its run of letters and digits ends, so the start is all a slot needs.
    /// </summary>
    private readonly ref struct TokenTable
    {
        /// <summary>Tables up to this many slots (texts up to 255 characters) live on the stack (1 KB).</summary>
        public const int StackSlots = 256;

        private readonly ReadOnlySpan<char> _text;
        private readonly Span<int> _slots;

        public TokenTable(ReadOnlySpan<char> text, Span<int> slots)
        {
            _text = text;
            _slots = slots;
            _slots.Clear();
        }

        /// <summary>A power of two above twice the most tokens a text of this length can hold ((length + 1) / 2), so the table stays under half full.</summary>
        public static int SlotsFor(int length)
        {
            int slots = 4;
            while (slots <= length + 1)
            {
                slots *= 2;
            }

            return slots;
        }

        /// <summary>Moves <paramref name="start"/> to the next token at or after it.</summary>
        /// <returns><see langword="false"/> when there is none.</returns>
        public static bool NextToken(ReadOnlySpan<char> text, ref int start, out int length)
        {
            while (start < text.Length && !char.IsLetterOrDigit(text[start]))
            {
                start++;
            }

            length = 0;
            while (start + length < text.Length && char.IsLetterOrDigit(text[start + length]))
            {
                length++;
            }

            return length > 0;
        }

        /// <summary>Adds the token at <paramref name="start"/>.</summary>
        /// <returns><see langword="true"/> when it was not there yet.</returns>
        public bool Add(int start, int length)
        {
            var token = _text.Slice(start, length);
            int mask = _slots.Length - 1;
            for (int i = Hash(token) & mask; ; i = (i + 1) & mask)
            {
                if (_slots[i] == 0)
                {
                    _slots[i] = start + 1;
                    return true;
                }

                if (SameToken(TokenAt(_slots[i] - 1), token))
                {
                    return false;
                }
            }
        }

        public bool Contains(ReadOnlySpan<char> token)
        {
            int mask = _slots.Length - 1;
            for (int i = Hash(token) & mask; _slots[i] != 0; i = (i + 1) & mask)
            {
                if (SameToken(TokenAt(_slots[i] - 1), token))
                {
                    return true;
                }
            }

            return false;
        }

        private ReadOnlySpan<char> TokenAt(int start)
        {
            int end = start;
            while (end < _text.Length && char.IsLetterOrDigit(_text[end]))
            {
                end++;
            }

            return _text.Slice(start, end - start);
        }

        private static int Hash(ReadOnlySpan<char> token)
        {
            int hash = 17;
            foreach (char c in token)
            {
                hash = unchecked((hash * 31) + char.ToLowerInvariant(c));
            }

            return hash & int.MaxValue;
        }

        /// <summary>Equal after lower-casing each character (invariant), as the tokenizer's normalised tokens compare.</summary>
        private static bool SameToken(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
        {
            if (x.Length != y.Length)
            {
                return false;
            }

            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] != y[i] && char.ToLowerInvariant(x[i]) != char.ToLowerInvariant(y[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
