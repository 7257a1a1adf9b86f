using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>Builds paths into the input in one format: <c>segments[2].end</c>, 0-based indices.</summary>
/// <remarks>
/// <c>segments[i]</c> and <c>lines[i]</c> for the first <see cref="CachedIndices"/> indices are built once and shared
/// (strings are immutable; two threads filling the same slot store equal strings, so the race is harmless): the
/// payer lines name every billed line's path on every encounter.
/// </remarks>
internal static class Paths
{
    /// <summary>How many indices of <c>segments</c> and <c>lines</c> keep their path string.</summary>
    internal const int CachedIndices = 32;

    private static readonly string?[] s_segments = new string?[CachedIndices];
    private static readonly string?[] s_lines = new string?[CachedIndices];

    public static string Segment(int index) => Index("segments", index);

    public static string Segment(int index, string member) => Index("segments", index) + "." + member;

    public static string Index(string collection, int index)
    {
        var cache = (uint)index >= CachedIndices ? null
            : string.Equals(collection, "segments", StringComparison.Ordinal) ? s_segments
            : string.Equals(collection, "lines", StringComparison.Ordinal) ? s_lines
            : null;
        return cache is null ? Build(collection, index) : cache[index] ??= Build(collection, index);
    }

    public static string Index(string collection, int index, string member) =>
        string.Create(CultureInfo.InvariantCulture, $"{collection}[{index}].{member}");

    private static string Build(string collection, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{collection}[{index}]");
}
