using System.Text.Json;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// What the check needs to know of one NDJSON line before reading it, from one <see cref="Utf8JsonReader"/> pass and
/// without a document: whether its text is valid, where its value starts and ends, and how long its top-level
/// <c>segments</c> and <c>lines</c> arrays are (for the record limits).
/// </summary>
/// <param name="InvalidTextAt">The 0-based byte offset of the first string or property name that is not valid text, or <see langword="null"/>.</param>
/// <param name="ValueStart">The offset of the value's first byte (after leading white space).</param>
/// <param name="ValueEnd">The offset just past the value's last byte (before trailing white space).</param>
/// <param name="RootIsObject">Whether the value is an object (the limits apply to objects only).</param>
/// <param name="Segments">The length of the top-level <c>segments</c> array, or -1.</param>
/// <param name="BilledLines">The length of the top-level <c>lines</c> array, or -1.</param>
/// <param name="Repeated">Whether <c>segments</c> or <c>lines</c> is named more than once at the top level.</param>
internal readonly record struct LineScan(long? InvalidTextAt, int ValueStart, int ValueEnd, bool RootIsObject, int Segments, int BilledLines, bool Repeated)
{
    /// <summary>Gets whether the line must be parsed into a document for <see cref="RecordLimits.Check(JsonElement)"/>: an array over its limit, or one named twice (the document decides which counts).</summary>
    public bool NeedsDocument(RecordLimits limits) =>
        RootIsObject && (Repeated || Segments > limits.MaxSegments || BilledLines > limits.MaxBilledLines);

    /// <summary>Scans one line.</summary>
    /// <param name="json">The line.</param>
    /// <param name="maxDepth">The deepest nesting allowed (as for the document).</param>
    /// <returns>The scan.</returns>
    /// <exception cref="JsonException">The JSON is malformed (the same position as the document's parser reports).</exception>
    public static LineScan Of(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        int start = -1, end = 0;
        bool rootIsObject = false;
        var segments = new ArrayCount();
        var lines = new ArrayCount();
        Counting counting = Counting.None;
        while (reader.Read())
        {
            if (start < 0)
            {
                start = (int)reader.TokenStartIndex;
                rootIsObject = reader.TokenType == JsonTokenType.StartObject;
            }

            end = (int)reader.BytesConsumed;
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !JsonText.IsValidText(ref reader))
            {
                return new LineScan(reader.TokenStartIndex, 0, 0, false, -1, -1, false);
            }

            if (!rootIsObject || reader.CurrentDepth is 0 or > 2)
            {
                continue;
            }

            if (reader.CurrentDepth == 2)
            {
                // An element of a counted array starts here (its own closing token is at this depth too).
                if (counting is Counting.SegmentsArray or Counting.LinesArray && IsValueStart(reader.TokenType))
                {
                    (counting == Counting.SegmentsArray ? ref segments : ref lines).Length++;
                }

                continue;
            }

            // Depth 1: a property name, a property's value, or the end of a counted array.
            switch (counting, reader.TokenType)
            {
                case (_, JsonTokenType.PropertyName):
                    counting = reader.ValueTextEquals("segments"u8) ? Counting.SegmentsValue
                        : reader.ValueTextEquals("lines"u8) ? Counting.LinesValue
                        : Counting.None;
                    break;
                case (Counting.SegmentsValue, _):
                    counting = segments.Name(reader.TokenType == JsonTokenType.StartArray) ? Counting.SegmentsArray : Counting.None;
                    break;
                case (Counting.LinesValue, _):
                    counting = lines.Name(reader.TokenType == JsonTokenType.StartArray) ? Counting.LinesArray : Counting.None;
                    break;
                default:
                    counting = Counting.None;
                    break;
            }
        }

        return new LineScan(null, start, end, rootIsObject, segments.Result, lines.Result, segments.Repeated || lines.Repeated);
    }

    private static bool IsValueStart(JsonTokenType token) =>
        token is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.String or JsonTokenType.Number
            or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null;

    /// <summary>Where the scan is: after <c>segments</c> or <c>lines</c> (its value comes next), inside its array, or neither.</summary>
    private enum Counting
    {
        None,
        SegmentsValue,
        SegmentsArray,
        LinesValue,
        LinesArray,
    }

    /// <summary>The length of one top-level array, and whether its name came more than once.</summary>
    private struct ArrayCount
    {
        private bool _named;
        private bool _isArray;

        public int Length;

        public bool Repeated;

        /// <summary>Gets the length, or -1 when the name is missing or its value is not an array.</summary>
        public readonly int Result => _isArray && !Repeated ? Length : -1;

        /// <summary>Records the name with its value's kind; returns whether the value is an array to count.</summary>
        public bool Name(bool isArray)
        {
            Repeated |= _named;
            _named = true;
            _isArray = isArray;
            Length = 0;
            return isArray;
        }
    }
}
