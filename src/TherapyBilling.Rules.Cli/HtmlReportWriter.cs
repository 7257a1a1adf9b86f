using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// Writes one self-contained HTML file (inline CSS, SVG and script; nothing fetched): the run, a summary with a chart
/// of findings by rule and severity, and a filterable, paged table of encounters whose rows open to the lines, the
/// units explained, the findings with their fixes and help.
/// </summary>
/// <remarks>
/// Streamed: each encounter is one line of JSON in a <c>&lt;script type="application/json"&gt;</c> block as it comes,
/// and the script draws one page of rows at a time, so neither the writer nor the browser builds 100,000 rows. The JSON
/// escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes and everything outside ASCII (U+2028 and U+2029 included),
/// so no value can end the block. Repeated text is written once (<see cref="HtmlStringTable"/>). Only what the json format writes appears (ids, codes, modifiers, numbers, paths, the
/// library's messages and fixes) plus the units explanation the library words from codes and minutes.
/// </remarks>
internal sealed class HtmlReportWriter : IReportWriter
{
    private const int FlushThreshold = 1 << 15;
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonWriterOptions s_json = new() { Indented = false, Encoder = JavaScriptEncoder.Default };
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _json;
    private readonly SortedDictionary<string, string> _helpLinks = new(StringComparer.Ordinal);
    private readonly HtmlStringTable _strings = new();
    private RunInfo? _run;
    private bool _any;

    public HtmlReportWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(stream, s_json);
    }

    public void Begin(RunInfo run)
    {
        _run = run;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(HtmlReportAssets.ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlText.Escape(RunInfo.ToolName + " report: " + Printable.Of(run.InputName))).Append("</title>\n")
            .Append("<style>").Append(HtmlReportAssets.Css).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<h1>").Append(HtmlText.Escape(RunInfo.ToolName + " check " + Printable.Of(run.InputName))).Append("</h1>\n")
            .Append("<p class=\"muted\">").Append(HtmlText.Escape(RunInfo.ToolName + " " + run.ToolVersion + "; fail-on " + run.FailOnText)).Append("</p>\n<ul class=\"muted\">\n");
        foreach (var table in run.Rules)
        {
            html.Append("<li>").Append(HtmlText.Escape(table.Name + " " + table.Version + " (" + table.Source + (table.Provenance is { } p ? "; " + p : string.Empty) + ")"));
            if (table.Notice is { } notice)
            {
                html.Append(" <span class=\"sev-").Append(SeverityText.Of(notice.Severity)).Append("\">")
                    .Append(HtmlText.Escape(SeverityText.Of(notice.Severity) + " " + notice.Id + ": " + notice.Message)).Append("</span>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n</header>\n<script type=\"application/json\" id=\"tbr-data\">[");
        Raw(html.ToString());
    }

    public void Write(CheckResult result)
    {
        _json.Flush();
        Raw(_any ? ",\n" : "\n");
        _any = true;
        _json.Reset();
        WriteResult(result);
        if (_json.BytesPending > FlushThreshold)
        {
            _json.Flush();
        }
    }

    public void End(CheckSummary summary)
    {
        _json.Flush();
        var html = new StringBuilder();
        html.Append(_any ? "\n]" : "]").Append("</script>\n<script type=\"application/json\" id=\"tbr-help\">");
        Raw(html.ToString());
        _json.Reset();
        WriteHelp(summary);
        _json.Flush();
        Raw("</script>\n<script type=\"application/json\" id=\"tbr-strings\">");
        _json.Reset();
        _strings.WriteTo(_json);
        _json.Flush();
        html.Clear().Append("</script>\n");
        HtmlReportSummary.Append(html, summary, _run!, _helpLinks);
        HtmlReportSummary.AppendTable(html, summary);
        html.Append("<script>").Append(HtmlReportAssets.Script).Append("</script>\n</body>\n</html>\n");
        Raw(html.ToString());
        _stream.Flush();
    }

    public void Dispose() => _json.Dispose();

    /// <summary>One encounter: <c>id, s</c>tatus, <c>d</c>ate, <c>m</c>ethod, <c>t</c>imed minutes, <c>u</c>nits, <c>l</c>ines, e<c>x</c>planation, <c>f</c>indings, suppressed (<c>z</c>).</summary>
    private void WriteResult(CheckResult result)
    {
        _json.WriteStartObject();
        _json.WriteString("id", result.PrintableName);
        _json.WriteString("s", result.Passed ? "pass" : "fail");
        if (result.Report is { } report)
        {
            _json.WriteString("d", EncounterJson.FormatDate(report.DateOfService));
            _json.WriteString("m", EncounterJson.MethodName(report.Method));
            _json.WriteNumber("t", report.Units.TimedMinutes);
            _json.WriteNumber("u", report.Units.TotalUnits);
            _json.WriteStartArray("l");
            foreach (var line in report.Lines)
            {
                _json.WriteStartArray();
                _json.WriteStringValue(line.Code.Value);
                _json.WriteNumberValue(line.Minutes);
                _json.WriteNumberValue(line.Units);
                _json.WriteStringValue(string.Join(' ', line.Modifiers.Select(static m => m.Value)));
                _json.WriteEndArray();
            }

            _json.WriteEndArray();
            _json.WriteStartArray("x");
            foreach (string step in report.Units.Explain().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                _strings.WriteValue(_json, step.Trim());
            }

            _json.WriteEndArray();
        }

        _json.WriteStartArray("f");
        foreach (var diagnostic in result.Diagnostics)
        {
            _helpLinks.TryAdd(diagnostic.Id, diagnostic.HelpLink);
            _json.WriteStartArray();
            _json.WriteStringValue(diagnostic.Id);
            _json.WriteStringValue(SeverityText.Of(diagnostic.Severity));
            _json.WriteStringValue(diagnostic.Path);
            _strings.WriteValue(_json, Printable.Of(diagnostic.Message));
            _json.WriteStartArray();
            foreach (var fix in diagnostic.Fixes)
            {
                _strings.WriteValue(_json, Printable.Of(FixText.Line(fix)));
            }

            _json.WriteEndArray();
            _json.WriteEndArray();
        }

        _json.WriteEndArray();
        if (result.Report is { Suppressed.IsDefaultOrEmpty: false } suppressedIn)
        {
            _json.WriteStartArray("z");
            foreach (var suppressed in suppressedIn.Suppressed)
            {
                _json.WriteStartArray();
                _json.WriteStringValue(suppressed.Diagnostic.Id);
                _json.WriteStringValue(SeverityText.Of(suppressed.Diagnostic.Severity));
                _json.WriteStringValue(suppressed.Diagnostic.Path);
                _strings.WriteValue(_json, Printable.Of(suppressed.Suppression.Reason));
                _json.WriteEndArray();
            }

            _json.WriteEndArray();
        }

        _json.WriteEndObject();
    }

    /// <summary>Per id: its title and its help (the <c>explain</c> command, or the page's URL when a help base URL is set).</summary>
    private void WriteHelp(CheckSummary summary)
    {
        _json.WriteStartObject();
        foreach (string id in summary.ById.Keys)
        {
            _json.WriteStartArray(id);
            _json.WriteStringValue(DiagnosticDescriptors.Find(id)?.Title ?? string.Empty);
            _json.WriteStringValue(_helpLinks.GetValueOrDefault(id, string.Empty));
            _json.WriteEndArray();
        }

        _json.WriteEndObject();
    }

    private void Raw(string text) => _stream.Write(s_utf8.GetBytes(text));
}
