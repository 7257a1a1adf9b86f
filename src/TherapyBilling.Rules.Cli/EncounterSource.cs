using System.Text.Json;

namespace TherapyBilling.Rules.Cli;

/// <summary>One encounter record of the input: its 0-based position, its 1-based line for NDJSON, and its JSON.</summary>
/// <param name="Index">The 0-based position among the input's encounters.</param>
/// <param name="Line">The 1-based line of an NDJSON record, or <see langword="null"/> for a JSON document.</param>
/// <param name="Element">The record; valid only until the next record is read (default when <paramref name="Malformed"/> is set or the record is <see cref="Unparsed"/>).</param>
/// <param name="Malformed">For an NDJSON line that is not valid JSON: its 1-based line and (byte) column.</param>
/// <param name="Refused">For a record refused unread (larger than <see cref="RecordLimits.MaxRecordBytes"/>): the TBR016 finding.</param>
/// <param name="Utf8Line">
/// For an NDJSON line: its bytes (valid only until the next record is read). The line is parsed by
/// <see cref="EncounterSource.Parse(InputRecord, RecordLimits)"/> where it is checked — on a worker thread under
/// <c>--parallel</c>, so the reader only splits lines.
/// </param>
/// <param name="Scanned">
/// The line was scanned and needs no document: valid JSON and text, within the record limits, its bytes
/// (<paramref name="Utf8Line"/>, without surrounding white space) are the record.
/// </param>
internal readonly record struct InputRecord(int Index, int? Line, JsonElement Element, (long Line, long Column)? Malformed = null, Diagnostic? Refused = null, ReadOnlyMemory<byte>? Utf8Line = null, bool Scanned = false)
{
    /// <summary>Gets whether the record is an NDJSON line still to be parsed.</summary>
    public bool Unparsed => Utf8Line is not null && !Scanned;

    /// <summary>Gets the record's JSON text: the scanned line, or the element's own bytes.</summary>
    public ReadOnlySpan<byte> Utf8Json => Scanned ? Utf8Line!.Value.Span : System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(Element);
}

