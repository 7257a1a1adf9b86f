#if NET
using System.Collections.Concurrent;
#endif

namespace TherapyBilling.Rules;

/// <summary>
/// A pool of strings looked up by a span of characters: on net10.0 the lookup allocates nothing (an alternate lookup
/// of the dictionary); on netstandard2.0, which has no alternate lookups, strings are bucketed by a hash of their characters (no allocation either).
/// Behaviour is the same on both: the first text added is the instance returned for every equal span.
/// Thread-safe.
/// </summary>
internal sealed class SpanStringPool
{
#if NET
    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SpanStringPool() => _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the pooled string equal to <paramref name="text"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out string value) => _lookup.TryGetValue(text, out value!);

    /// <summary>Gets the number of pooled strings.</summary>
    public int Count => _pool.Count;

    /// <summary>Adds <paramref name="text"/> unless an equal string is pooled, and returns the pooled instance.</summary>
    public string GetOrAdd(string text) => _pool.GetOrAdd(text, text);
#else
    // netstandard2.0 has no alternate lookups: strings are bucketed by a hash of their characters, so a look-up by
    // span allocates nothing here either.
    private readonly Dictionary<int, List<string>> _buckets = [];
    private readonly object _gate = new();
    private int _count;

    /// <summary>Gets the pooled string equal to <paramref name="text"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out string value)
    {
        int hash = Hash(text);
        lock (_gate)
        {
            if (_buckets.TryGetValue(hash, out var bucket))
            {
                foreach (string candidate in bucket)
                {
                    if (text.SequenceEqual(candidate.AsSpan()))
                    {
                        value = candidate;
                        return true;
                    }
                }
            }
        }

        value = null!;
        return false;
    }

    /// <summary>Gets the number of pooled strings.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds <paramref name="text"/> unless an equal string is pooled, and returns the pooled instance.</summary>
    public string GetOrAdd(string text)
    {
        if (TryGet(text.AsSpan(), out var existing))
        {
            return existing;
        }

        int hash = Hash(text.AsSpan());
        lock (_gate)
        {
            if (!_buckets.TryGetValue(hash, out var bucket))
            {
                bucket = [];
                _buckets.Add(hash, bucket);
            }

            foreach (string candidate in bucket)
            {
                if (string.Equals(candidate, text, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }

            bucket.Add(text);
            _count++;
            return text;
        }
    }

    private static int Hash(ReadOnlySpan<char> text)
    {
        unchecked
        {
            int hash = (int)2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
#endif
}
