using System.Text.Json;

namespace TherapyBilling.Rules;

/// <summary>
/// Size limits for one input record, so that a huge record is refused (TBR016) before it is read into memory
/// instead of exhausting it: bytes of the record's JSON, segments and billed lines.
/// </summary>
/// <remarks>
/// <para>The defaults are far above any real day of treatment (a day has 1,440 minutes; a note a few kilobytes).
/// Immutable and thread-safe.</para>
/// <para>Readers that stream (the <c>therapy-rules</c> NDJSON reader) check <see cref="MaxRecordBytes"/> while
/// reading and skip the rest of an oversized record; <see cref="Check(JsonElement)"/> checks the counts of a parsed
/// record before <see cref="EncounterJson.Read(JsonElement)"/> walks it.</para>
/// </remarks>
/// <example><code>
/// var limits = RecordLimits.Default with { MaxSegments = 200 };
/// if (limits.Check(element) is { } tooLarge) { /* report tooLarge, do not read the record */ }
/// </code></example>
public sealed record RecordLimits
{
    /// <summary>The default of <see cref="MaxRecordBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxRecordBytes = 16L * 1024 * 1024;

    /// <summary>The default of <see cref="MaxSegments"/>: 1,000.</summary>
    public const int DefaultMaxSegments = 1000;

    /// <summary>The default of <see cref="MaxBilledLines"/>: 1,000.</summary>
    public const int DefaultMaxBilledLines = 1000;

    private readonly long _maxRecordBytes = DefaultMaxRecordBytes;
    private readonly int _maxSegments = DefaultMaxSegments;
    private readonly int _maxBilledLines = DefaultMaxBilledLines;

    /// <summary>Gets the default limits.</summary>
    public static RecordLimits Default { get; } = new();

    /// <summary>Gets the largest size of one record's JSON text in UTF-8 bytes (one NDJSON line, or one element of a JSON document's <c>encounters</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is less than 1.</exception>
    public long MaxRecordBytes
    {
        get => _maxRecordBytes;
        init => _maxRecordBytes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The limit must be at least 1 byte.");
    }

    /// <summary>Gets the largest number of entries of a record's <c>segments</c> array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is less than 1.</exception>
    public int MaxSegments
    {
        get => _maxSegments;
        init => _maxSegments = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The limit must be at least 1 segment.");
    }

    /// <summary>Gets the largest number of entries of a record's <c>lines</c> (billed lines) array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is less than 1.</exception>
    public int MaxBilledLines
    {
        get => _maxBilledLines;
        init => _maxBilledLines = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The limit must be at least 1 line.");
    }

    /// <summary>Checks the counts of a parsed record: its <c>segments</c> and <c>lines</c> arrays.</summary>
    /// <param name="record">The record (anything that is not an object passes: the reader reports it).</param>
    /// <returns>A TBR016 diagnostic when a count is over its limit, else <see langword="null"/>.</returns>
    public Diagnostic? Check(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (record.TryGetProperty("segments", out var segments) && segments.ValueKind == JsonValueKind.Array && segments.GetArrayLength() > MaxSegments)
        {
            return TooLarge("segments", MaxSegments, "segments");
        }

        if (record.TryGetProperty("lines", out var lines) && lines.ValueKind == JsonValueKind.Array && lines.GetArrayLength() > MaxBilledLines)
        {
            return TooLarge("lines", MaxBilledLines, "billed lines");
        }

        return null;
    }

    /// <summary>Checks the size of a record's JSON text.</summary>
    /// <param name="byteCount">The size in UTF-8 bytes (or a lower bound, when the reader stopped reading it).</param>
    /// <returns>A TBR016 diagnostic when the size is over <see cref="MaxRecordBytes"/>, else <see langword="null"/>.</returns>
    public Diagnostic? CheckBytes(long byteCount) =>
        byteCount > MaxRecordBytes ? TooLarge(string.Empty, MaxRecordBytes, "bytes") : null;

    private static Diagnostic TooLarge<T>(string path, T limit, string what)
        where T : IFormattable =>
        DiagnosticDescriptors.RecordTooLarge.Create(path, Arg.Of("limit", limit), Arg.Of("what", what));
}