/// <summary>An NDJSON line parsed: the record with its element (or its malformed position), and the document to dispose after the check.</summary>
/// <param name="Record">The record, no longer <see cref="InputRecord.Unparsed"/>.</param>
/// <param name="Document">The document that holds <see cref="InputRecord.Element"/>, or <see langword="null"/> for a malformed line.</param>
internal readonly record struct ParsedRecord(InputRecord Record, JsonDocument? Document) : IDisposable
{
    public void Dispose() => Document?.Dispose();
}

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
/// line by line: memory stays flat whatever the size; blank lines are skipped; a line that is not valid JSON (or not
/// valid UTF-8) becomes a malformed record in its place and the following lines are still read, so nothing is dropped.
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
    /// <param name="limits">The record limits; <see langword="null"/> for <see cref="RecordLimits.Default"/>.</param>
    /// <returns>The records.</returns>
    public static IEnumerable<InputRecord> Read(Stream stream, InputFormat format, string name, RecordLimits? limits = null) =>
        format == InputFormat.Ndjson ? ReadNdjson(stream, limits ?? RecordLimits.Default) : ReadDocument(stream, name, limits ?? RecordLimits.Default);

    private static IEnumerable<InputRecord> ReadDocument(Stream stream, string name, RecordLimits limits)
    {
        // The whole document is needed anyway (JsonDocument keeps it); reading the bytes first lets the text be checked.
        var bytes = ReadAll(stream);
        using var document = Parse(bytes, name);
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
            // The document is in memory already; the limit still keeps one huge record from reaching the reader.
            var tooLarge = limits.CheckBytes(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element).Length);
            yield return tooLarge is null ? new InputRecord(index++, null, element) : new InputRecord(index++, null, default, Refused: tooLarge);
        }
    }

    /// <summary>
    /// Streams NDJSON as bytes, one line at a time (the buffer grows only to the longest line, at most about twice
    /// <see cref="RecordLimits.MaxRecordBytes"/>). A line whose JSON is malformed, or whose text is not valid UTF-8 or
    /// has an unpaired surrogate escape, becomes a malformed record. A line longer than the limit is skipped unread
    /// (its bytes are discarded as they arrive) and becomes a refused record (TBR016).
    /// </summary>
    private static IEnumerable<InputRecord> ReadNdjson(Stream stream, RecordLimits limits)
    {
        byte[] buffer = new byte[(int)Math.Min(1 << 16, limits.MaxRecordBytes + 1)];
        int start = 0, end = 0, lineNumber = 0, index = 0;
        bool eof = false;
        while (true)
        {
            int newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline < 0 && !eof && end - start > limits.MaxRecordBytes)
            {
                // Over the limit and still no end of line: skip to the end of the line without keeping it.
                lineNumber++;
                eof = SkipLine(stream, buffer, out start, out end);
                yield return new InputRecord(index++, lineNumber, default, Refused: limits.CheckBytes(limits.MaxRecordBytes + 1));
                continue;
            }

            if (newline < 0 && !eof)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                int read = stream.Read(buffer, end, buffer.Length - end);
                eof = read == 0;
                end += read;
                continue;
            }

            if (newline < 0 && start == end)
            {
                yield break;
            }

            int lineEnd = newline < 0 ? end : newline;
            var line = buffer.AsMemory(start, lineEnd - start);
            start = newline < 0 ? end : newline + 1;
            lineNumber++;
            if (lineNumber == 1 && line.Span.StartsWith(Utf8Bom))
            {
                line = line[Utf8Bom.Length..];
            }

            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            if (limits.CheckBytes(line.Length) is { } tooLarge)
            {
                yield return new InputRecord(index++, lineNumber, default, Refused: tooLarge);
                continue;
            }

            // Parsed where it is checked (Parse below): the bytes are valid until the next record is read.
            yield return new InputRecord(index++, lineNumber, default, Utf8Line: line);
        }
    }

    /// <summary>
    /// Parses an <see cref="InputRecord.Unparsed"/> NDJSON line: one reader pass checks its syntax, its text and the
    /// lengths of its <c>segments</c> and <c>lines</c>; a line within the limits needs no document (the UTF-8 reader
    /// reads its bytes), and only a line over a limit (or naming either array twice) is parsed into a document, for
    /// <see cref="RecordLimits.Check(JsonElement)"/>. Other records are returned as they are.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="limits">The record limits.</param>
    /// <returns>The parsed record; dispose it after the check (an element reads the line's bytes in place).</returns>
    public static ParsedRecord Parse(InputRecord record, RecordLimits limits)
    {
        if (!record.Unparsed)
        {
            return new ParsedRecord(record, null);
        }

        var line = record.Utf8Line!.Value;
        LineScan scan;
        try
        {
            scan = LineScan.Of(line.Span, s_options.MaxDepth);
        }
        catch (JsonException e)
        {
            return Malformed(e.BytePositionInLine ?? 0);
        }

        if (scan.InvalidTextAt is { } offset)
        {
            return Malformed(offset);
        }

        if (!scan.NeedsDocument(limits))
        {
            return new ParsedRecord(record with { Utf8Line = line[scan.ValueStart..scan.ValueEnd], Scanned = true }, null);
        }

        var document = JsonDocument.Parse(line, s_options);
        return new ParsedRecord(record with { Utf8Line = null, Element = document.RootElement }, document);

        ParsedRecord Malformed(long at) => new(record with { Utf8Line = null, Malformed = (record.Line ?? 0, at + 1) }, null);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads and discards up to the next line feed; what follows it stays in the buffer.</summary>
    /// <returns>Whether the end of the stream was reached.</returns>
    private static bool SkipLine(Stream stream, byte[] buffer, out int start, out int end)
    {
        while (true)
        {
            int read = stream.Read(buffer, 0, buffer.Length);
            if (read == 0)
            {
                start = end = 0;
                return true;
            }

            int newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
            if (newline >= 0)
            {
                start = newline + 1;
                end = read;
                return false;
            }
        }
    }

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> line, out long column)
    {
        try
        {
            if (FindInvalidText(line.Span) is { } offset)
            {
                column = offset + 1;
                return null;
            }

            column = 0;
            return JsonDocument.Parse(line, s_options);
        }
        catch (JsonException e)
        {
            column = (e.BytePositionInLine ?? 0) + 1;
            return null;
        }
    }

    private static ReadOnlyMemory<byte> ReadAll(Stream stream)
    {
        var copy = new MemoryStream(stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position, 0, int.MaxValue - 64) : 1 << 16);
        stream.CopyTo(copy);
        var bytes = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        return bytes.Span.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> bytes, string name)
    {
        try
        {
            if (FindInvalidText(bytes.Span) is { } offset)
            {
                var before = bytes.Span[..(int)offset];
                int lastNewline = before.LastIndexOf((byte)'\n');
                long lineNumber = before.Count((byte)'\n') + 1;
                long column = offset - lastNewline;
                throw new CliInputException($"{name}:{lineNumber}:{column}: text that is not valid UTF-8 (or an unpaired \\u surrogate escape) at line {lineNumber}, column {column}; fix the encoding there (nothing was checked).");
            }

            return JsonDocument.Parse(bytes, s_options);
        }
        catch (JsonException e)
        {
            // Positions are 0-based in System.Text.Json; people count from 1. The parser's own message can quote
            // input text, so it is not repeated.
            long lineNumber = (e.LineNumber ?? 0) + 1;
            long column = (e.BytePositionInLine ?? 0) + 1;
            string hint = LooksLikeNdjson(bytes.Span) ? " The input looks like NDJSON (one encounter per line): pass --input-format ndjson." : string.Empty;
            throw new CliInputException($"{name}:{lineNumber}:{column}: malformed JSON at line {lineNumber}, column {column}; fix the syntax there (nothing was checked).{hint}", e);
        }
    }

    /// <summary>Gets whether the first line is a whole JSON object and more text follows: an NDJSON stream read as one document.</summary>
    private static bool LooksLikeNdjson(ReadOnlySpan<byte> json)
    {
        int newline = json.IndexOf((byte)'\n');
        if (newline < 0 || json[(newline + 1)..].Trim(" \t\r\n"u8).IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(json[..newline], new JsonReaderOptions { MaxDepth = s_options.MaxDepth });
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Checks the JSON syntax and that every string and property name is valid Unicode: System.Text.Json does not check
    /// the text of strings until it is read, and then throws, so this is done before any record is read.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The 0-based byte offset of the first string that is not valid text, or <see langword="null"/>.</returns>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    private static long? FindInvalidText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = s_options.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !JsonText.IsValidText(ref reader))
            {
                return reader.TokenStartIndex;
            }
        }

        return null;
    }
}
