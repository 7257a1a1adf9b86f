using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// The documentation check (<see cref="DocumentationCheck.Validate"/>) of a complete 97535 note: every self-care
/// element, signature, goals, and an episode with a progress report and a signed plan of care.
/// </summary>
[MemoryDiagnoser]
public class DocumentationCheckBenchmarks
{
    private TreatmentNote _note = null!;
    private DocumentationCheckContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var encounter = EncounterMixes.Parse(EncounterMixes.Json("doc-97535", 1, withTimes: true, withNote: true));
        _note = encounter.Documentation!;
        var units = UnitCalculator.Calculate(encounter.Segments, UnitMethod.Cms, new UnitCalculationOptions { DateOfService = encounter.DateOfService });
        _context = new DocumentationCheckContext(encounter.DateOfService, units) { BilledLines = encounter.BilledLines, Today = encounter.DateOfService };
        var findings = Validate();
        if (findings.Any(d => d.Severity >= Severity.Warning))
        {
            throw new InvalidOperationException("The benchmark note is not complete: " + string.Join("; ", findings));
        }
    }

    [Benchmark]
    public ImmutableArray<Diagnostic> Validate() => DocumentationCheck.Validate(_note, _context);
}
