#if NET
using System.Collections.Concurrent;
#endif

namespace TherapyBilling.Rules;

/// <summary>
/// A pool of strings looked up by a span of characters: on net10.0 the lookup allocates nothing (an alternate lookup
/// of the dictionary); on netstandard2.0, which has no alternate lookups, a short key string is allocated per look-up.
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
#else
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

    /// <summary>Gets the pooled string equal to <paramref name="text"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<char> text, out string value) => _pool.TryGetValue(text.ToString(), out value!);
#endif

    /// <summary>Gets the number of pooled strings.</summary>
    public int Count => _pool.Count;

    /// <summary>Adds <paramref name="text"/> unless an equal string is pooled, and returns the pooled instance.</summary>
    public string GetOrAdd(string text) => _pool.GetOrAdd(text, text);
}
