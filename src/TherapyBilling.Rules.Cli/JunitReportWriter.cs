using System.Globalization;
using System.Text;
using System.Xml;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// Writes JUnit XML: one <c>testcase</c> per encounter; a <c>failure</c> carries the findings at or above
/// <c>--fail-on</c>, and <c>system-out</c> lists every finding. GitLab, Jenkins, Azure DevOps and GitHub test
/// reporters read this shape.
/// </summary>
/// <remarks>
/// Test cases are spooled to a temporary file (deleted on close) because the suite's counts come first in the
/// document; memory stays flat. Only ids, codes, paths and the library's messages are written, never input text.
/// </remarks>
internal sealed class JunitReportWriter : IReportWriter
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Stream _output;
    private readonly FileStream _spool;
    private readonly XmlWriter _cases;
    private RunInfo? _run;
    private string _className = "therapy-rules";

    public JunitReportWriter(Stream output)
    {
        _output = output;
        _spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _cases = XmlWriter.Create(_spool, Settings(ConformanceLevel.Fragment));
    }

    public void Begin(RunInfo run)
    {
        _run = run;
        _className = "therapy-rules." + Printable.Of(run.InputName);
    }

    public void Write(CheckResult result)
    {
        _cases.WriteStartElement("testcase");
        _cases.WriteAttributeString("classname", _className);
        _cases.WriteAttributeString("name", result.PrintableName);
        _cases.WriteAttributeString("time", "0");
        if (!result.Passed)
        {
            var failing = result.Diagnostics.Where(d => d.Severity >= (_run!.FailOn ?? Severity.Error)).ToList();
            _cases.WriteStartElement("failure");
            _cases.WriteAttributeString("type", failing.Count > 0 ? failing[0].Id : "finding");
            _cases.WriteAttributeString("message", string.Create(CultureInfo.InvariantCulture, $"{failing.Count} finding(s) at or above {_run!.FailOnText}: {string.Join(", ", failing.Select(d => d.Id).Distinct())}"));
            WriteMultiline(Lines(failing));
            _cases.WriteEndElement();
        }

        if (!result.Diagnostics.IsEmpty)
        {
            _cases.WriteStartElement("system-out");
            WriteMultiline(Lines(result.Diagnostics));
            _cases.WriteEndElement();
        }

        _cases.WriteEndElement();
    }

    public void End(CheckSummary summary)
    {
        _cases.Flush();
        _spool.Position = 0;
        using var writer = XmlWriter.Create(_output, Settings(ConformanceLevel.Document));
        writer.WriteStartDocument();
        writer.WriteStartElement("testsuites");
        writer.WriteAttributeString("name", RunInfo.ToolName);
        WriteCounts(writer, summary);
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", "therapy-rules check " + Printable.Of(_run!.InputName));
        WriteCounts(writer, summary);
        writer.WriteAttributeString("skipped", "0");
        writer.WriteStartElement("properties");
        Property(writer, "tool", RunInfo.ToolName + " " + _run.ToolVersion);
        Property(writer, "fail-on", _run.FailOnText);
        if (summary.Suppressed > 0)
        {
            Property(writer, "suppressed", TextReportWriter.SuppressedCounts(summary));
        }

        foreach (var table in _run.Rules)
        {
            Property(writer, table.Name, table.Version + " (" + table.Source + (table.Provenance is { } p ? "; " + p : string.Empty) + ")");
            if (table.Notice is { } notice)
            {
                Property(writer, table.Name + ".notice", notice.Id + ": " + notice.Message);
            }
        }

        writer.WriteEndElement();
        writer.Flush();

        // Copy the spooled test cases, indented under <testsuite>. New lines inside text are written as character
        // references (WriteMultiline), so every physical line of the spool is markup and can be indented safely.
        using (var reader = new StreamReader(_spool, s_utf8, false, 1 << 16, leaveOpen: true))
        {
            var text = new StreamWriter(_output, s_utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            while (reader.ReadLine() is { } line)
            {
                text.Write("\n    ");
                text.Write(line);
            }

            text.Flush();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
        writer.Flush();
        _output.WriteByte((byte)'\n');
        _output.Flush();
    }

    public void Dispose()
    {
        _cases.Dispose();
        _spool.Dispose();
    }

    private static XmlWriterSettings Settings(ConformanceLevel level) => new()
    {
        ConformanceLevel = level,
        Encoding = s_utf8,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    /// <summary>Writes text whose line breaks are character references, keeping the text on one physical line.</summary>
    private void WriteMultiline(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                _cases.WriteCharEntity('\n');
            }

            _cases.WriteString(Printable.Of(lines[i]));
        }
    }

    private static void WriteCounts(XmlWriter writer, CheckSummary summary)
    {
        writer.WriteAttributeString("tests", summary.Encounters.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("failures", summary.Failed.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", "0");
    }

    private static void Property(XmlWriter writer, string name, string value)
    {
        writer.WriteStartElement("property");
        writer.WriteAttributeString("name", name);
        writer.WriteAttributeString("value", value);
        writer.WriteEndElement();
    }

    private static string Lines(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var d in diagnostics)
        {
            text.Append(SeverityText.Of(d.Severity)).Append(' ').Append(d.Id).Append(' ')
                .Append(d.Path.Length == 0 ? "(encounter)" : d.Path).Append(": ").Append(d.Message).Append('\n');
            foreach (var fix in d.Fixes)
            {
                text.Append("  ").Append(FixText.Line(fix)).Append('\n');
            }
        }

        return text.ToString();
    }
}
