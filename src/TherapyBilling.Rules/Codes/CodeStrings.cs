using System.Collections.Concurrent;

namespace TherapyBilling.Rules;

/// <summary>Shares one string instance per distinct code or modifier text, so parsing a known code allocates nothing.</summary>
internal static class CodeStrings
{
    private static readonly ConcurrentDictionary<string, string> s_pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_lookup =
        s_pool.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Intern(ReadOnlySpan<char> text)
    {
        if (s_lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        // Bound the pool so hostile input cannot grow it without limit.
        var created = text.ToString();
        return s_pool.Count < 100_000 ? s_pool.GetOrAdd(created, created) : created;
    }
}
