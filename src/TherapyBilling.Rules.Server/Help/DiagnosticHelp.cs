using System.Collections.Frozen;
using System.Text;
using System.Text.Encodings.Web;

namespace TherapyBilling.Rules.Server.Help;

/// <summary>
/// The help pages of the diagnostics (<c>docs/diagnostics/TBRnnn.md</c>), embedded in the server at build time. The
/// core library does not carry help text yet; when it does, this class reads it from the descriptors instead.
/// </summary>
internal static class DiagnosticHelp
{
    private static readonly FrozenDictionary<string, string> s_pages = Load();

    /// <summary>Gets the Markdown page of an id, or <see langword="null"/>.</summary>
    public static string? Markdown(string id) => s_pages.GetValueOrDefault(id);

    /// <summary>Gets the ids that have a page.</summary>
    public static IEnumerable<string> Ids => s_pages.Keys;

    /// <summary>Renders a page as a small, self-contained HTML document (headings, paragraphs, code blocks; everything escaped).</summary>
    public static string Html(string id, string markdown)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(HtmlEncoder.Default.Encode(id)).Append("</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:1rem auto;padding:0 1rem;color:#111}pre{background:#f3f3f3;padding:.5rem;overflow:auto}</style></head><body>");
        bool inCode = false;
        foreach (string raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (raw.StartsWith("```", StringComparison.Ordinal))
            {
                html.Append(inCode ? "</code></pre>" : "<pre><code>");
                inCode = !inCode;
            }
            else if (inCode)
            {
                html.Append(HtmlEncoder.Default.Encode(raw)).Append('\n');
            }
            else if (raw.StartsWith("## ", StringComparison.Ordinal))
            {
                html.Append("<h2>").Append(HtmlEncoder.Default.Encode(raw[3..])).Append("</h2>");
            }
            else if (raw.StartsWith("# ", StringComparison.Ordinal))
            {
                html.Append("<h1>").Append(HtmlEncoder.Default.Encode(raw[2..])).Append("</h1>");
            }
            else if (raw.Length > 0)
            {
                html.Append("<p>").Append(HtmlEncoder.Default.Encode(raw)).Append("</p>");
            }
        }

        return html.Append(inCode ? "</code></pre>" : string.Empty).Append("</body></html>").ToString();
    }

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(DiagnosticHelp).Assembly;
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith("help/", StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                pages[name[5..^3]] = reader.ReadToEnd();
            }
        }

        return pages.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
