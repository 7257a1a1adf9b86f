namespace TherapyBilling.Rules;

/// <summary>The one order of diagnostics everywhere: by path (indices compared as numbers), then id, then message.</summary>
/// <remarks>Deterministic, culture-independent; keeps snapshots and CLI diffs stable.</remarks>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    private DiagnosticOrder()
    {
    }

    /// <summary>Gets the comparer.</summary>
    public static DiagnosticOrder Instance { get; } = new();

    /// <summary>Sorts diagnostics into the canonical order.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns>A new sorted array.</returns>
    public static System.Collections.Immutable.ImmutableArray<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        Guard.NotNull(diagnostics);
        return SortInPlace(diagnostics.ToArray());
    }

    /// <summary>Sorts the diagnostics of <paramref name="diagnostics"/> from <paramref name="start"/> on into a new array (the list is left as it is).</summary>
    /// <param name="diagnostics">The list.</param>
    /// <param name="start">The first diagnostic to take.</param>
    /// <returns>The sorted diagnostics; the shared empty array when there are none.</returns>
    internal static System.Collections.Immutable.ImmutableArray<Diagnostic> Sort(List<Diagnostic> diagnostics, int start)
    {
        int count = diagnostics.Count - start;
        if (count == 0)
        {
            return [];
        }

        var array = new Diagnostic[count];
        diagnostics.CopyTo(start, array, 0, count);
        return SortInPlace(array);
    }

    /// <summary>Sorts an array this class owns in place and hands it over as an immutable array.</summary>
    private static System.Collections.Immutable.ImmutableArray<Diagnostic> SortInPlace(Diagnostic[] array)
    {
        if (array.Length < 2)
        {
            return array.Length == 0 ? [] : System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
        }

        // A stable sort: equal keys keep the order they were found in.
        if (array.Length > 16)
        {
            var indexed = new KeyValuePair<int, Diagnostic>[array.Length];
            for (int i = 0; i < array.Length; i++)
            {
                indexed[i] = new(i, array[i]);
            }

            Array.Sort(indexed, static (a, b) =>
            {
                int c = Instance.Compare(a.Value, b.Value);
                return c != 0 ? c : a.Key.CompareTo(b.Key);
            });
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = indexed[i].Value;
            }

            return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
        }

        // A few findings (the usual report): an insertion sort, in place.
        for (int i = 1; i < array.Length; i++)
        {
            var item = array[i];
            int j = i - 1;
            while (j >= 0 && Instance.Compare(array[j], item) > 0)
            {
                array[j + 1] = array[j];
                j--;
            }

            array[j + 1] = item;
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
    }

    /// <inheritdoc/>
    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int c = ComparePaths(x.Path, y.Path);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }

    /// <summary>Compares two paths, treating runs of digits as numbers (<c>segments[2]</c> before <c>segments[10]</c>).</summary>
    /// <param name="x">The first path.</param>
    /// <param name="y">The second path.</param>
    /// <returns>A negative number, zero or a positive number.</returns>
    public static int ComparePaths(string x, string y)
    {
        Guard.NotNull(x);
        Guard.NotNull(y);
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                var a = x.AsSpan(si, i - si).TrimStart('0');
                var b = y.AsSpan(sj, j - sj).TrimStart('0');
                if (a.Length != b.Length)
                {
                    return a.Length - b.Length;
                }

                int d = a.SequenceCompareTo(b);
                if (d != 0)
                {
                    return d;
                }
            }
            else
            {
                if (x[i] != y[j])
                {
                    return x[i] - y[j];
                }

                i++;
                j++;
            }
        }

        return (x.Length - i) - (y.Length - j);
    }
}
