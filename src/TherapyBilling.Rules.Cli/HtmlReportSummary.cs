using System.Globalization;
using System.Text;

namespace TherapyBilling.Rules.Cli;

/// <summary>The parts of the HTML report written at the end, from the summary's counters: counts, chart, per-id table, and the encounter table's frame.</summary>
internal static class HtmlReportSummary
{
    private const int LabelWidth = 70;
    private const int BarWidth = 480;
    private const int RowHeight = 22;
    private static readonly string[] s_severities = ["error", "warning", "info"];

    /// <summary>Appends the summary section: counts by status and severity, the chart and the per-id table.</summary>
    /// <param name="html">The page so far.</param>
    /// <param name="summary">The counters.</param>
    /// <param name="run">The run.</param>
    /// <param name="helpLinks">The help of each id as its findings gave it (an absolute URL when a help base URL is set).</param>
    public static void Append(StringBuilder html, CheckSummary summary, RunInfo run, IReadOnlyDictionary<string, string> helpLinks)
    {
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"counts\">\n");
        Count(html, "count-encounters", "encounters", summary.Encounters, string.Empty);
        Count(html, "count-passed", "passed", summary.Passed, "status-pass");
        Count(html, "count-failed", "failed (fail-on " + run.FailOnText + ")", summary.Failed, "status-fail");
        Count(html, "count-errors", "errors", summary.Errors, "sev-error");
        Count(html, "count-warnings", "warnings", summary.Warnings, "sev-warning");
        Count(html, "count-infos", "infos", summary.Infos, "sev-info");
        html.Append("</ul>\n");
        if (summary.ById.Count == 0)
        {
            html.Append("<p>No findings.</p>\n</section>\n");
            return;
        }

        html.Append("<h3>Findings by rule and severity</h3>\n<p class=\"legend\"><span class=\"sev-error\">error</span><span class=\"sev-warning\">warning</span><span class=\"sev-info\">info</span></p>\n");
        Chart(html, summary);
        html.Append("<table id=\"by-id\">\n<thead><tr><th>Rule</th><th>Title</th><th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Infos</th><th>Help</th></tr></thead>\n<tbody>\n");
        foreach (var (id, counts) in summary.ById)
        {
            var descriptor = DiagnosticDescriptors.Find(id);
            html.Append("<tr data-rule=\"").Append(HtmlText.Escape(id)).Append("\"><td class=\"mono\">").Append(HtmlText.Escape(id)).Append("</td><td>")
                .Append(HtmlText.Escape(descriptor?.Title ?? string.Empty)).Append("</td>");
            foreach (int count in counts)
            {
                html.Append("<td class=\"num\">").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("<td><code>").Append(HtmlText.Escape(helpLinks.GetValueOrDefault(id) ?? descriptor?.HelpLink ?? string.Empty)).Append("</code></td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>Appends the encounter section: filters (shown once the script runs), the counts of what is shown, the table and its pager.</summary>
    public static void AppendTable(StringBuilder html, CheckSummary summary)
    {
        html.Append("<section id=\"encounters\">\n<h2>Encounters</h2>\n")
            .Append("<noscript><p class=\"noscript\">The encounter table needs JavaScript; the summary above is complete without it.</p></noscript>\n")
            .Append("<div id=\"filters\" hidden>\n<div class=\"filters\">\n")
            .Append("<label for=\"f-rule\">Rule<select id=\"f-rule\"><option value=\"\">all rules</option>");
        foreach (string id in summary.ById.Keys)
        {
            string value = HtmlText.Escape(id);
            html.Append("<option value=\"").Append(value).Append("\">").Append(value).Append("</option>");
        }

        html.Append("</select></label>\n<label for=\"f-severity\">Severity<select id=\"f-severity\"><option value=\"\">any severity</option>");
        foreach (string severity in s_severities)
        {
            html.Append("<option value=\"").Append(severity).Append("\">").Append(severity).Append("</option>");
        }

        html.Append("</select></label>\n")
            .Append("<label for=\"f-status\">Status<select id=\"f-status\"><option value=\"\">any status</option><option value=\"pass\">pass</option><option value=\"fail\">fail</option></select></label>\n")
            .Append("<label for=\"f-search\">Encounter id<input id=\"f-search\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\"></label>\n</div>\n")
            .Append("<p id=\"shown\" aria-live=\"polite\">Shown: <b id=\"shown-encounters\">0</b> of ").Append(summary.Encounters.ToString(CultureInfo.InvariantCulture))
            .Append(" encounters (<span class=\"status-pass\"><b id=\"shown-pass\">0</b> pass</span>, <span class=\"status-fail\"><b id=\"shown-fail\">0</b> fail</span>); <b id=\"shown-findings\">0</b> matching findings</p>\n")
            .Append("<table id=\"encounter-table\">\n<thead><tr><th>Status</th><th>Encounter</th><th>Date</th><th>Method</th><th class=\"num\">Timed min</th><th class=\"num\">Units</th>")
            .Append("<th class=\"num\">Errors</th><th class=\"num\">Warnings</th><th class=\"num\">Infos</th><th>Rules</th></tr></thead>\n<tbody id=\"encounter-rows\"></tbody>\n</table>\n")
            .Append("<div class=\"pager\"><button type=\"button\" id=\"page-prev\">Previous</button><span id=\"page-text\"></span><button type=\"button\" id=\"page-next\">Next</button></div>\n")
            .Append("</div>\n</section>\n");
    }

    private static void Count(StringBuilder html, string id, string label, int value, string className)
    {
        html.Append(className.Length == 0 ? "<li>" : "<li class=\"" + className + "\">").Append("<b id=\"").Append(id).Append("\">").Append(value.ToString(CultureInfo.InvariantCulture))
            .Append("</b>").Append(HtmlText.Escape(label)).Append("</li>\n");
    }

    /// <summary>A horizontal stacked bar per rule id (errors, warnings, infos), scaled to the largest total.</summary>
    private static void Chart(StringBuilder html, CheckSummary summary)
    {
        int max = Math.Max(1, summary.ById.Values.Max(static c => c[0] + c[1] + c[2]));
        int height = (summary.ById.Count * RowHeight) + 8;
        html.Append(CultureInfo.InvariantCulture, $"<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Findings by rule and severity\" width=\"640\" height=\"{height}\" viewBox=\"0 0 640 {height}\">\n");
        int y = 4;
        foreach (var (id, counts) in summary.ById)
        {
            string rule = HtmlText.Escape(id);
            html.Append("<g class=\"rule\" data-rule=\"").Append(rule).Append("\"><title>").Append(rule)
                .Append(CultureInfo.InvariantCulture, $": {counts[0]} error(s), {counts[1]} warning(s), {counts[2]} info(s)</title>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\">{rule}</text>");
            double x = LabelWidth;
            for (int s = 0; s < 3; s++)
            {
                if (counts[s] == 0)
                {
                    continue;
                }

                double width = Math.Max(1.0, Math.Round(counts[s] * (double)BarWidth / max, 1));
                html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-{s_severities[s]}\" x=\"{x:0.#}\" y=\"{y + 2}\" width=\"{width:0.#}\" height=\"{RowHeight - 6}\"></rect>");
                x += width;
            }

            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6:0.#}\" y=\"{y + 14}\">{counts[0] + counts[1] + counts[2]}</text></g>\n");
            y += RowHeight;
        }

        html.Append("</svg>\n");
    }
}
