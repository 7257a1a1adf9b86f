using BenchmarkDotNet.Attributes;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// Loading the full-size synthetic CMS practitioner PTP file (about 1.25 million rows) with
/// <see cref="PtpEditTable.LoadCms(string, IReadOnlySet{CptCode}?, string?)"/>: everything, and filtered to the
/// therapy codes. Target: under 3 seconds and under 200 MB.
/// </summary>
/// <remarks>The file is generated once (see <see cref="SyntheticCmsTable"/>) and read from the OS file cache.</remarks>
[MemoryDiagnoser]
public class PtpTableLoadBenchmarks
{
    private string _path = "";
    private HashSet<CptCode> _therapyCodes = [];

    [GlobalSetup]
    public void Setup()
    {
        _path = SyntheticCmsTable.Path;
        _therapyCodes = [.. CodeCatalog.Default.Entries.Select(e => e.Code)];
    }

    [Benchmark(Baseline = true)]
    public PtpEditTable LoadAll() => PtpEditTable.LoadCms(_path);

    [Benchmark]
    public PtpEditTable LoadTherapyCodes() => PtpEditTable.LoadCms(_path, _therapyCodes);
}
