namespace TherapyBilling.Rules;

/// <summary>Shares one string instance per distinct code or modifier text, so parsing a known code allocates nothing.</summary>
internal static class CodeStrings
{
    private static readonly SpanStringPool s_pool = new();

    public static string Intern(ReadOnlySpan<char> text)
    {
        if (s_pool.TryGet(text, out var existing))
        {
            return existing;
        }

        // Bound the pool so hostile input cannot grow it without limit.
        var created = text.ToString();
        return s_pool.Count < 100_000 ? s_pool.GetOrAdd(created) : created;
    }
}
