using System.Globalization;
using System.Text;
using Spectre.Console;

namespace TherapyBilling.Rules.Cli;

/// <summary>Writes a readable table per encounter: coloured on a terminal, plain when redirected or when <c>NO_COLOR</c> is set.</summary>
internal sealed class TextReportWriter : IReportWriter, IResultRenderer
{
    private static readonly UTF8Encoding s_utf8 = new(false);
    private readonly IAnsiConsole _console;
    private readonly StreamWriter _text;
    private readonly bool _color;
    private readonly int _width;

    // A console per worker thread for Render, with this writer's settings, writing to a string.
    private readonly ThreadLocal<(StringWriter Text, IAnsiConsole Console)> _perThread;
    private RunInfo? _run;

    public TextReportWriter(Stream stream, bool color, int width)
    {
        _color = color;
        _width = width;
        _text = new StreamWriter(stream, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\n", AutoFlush = false };
        _console = CreateConsole(_text, color, width);
        _perThread = new ThreadLocal<(StringWriter, IAnsiConsole)>(() =>
        {
            var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            return (text, CreateConsole(text, _color, _width));
        });
    }

    public void Begin(RunInfo run) => _run = run;

    public void Write(CheckResult result) =>
        WriteRendered(Render(result)); // not through _text: StreamWriter.Flush flushes the stream too (a write per record)

    /// <inheritdoc/>
    public bool CanRender => true;

    /// <inheritdoc/>
    /// <remarks>A result's table depends only on the result, the colours and the width: the same text <see cref="Write"/> writes.</remarks>
    public byte[] Render(CheckResult result)
    {
        var (text, console) = _perThread.Value;
        text.GetStringBuilder().Clear();
        WriteResult(console, result);
        return s_utf8.GetBytes(text.ToString());
    }

    /// <inheritdoc/>
    public void WriteRendered(byte[] rendered) => _text.BaseStream.Write(rendered); // only End writes through _text

    internal void WriteResult(IAnsiConsole output, CheckResult result)
    {
        var status = result.Passed ? new Text("PASS", Style(Color.Green, Decoration.Bold)) : new Text("FAIL", Style(Color.Red, Decoration.Bold));
        var header = new StringBuilder(result.PrintableName);
        if (result.Report is { } report)
        {
            header.Append(CultureInfo.InvariantCulture, $"  {EncounterJson.FormatDate(report.DateOfService)}  {EncounterJson.MethodName(report.Method).ToUpperInvariant()}  timed minutes {report.Units.TimedMinutes}, total units {report.Units.TotalUnits}");
        }
        else
        {
            header.Append("  not checked: fix the input errors below");
        }

        output.Write(status);
        output.Write(new Text(" " + header + "\n", Style(Color.Default, Decoration.Bold)));

        if (result.Report is { } r && !r.Lines.IsEmpty)
        {
            var table = NewTable("Code", "Minutes", "Units", "Modifiers");
            foreach (var line in r.Lines)
            {
                table.AddRow(
                    new Text(line.Code.Value),
                    new Text(line.Minutes.ToString(CultureInfo.InvariantCulture)),
                    new Text(line.Units.ToString(CultureInfo.InvariantCulture)),
                    new Text(string.Join(' ', line.Modifiers.Select(m => m.Value))));
            }

            table.Columns[1].RightAligned();
            table.Columns[2].RightAligned();
            output.Write(table);
        }

        if (!result.Diagnostics.IsEmpty)
        {
            var findings = NewTable("Severity", "Id", "Path", "Message");
            foreach (var d in result.Diagnostics)
            {
                findings.AddRow(
                    new Text(SeverityText.Of(d.Severity), SeverityStyle(d.Severity)),
                    new Text(d.Id),
                    new Text(d.Path.Length == 0 ? "(encounter)" : d.Path),
                    new Text(Printable.Of(d.Message)));
                foreach (var fix in d.Fixes)
                {
                    findings.AddRow(new Text(string.Empty), new Text(string.Empty), new Text(string.Empty), new Text(FixText.Line(fix), Style(Color.Green, Decoration.None)));
                }
            }

            output.Write(findings);
        }

        if (result.Report is { Suppressed: { IsDefaultOrEmpty: false } suppressed })
        {
            foreach (var entry in suppressed)
            {
                var d = entry.Diagnostic;
                output.Write(new Text(
                    $"suppressed {SeverityText.Of(d.Severity)} {d.Id} at {(d.Path.Length == 0 ? "(encounter)" : d.Path)}: {Printable.Of(entry.Suppression.Reason)}\n",
                    Style(Color.Grey, Decoration.None)));
            }
        }

        output.Write(new Text("\n"));
    }

    public void End(CheckSummary summary)
    {
        var run = _run!;
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"{summary.Encounters} encounter(s): {summary.Passed} passed, {summary.Failed} failed (fail-on {run.FailOnText}); {summary.Errors} error(s), {summary.Warnings} warning(s), {summary.Infos} info(s).");
        if (summary.ById.Count > 0)
        {
            var byId = NewTable("Id", "Errors", "Warnings", "Infos");
            foreach (var (id, counts) in summary.ById)
            {
                byId.AddRow(id, counts[0].ToString(CultureInfo.InvariantCulture), counts[1].ToString(CultureInfo.InvariantCulture), counts[2].ToString(CultureInfo.InvariantCulture));
            }

            byId.Columns[1].RightAligned();
            byId.Columns[2].RightAligned();
            byId.Columns[3].RightAligned();
            _console.Write(byId);
        }

        _console.Write(new Text(line + "\n", Style(summary.Failed > 0 ? Color.Red : Color.Green, Decoration.Bold)));
        if (summary.Suppressed > 0)
        {
            _console.Write(new Text("suppressed: " + SuppressedCounts(summary) + "\n"));
        }

        string rules = string.Join("; ", run.Rules.Select(t => $"{t.Name} {t.Version} ({t.Source}{(t.Provenance is { } p ? "; " + p : string.Empty)})"));
        _console.Write(new Text($"{RunInfo.ToolName} {run.ToolVersion}; rules: {rules}\n"));
        foreach (var notice in run.Rules.Select(static t => t.Notice).OfType<Diagnostic>())
        {
            _console.Write(new Text($"{SeverityText.Of(notice.Severity)} {notice.Id}: {notice.Message}\n"));
        }
        _text.Flush();
    }

    public void Dispose()
    {
        _perThread.Dispose();
        _text.Dispose();
    }

    /// <summary>The counts "N (TBR106 x2, TBR401 x1)": findings left out by the configuration's suppressions, by id.</summary>
    internal static string SuppressedCounts(CheckSummary summary) =>
        string.Create(CultureInfo.InvariantCulture, $"{summary.Suppressed} ({string.Join(", ", summary.SuppressedById.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} x{p.Value}")))})");

    internal static IAnsiConsole CreateConsole(TextWriter writer, bool color, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = color;
        return console;
    }

    internal static Table NewTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Ascii);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    private Style SeverityStyle(Severity severity) => severity switch
    {
        Severity.Error => Style(Color.Red, Decoration.None),
        Severity.Warning => Style(Color.Yellow, Decoration.None),
        _ => Style(Color.Blue, Decoration.None),
    };

    private Style Style(Color color, Decoration decoration) => _color ? new Style(color, decoration: decoration) : new Style(decoration: decoration);
}
