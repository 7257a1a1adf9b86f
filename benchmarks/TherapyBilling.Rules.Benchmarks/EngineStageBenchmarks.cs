using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// The stages of one NDJSON record, measured apart to find where the check spends its time (a profiler-free
/// breakdown): parse (JSON document and <see cref="EncounterJson.Read"/>), units, separation, documentation, and the
/// full check without the note and the payer, without the note, and whole. The record is the 3-segment mix with times,
/// a note and the Medicare payer (the most common record of the NDJSON benchmark).
/// </summary>
[MemoryDiagnoser]
public class EngineStageBenchmarks
{
    private string _line = "";
    private Encounter _encounter = null!;
    private Encounter _noNote = null!;
    private Encounter _noNoteNoPayer = null!;
    private ComplianceOptions _options = null!;
    private UnitCalculation _units = null!;
    private SeparationInput _separation = null!;
    private DocumentationCheckContext _documentation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _line = EncounterMixes.Json("enc-0000001", 3, withTimes: true, withNote: true);
        _encounter = EncounterMixes.Parse(_line);
        _noNote = _encounter with { Documentation = null };
        _noNoteNoPayer = _noNote with { PayerId = null };
        _options = ComplianceOptions.Default with { Today = EncounterMixes.DateOfService };
        _units = Units();
        _separation = SeparationInput.FromBilledLines(_encounter.DateOfService, _encounter.Segments, _encounter.BilledLines, _encounter.Discipline);
        _documentation = new DocumentationCheckContext(_encounter.DateOfService, _units) { BilledLines = _encounter.BilledLines, Today = _encounter.DateOfService };
    }

    [Benchmark(Baseline = true)]
    public Encounter? Parse()
    {
        using var document = JsonDocument.Parse(_line);
        return EncounterJson.Read(document.RootElement).Encounter;
    }

    [Benchmark]
    public UnitCalculation Units() =>
        UnitCalculator.Calculate(_encounter.Segments, UnitMethod.Cms, new UnitCalculationOptions { DateOfService = _encounter.DateOfService });

    [Benchmark]
    public SeparationResult Separation() => CodePairCheck.Check(_separation);

    [Benchmark]
    public ImmutableArray<Diagnostic> Documentation() => DocumentationCheck.Validate(_encounter.Documentation!, _documentation);

    [Benchmark]
    public EncounterReport CheckNoNoteNoPayer() => ComplianceEngine.Check(_noNoteNoPayer, _options);

    [Benchmark]
    public EncounterReport CheckNoNote() => ComplianceEngine.Check(_noNote, _options);

    [Benchmark]
    public EncounterReport Check() => ComplianceEngine.Check(_encounter, _options);
}
