using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// Writes the JSON output contract, streamed: <c>json</c> is one document <c>{ tool, rules, encounters, summary }</c>;
/// <c>ndjson</c> is one encounter result per line, then one line <c>{ tool, rules, summary }</c>.
/// </summary>
internal sealed class JsonReportWriter : IReportWriter, IResultRenderer
{
    private const int FlushThreshold = 1 << 15;
    private static readonly JsonWriterOptions s_indented = new() { Indented = true, Encoder = SafeJsonEncoder.Instance, NewLine = "\n" };
    private static readonly JsonWriterOptions s_compact = new() { Indented = false, Encoder = SafeJsonEncoder.Instance };
    private readonly Stream _stream;
    private readonly bool _lines;
    private readonly Utf8JsonWriter _writer;
    private RunInfo? _run;

    // One buffer and writer per thread for Render (a worker renders its own results).
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic]
    private static Utf8JsonWriter? t_lineWriter;

    public JsonReportWriter(Stream stream, bool lines)
    {
        _stream = stream;
        _lines = lines;
        _writer = new Utf8JsonWriter(stream, lines ? s_compact : s_indented);
    }

    public void Begin(RunInfo run)
    {
        _run = run;
        if (_lines)
        {
            return;
        }

        _writer.WriteStartObject();
        WriteRunInfo(run);
        _writer.WriteStartArray("encounters");
    }

    public void Write(CheckResult result)
    {
        if (_lines)
        {
            // Through the line buffer, not the stream's writer: Utf8JsonWriter.Flush also flushes the stream (a write
            // to the file per record).
            _stream.Write(RenderLine(result));
            return;
        }

        WriteResult(_writer, result);
        if (_writer.BytesPending > FlushThreshold)
        {
            _writer.Flush();
        }
    }

    /// <inheritdoc/>
    public bool CanRender => _lines;

    /// <inheritdoc/>
    /// <remarks>An NDJSON line does not depend on the lines before it: the same bytes <see cref="Write"/> writes.</remarks>
    public byte[] Render(CheckResult result) => RenderLine(result).ToArray();

    /// <summary>Renders one NDJSON line (with its line feed) into this thread's buffer; valid until the thread's next call.</summary>
    private static ReadOnlySpan<byte> RenderLine(CheckResult result)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 12);
        buffer.ResetWrittenCount();
        var writer = t_lineWriter ??= new Utf8JsonWriter(buffer, s_compact);
        writer.Reset(buffer);
        WriteResult(writer, result);
        writer.Flush();
        buffer.Write("\n"u8);
        return buffer.WrittenSpan;
    }

    /// <inheritdoc/>
    public void WriteRendered(byte[] rendered) => _stream.Write(rendered);

    public void End(CheckSummary summary)
    {
        if (_lines)
        {
            _writer.WriteStartObject();
            WriteRunInfo(_run!);
        }
        else
        {
            _writer.WriteEndArray();
        }

        _writer.WriteStartObject("summary");
        _writer.WriteNumber("encounters", summary.Encounters);
        _writer.WriteNumber("passed", summary.Passed);
        _writer.WriteNumber("failed", summary.Failed);
        _writer.WriteNumber("errors", summary.Errors);
        _writer.WriteNumber("warnings", summary.Warnings);
        _writer.WriteNumber("infos", summary.Infos);
        _writer.WriteStartObject("byId");
        foreach (var (id, counts) in summary.ById)
        {
            _writer.WriteStartObject(id);
            _writer.WriteNumber("error", counts[0]);
            _writer.WriteNumber("warning", counts[1]);
            _writer.WriteNumber("info", counts[2]);
            _writer.WriteEndObject();
        }

        _writer.WriteEndObject();
        if (summary.Suppressed > 0)
        {
            _writer.WriteStartObject("suppressed");
            _writer.WriteNumber("total", summary.Suppressed);
            _writer.WriteStartObject("byId");
            foreach (var (id, count) in summary.SuppressedById)
            {
                _writer.WriteNumber(id, count);
            }

            _writer.WriteEndObject();
            _writer.WriteEndObject();
        }

        _writer.WriteEndObject();
        _writer.WriteEndObject();
        if (_lines)
        {
            EndLine();
        }
        else
        {
            _writer.Flush();
            _stream.WriteByte((byte)'\n');
        }

        _stream.Flush();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Writes one encounter result object (the element of <c>encounters</c>).</summary>
    internal static void WriteResult(Utf8JsonWriter writer, CheckResult result)
    {
        writer.WriteStartObject();
        if (result.Id is null)
        {
            writer.WriteNull("id");
        }
        else
        {
            writer.WriteString("id", result.Id);
        }

        writer.WriteString("status", result.Passed ? "pass" : "fail");
        if (result.Report is { } report)
        {
            writer.WriteString("method", EncounterJson.MethodName(report.Method));
            writer.WriteNumber("timedMinutes", report.Units.TimedMinutes);
            writer.WriteNumber("totalUnits", report.Units.TotalUnits);
        }
        else
        {
            writer.WriteNull("method");
            writer.WriteNull("timedMinutes");
            writer.WriteNull("totalUnits");
        }

        writer.WriteStartArray("lines");
        if (result.Report is { } r)
        {
            foreach (var line in r.Lines)
            {
                writer.WriteStartObject();
                writer.WriteString("code", line.Code.Value);
                writer.WriteNumber("minutes", line.Minutes);
                writer.WriteNumber("units", line.Units);
                writer.WriteStartArray("modifiers");
                foreach (var modifier in line.Modifiers)
                {
                    writer.WriteStringValue(modifier.Value);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in result.Diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("id", diagnostic.Id);
            writer.WriteString("severity", SeverityText.Of(diagnostic.Severity));
            writer.WriteString("message", diagnostic.Message);
            writer.WriteString("path", diagnostic.Path);
            writer.WriteString("helpLink", diagnostic.HelpLink);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("fixes");
        foreach (var fix in result.Report?.Fixes ?? [])
        {
            FixText.Write(writer, fix);
        }

        writer.WriteEndArray();
        SuppressedJson.Write(writer, result.Report);
        writer.WriteEndObject();
    }

    private void WriteRunInfo(RunInfo run)
    {
        _writer.WriteStartObject("tool");
        _writer.WriteString("name", RunInfo.ToolName);
        _writer.WriteString("version", run.ToolVersion);
        _writer.WriteEndObject();
        _writer.WriteStartObject("rules");
        foreach (var table in run.Rules)
        {
            _writer.WriteStartObject(table.Name);
            _writer.WriteString("version", table.Version);
            _writer.WriteString("source", table.Source);
            if (table.Provenance is { } provenance)
            {
                _writer.WriteString("provenance", provenance);
            }

            if (table.Notice is { } notice)
            {
                // Once per run, not per encounter or line (for example TBR315: MUE not checked).
                _writer.WriteStartObject("notice");
                _writer.WriteString("id", notice.Id);
                _writer.WriteString("severity", SeverityText.Of(notice.Severity));
                _writer.WriteString("message", notice.Message);
                _writer.WriteEndObject();
            }

            _writer.WriteEndObject();
        }

        _writer.WriteEndObject();
    }

    private void EndLine()
    {
        _writer.Flush();
        _stream.WriteByte((byte)'\n');
        _writer.Reset();
    }
}
