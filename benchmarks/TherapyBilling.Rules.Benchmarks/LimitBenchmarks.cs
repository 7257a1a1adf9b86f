using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TherapyBilling.Rules.Cli;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// How close a batch check comes to the cost of reading its input (issue 17): the same in-memory NDJSON bytes
/// tokenized only (the baseline: a bare <see cref="Utf8JsonReader"/> pass over every line), parsed into a
/// <see cref="JsonDocument"/> per line, read into the model (<see cref="EncounterJson.Read"/>), and checked
/// (<see cref="ComplianceEngine.Check"/>).
/// </summary>
/// <remarks>
/// Two corpora of N encounters in the batch mix of <see cref="EncounterMixes.Ndjson(int)"/> (1, 3, 6 and 12
/// segments, times on every other record): <c>Notes = true</c> gives every record its treatment note (about
/// 2.6 KB per record, see the README), <c>Notes = false</c> none (about 0.5 KB). The ratio to <c>Tokenize</c> is the
/// headline figure; <c>Alloc/enc</c> is the allocation per encounter.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(PerEncounterConfig))]
public class LimitBenchmarks : IDisposable
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };
    private static readonly JsonReaderOptions s_readerOptions = new() { MaxDepth = 64 };
    private byte[] _ndjson = [];
    private (int Start, int Length)[] _lines = [];
    private ComplianceOptions _options = null!;
    private readonly JsonReportWriter _renderer = new(Stream.Null, lines: true);

    /// <summary>Gets or sets the number of encounters in the stream.</summary>
    [Params(10_000)]
    public int N { get; set; }

    /// <summary>Gets or sets whether every record carries its treatment note.</summary>
    [Params(true, false)]
    public bool Notes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ndjson = EncounterMixes.Ndjson(N, Notes ? EncounterMixes.NoteOnEvery : EncounterMixes.NoteOnNone);
        _lines = SplitLines(_ndjson);
        _options = ComplianceOptions.Default with { Today = EncounterMixes.DateOfService };
        if (_lines.Length != N || ParseRead() != N || ReadSpan() != N || Tokenize() <= N || CliRecord() <= _ndjson.Length / 20 || !AllReadFast())
        {
            throw new InvalidOperationException("The NDJSON stream does not read back cleanly.");
        }

        Console.WriteLine($"// LimitBenchmarks: N={N}, Notes={Notes}, {_ndjson.Length / (double)N:F0} bytes per record");
    }

    /// <summary>Whether every record reads clean from its bytes (a clean record of known properties is what the fast path reads).</summary>
    private bool AllReadFast()
    {
        foreach (var (start, length) in _lines)
        {
            var viaSpan = EncounterJson.Read(_ndjson.AsSpan(start, length), null);
            if (viaSpan.Encounter is null || !viaSpan.Diagnostics.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    [Benchmark(Baseline = true)]
    public int Tokenize()
    {
        int tokens = 0;
        foreach (var (start, length) in _lines)
        {
            var reader = new Utf8JsonReader(_ndjson.AsSpan(start, length), s_readerOptions);
            while (reader.Read())
            {
                tokens++;
            }
        }

        return tokens;
    }

    [Benchmark]
    public int Parse()
    {
        int objects = 0;
        foreach (var (start, length) in _lines)
        {
            using var document = JsonDocument.Parse(_ndjson.AsMemory(start, length), s_options);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                objects++;
            }
        }

        return objects;
    }

    [Benchmark]
    public int ParseRead()
    {
        int read = 0;
        foreach (var (start, length) in _lines)
        {
            using var document = JsonDocument.Parse(_ndjson.AsMemory(start, length), s_options);
            if (EncounterJson.Read(document.RootElement).Encounter is not null)
            {
                read++;
            }
        }

        return read;
    }

    [Benchmark]
    public int ParseReadCheck()
    {
        int findings = 0;
        foreach (var (start, length) in _lines)
        {
            using var document = JsonDocument.Parse(_ndjson.AsMemory(start, length), s_options);
            if (EncounterJson.Read(document.RootElement).Encounter is { } encounter)
            {
                findings += ComplianceEngine.Check(encounter, _options).Diagnostics.Length;
            }
        }

        return findings;
    }

    /// <summary>Reads every record straight from its bytes (<see cref="EncounterJson.Read(ReadOnlySpan{byte}, EncounterReadOptions?)"/>: the <see cref="Utf8JsonReader"/> fast path).</summary>
    [Benchmark]
    public int ReadSpan()
    {
        int read = 0;
        foreach (var (start, length) in _lines)
        {
            if (EncounterJson.Read(_ndjson.AsSpan(start, length), null).Encounter is not null)
            {
                read++;
            }
        }

        return read;
    }

    /// <summary>The same plus <see cref="ComplianceEngine.Check"/>.</summary>
    [Benchmark]
    public int ReadSpanCheck()
    {
        int findings = 0;
        foreach (var (start, length) in _lines)
        {
            if (EncounterJson.Read(_ndjson.AsSpan(start, length), null).Encounter is { } encounter)
            {
                findings += ComplianceEngine.Check(encounter, _options).Diagnostics.Length;
            }
        }

        return findings;
    }

    /// <summary>
    /// The CLI's whole work for one NDJSON record on a worker thread (issue 17: "and the CLI's write"): the line
    /// parsed (syntax, text and record limits), read through the UTF-8 reader, checked, and rendered as its NDJSON
    /// output line — what <c>check --format ndjson</c> does per record, without the file I/O.
    /// </summary>
    [Benchmark]
    public int CliRecord()
    {
        int bytes = 0, index = 0;
        foreach (var (start, length) in _lines)
        {
            var record = new InputRecord(index, index + 1, default, Utf8Line: _ndjson.AsMemory(start, length));
            var result = Checker.CheckIsolated(record, _options, Severity.Error, RecordLimits.Default);
            bytes += _renderer.Render(result).Length;
            index++;
        }

        return bytes;
    }

    public void Dispose()
    {
        _renderer.Dispose();
        GC.SuppressFinalize(this);
    }

    private static (int Start, int Length)[] SplitLines(byte[] ndjson)
    {
        var lines = new List<(int, int)>();
        int start = 0;
        while (start < ndjson.Length)
        {
            int newline = Array.IndexOf(ndjson, (byte)'\n', start);
            int end = newline < 0 ? ndjson.Length : newline;
            if (end > start)
            {
                lines.Add((start, end - start));
            }

            start = end + 1;
        }

        return [.. lines];
    }
}
