using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// Streaming an NDJSON export of N encounters the way the CLI does (a line, a <see cref="JsonDocument"/>,
/// <see cref="EncounterJson.Read"/>): parse alone (the baseline) against parse plus <see cref="ComplianceEngine.Check"/>.
/// </summary>
/// <remarks>
/// The stream is in memory (built in setup), so the numbers are the library's cost without disk I/O. Nothing is kept
/// per encounter, so the allocation per encounter (the <c>Alloc/enc</c> column) must stay flat as N grows and no
/// gen-2 collection should happen. Target: parse plus check at most 2 times parse alone.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(PerEncounterConfig))]
public class NdjsonBenchmarks
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };
    private byte[] _ndjson = [];
    private ComplianceOptions _options = null!;

    /// <summary>Gets or sets the number of encounters in the stream.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ndjson = EncounterMixes.Ndjson(N);
        _options = ComplianceOptions.Default with { Today = EncounterMixes.DateOfService };
        if (ParseOnly() != N)
        {
            throw new InvalidOperationException("The NDJSON stream does not read back cleanly.");
        }
    }

    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        int read = 0;
        using var reader = new StreamReader(new MemoryStream(_ndjson, writable: false), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line, s_options);
            if (EncounterJson.Read(document.RootElement).Encounter is not null)
            {
                read++;
            }
        }

        return read;
    }

    [Benchmark]
    public int ParseAndCheck()
    {
        int findings = 0;
        using var reader = new StreamReader(new MemoryStream(_ndjson, writable: false), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line, s_options);
            if (EncounterJson.Read(document.RootElement).Encounter is { } encounter)
            {
                findings += ComplianceEngine.Check(encounter, _options).Diagnostics.Length;
            }
        }

        return findings;
    }
}
