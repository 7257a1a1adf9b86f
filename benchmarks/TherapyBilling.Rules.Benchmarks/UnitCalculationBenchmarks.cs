using BenchmarkDotNet.Attributes;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// The unit engine: the span core (<see cref="UnitAllocator"/>) and the convenient API (<see cref="UnitCalculator"/>)
/// against a naive LINQ allocator (the baseline), on the encounter mixes.
/// </summary>
/// <remarks>
/// The naive baseline and the span core get the same input (minutes per code, computed in setup); the calculator
/// starts from the segments and also validates times, finds overlaps, groups by code and explains every unit, so its
/// ratio shows what the convenience costs. Times change only the calculator's work.
/// </remarks>
[MemoryDiagnoser]
public class UnitCalculationBenchmarks
{
    private int[] _minutes = [];
    private int[] _units = [];
    private TreatmentSegment[] _segments = [];

    /// <summary>Gets or sets the number of segments in the mix.</summary>
    [Params(1, 3, 6, 12)]
    public int Segments { get; set; }

    /// <summary>Gets or sets whether the segments carry start and end times.</summary>
    [Params(false, true)]
    public bool Times { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _segments = EncounterMixes.Segments(Segments, Times);
        _minutes = [.. _segments.GroupBy(s => s.Code).Select(g => g.Sum(s => (int)s.GetDuration()!.Value.TotalMinutes))];
        _units = new int[_minutes.Length];
        int naive = NaiveAllocator.Allocate(_minutes).Sum();
        int core = UnitAllocator.Allocate(_minutes, _units, UnitMethod.Cms);
        int api = UnitCalculator.Calculate(_segments, UnitMethod.Cms).TotalUnits;
        if (naive != core || core != api)
        {
            throw new InvalidOperationException($"The implementations disagree: naive {naive}, span core {core}, calculator {api}.");
        }
    }

    [Benchmark(Baseline = true)]
    public int NaiveLinq() => NaiveAllocator.Allocate(_minutes).Sum();

    [Benchmark]
    public int SpanCore() => UnitAllocator.Allocate(_minutes, _units, UnitMethod.Cms);

    [Benchmark]
    public UnitCalculation Calculator() => UnitCalculator.Calculate(_segments, UnitMethod.Cms);
}
