using System.CommandLine;
using System.Globalization;

namespace TherapyBilling.Rules.Cli;

/// <summary>The record-size options of <c>check</c>: <c>--max-record-bytes</c>, <c>--max-segments</c>, <c>--max-lines</c> (see <see cref="RecordLimits"/>).</summary>
internal sealed class RecordLimitOptions
{
    /// <summary>The largest <c>--max-record-bytes</c>: 1 GiB (a line is buffered up to about twice the limit).</summary>
    public const long MaxRecordBytesCeiling = 1L << 30;

    private readonly Option<long> _bytes = new("--max-record-bytes")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Refuse a record (an NDJSON line, or one element of \"encounters\") larger than this many bytes, unread (TBR016). Default {RecordLimits.DefaultMaxRecordBytes} (16 MiB), at most {MaxRecordBytesCeiling}."),
        DefaultValueFactory = _ => RecordLimits.DefaultMaxRecordBytes,
    };

    private readonly Option<int> _segments = new("--max-segments")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Refuse a record with more segments than this (TBR016). Default {RecordLimits.DefaultMaxSegments}."),
        DefaultValueFactory = _ => RecordLimits.DefaultMaxSegments,
    };

    private readonly Option<int> _lines = new("--max-lines")
    {
        Description = string.Create(CultureInfo.InvariantCulture, $"Refuse a record with more billed lines (\"lines\") than this (TBR016). Default {RecordLimits.DefaultMaxBilledLines}."),
        DefaultValueFactory = _ => RecordLimits.DefaultMaxBilledLines,
    };

    public void AddTo(Command command)
    {
        _bytes.Validators.Add(r => Validate(r, r.GetValueOrDefault<long>(), MaxRecordBytesCeiling));
        _segments.Validators.Add(r => Validate(r, r.GetValueOrDefault<int>(), int.MaxValue));
        _lines.Validators.Add(r => Validate(r, r.GetValueOrDefault<int>(), int.MaxValue));
        command.Options.Add(_bytes);
        command.Options.Add(_segments);
        command.Options.Add(_lines);
    }

    public RecordLimits From(ParseResult parsed) => new()
    {
        MaxRecordBytes = parsed.GetValue(_bytes),
        MaxSegments = parsed.GetValue(_segments),
        MaxBilledLines = parsed.GetValue(_lines),
    };

    private static void Validate(System.CommandLine.Parsing.OptionResult result, long value, long ceiling)
    {
        if (value < 1 || value > ceiling)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{result.Option.Name} must be a whole number from 1 to {ceiling}."));
        }
    }
}
