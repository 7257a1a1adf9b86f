using BenchmarkDotNet.Attributes;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// The full check (<see cref="ComplianceEngine.Check"/>) of one parsed encounter of each mix, with its note and the
/// Medicare payer: units, billed lines, separation, documentation and payer rules.
/// </summary>
/// <remarks>
/// The baseline is <see cref="UnitCalculator.Calculate"/> of the same segments, so the ratio says how much the whole
/// check costs over the units alone.
/// </remarks>
[MemoryDiagnoser]
public class ComplianceCheckBenchmarks
{
    private Encounter _encounter = null!;
    private ComplianceOptions _options = null!;

    /// <summary>Gets or sets the number of segments in the mix.</summary>
    [Params(1, 3, 6, 12)]
    public int Segments { get; set; }

    /// <summary>Gets or sets whether the segments carry start and end times.</summary>
    [Params(false, true)]
    public bool Times { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _encounter = EncounterMixes.Parse(EncounterMixes.Json("enc-1", Segments, Times, withNote: true));
        _options = ComplianceOptions.Default with { Today = EncounterMixes.DateOfService };
    }

    [Benchmark(Baseline = true)]
    public UnitCalculation UnitsOnly() =>
        UnitCalculator.Calculate(_encounter.Segments, UnitMethod.Cms, new UnitCalculationOptions { DateOfService = _encounter.DateOfService });

    [Benchmark]
    public EncounterReport FullCheck() => ComplianceEngine.Check(_encounter, _options);
}
