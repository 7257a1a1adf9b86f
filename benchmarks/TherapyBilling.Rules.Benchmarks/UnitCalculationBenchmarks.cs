using BenchmarkDotNet.Attributes;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>The unit engine: the span core and the convenient API against a naive LINQ allocator.</summary>
[MemoryDiagnoser]
public class UnitCalculationBenchmarks
{
    private int[] _minutes = [];
    private int[] _units = [];
    private TreatmentSegment[] _segments = [];

    [Params(1, 3, 6, 12)]
    public int Segments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string[] codes = ["97535", "97530", "97110", "97112", "97140", "97116"];
        int[] minutes = [24, 23, 7, 13, 8, 18, 10, 33, 5, 20, 16, 9];
        _segments = Enumerable.Range(0, Segments)
            .Select(i => TreatmentSegment.FromMinutes(CptCode.Parse(codes[i % codes.Length]), minutes[i]))
            .ToArray();
        _minutes = _segments.GroupBy(s => s.Code).Select(g => g.Sum(s => s.Minutes!.Value)).ToArray();
        _units = new int[_minutes.Length];
    }

    [Benchmark(Baseline = true)]
    public int NaiveLinq() => NaiveAllocator.Allocate(_minutes).Sum();

    [Benchmark]
    public int SpanCore() => UnitAllocator.Allocate(_minutes, _units, UnitMethod.Cms);

    [Benchmark]
    public int Calculator() => UnitCalculator.Calculate(_segments, UnitMethod.Cms).TotalUnits;
}
