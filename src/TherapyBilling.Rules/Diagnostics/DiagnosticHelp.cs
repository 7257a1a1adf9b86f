using System.Collections.Concurrent;

namespace TherapyBilling.Rules;

/// <summary>The diagnostic pages embedded in the library, one resource per id (<c>TherapyBilling.Rules.Help.TBR303.md</c>), built from <c>docs/diagnostics/</c>.</summary>
internal static class DiagnosticHelp
{
    private const string Prefix = "TherapyBilling.Rules.Help.";
    private static readonly ConcurrentDictionary<string, string?> s_pages = new(StringComparer.Ordinal);

    public static string? Find(string id) => s_pages.GetOrAdd(id, static key =>
    {
        using var stream = typeof(DiagnosticHelp).Assembly.GetManifestResourceStream(Prefix + key + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    });
}
