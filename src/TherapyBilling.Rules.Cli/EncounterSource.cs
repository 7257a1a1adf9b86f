using System.Text;
using System.Text.Json;

namespace TherapyBilling.Rules.Cli;

/// <summary>One encounter record of the input: its 0-based position, its 1-based line for NDJSON, and its JSON.</summary>
/// <param name="Index">The 0-based position among the input's encounters.</param>
/// <param name="Line">The 1-based line of an NDJSON record, or <see langword="null"/> for a JSON document.</param>
/// <param name="Element">The record; valid only until the next record is read (default when <paramref name="Malformed"/> is set).</param>
/// <param name="Malformed">For an NDJSON line that is not valid JSON: its 1-based line and (byte) column.</param>
internal readonly record struct InputRecord(int Index, int? Line, JsonElement Element, (long Line, long Column)? Malformed = null);

/// <summary>The input formats of <c>check</c>.</summary>
internal enum InputFormat
{
    /// <summary>One JSON document <c>{ "encounters": [ ... ] }</c>, read whole.</summary>
    Json = 1,

    /// <summary>One encounter per line, streamed.</summary>
    Ndjson = 2,
}

/// <summary>Reads encounter records from a JSON document or an NDJSON stream.</summary>
/// <remarks>
/// A JSON document is parsed whole before any record is returned, so malformed JSON is found before any output is
/// written, and throws <see cref="CliInputException"/> naming the 1-based line and (byte) column. NDJSON is streamed
/// line by line: memory stays flat whatever the size; blank lines are skipped; a line that is not valid JSON becomes a
/// malformed record in its place and the following lines are still read, so nothing is dropped.
/// </remarks>
internal static class EncounterSource
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };

    /// <summary>Chooses the input format from an explicit option, else from the file extension.</summary>
    public static InputFormat Detect(string? option, string file) => option switch
    {
        "json" => InputFormat.Json,
        "ndjson" => InputFormat.Ndjson,
        _ => file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? InputFormat.Ndjson
            : InputFormat.Json,
    };

    /// <summary>Reads the records of the input, lazily and in input order.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="format">The format.</param>
    /// <param name="name">The file name for messages (<c>&lt;stdin&gt;</c> for standard input).</param>
    /// <returns>The records.</returns>
    public static IEnumerable<InputRecord> Read(Stream stream, InputFormat format, string name) =>
        format == InputFormat.Ndjson ? ReadNdjson(stream, name) : ReadDocument(stream, name);

    private static IEnumerable<InputRecord> ReadDocument(Stream stream, string name)
    {
        using var document = Parse(() => JsonDocument.Parse(stream, s_options), name, null);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new CliInputException($"{name}: the document is not a JSON object; expected an object {{ \"encounters\": [ ... ] }} (or use --input-format ndjson for one encounter per line).");
        }

        if (!root.TryGetProperty("encounters", out var encounters) || encounters.ValueKind != JsonValueKind.Array)
        {
            throw new CliInputException($"{name}: the document has no \"encounters\" array; expected {{ \"encounters\": [ ... ] }}.");
        }

        int index = 0;
        foreach (var element in encounters.EnumerateArray())
        {
            yield return new InputRecord(index++, null, element);
        }
    }

    private static IEnumerable<InputRecord> ReadNdjson(Stream stream, string name)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        int lineNumber = 0, index = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var document = TryParse(line, out long column);
            if (document is null)
            {
                yield return new InputRecord(index++, lineNumber, default, (lineNumber, column));
                continue;
            }

            using (document)
            {
                yield return new InputRecord(index++, lineNumber, document.RootElement);
            }
        }
    }

    private static JsonDocument? TryParse(string line, out long column)
    {
        try
        {
            column = 0;
            return JsonDocument.Parse(line, s_options);
        }
        catch (JsonException e)
        {
            column = (e.BytePositionInLine ?? 0) + 1;
            return null;
        }
    }

    private static JsonDocument Parse(Func<JsonDocument> parse, string name, int? line)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            // Positions are 0-based in System.Text.Json; people count from 1. The parser's own message can quote
            // input text, so it is not repeated.
            long lineNumber = line ?? ((e.LineNumber ?? 0) + 1);
            long column = (e.BytePositionInLine ?? 0) + 1;
            throw new CliInputException($"{name}:{lineNumber}:{column}: malformed JSON at line {lineNumber}, column {column}; fix the syntax there (nothing was checked).", e);
        }
    }
}
