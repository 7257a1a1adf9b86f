using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// <c>measure-stages</c>: the exact bytes each stage of one record allocates (the average of many calls on one
/// thread, after warm-up), for every mix of the batch: reading (JSON document, element path, UTF-8 fast path) and
/// checking (units, separation, documentation, payer rules, the full check). Allocation is exact where time on a
/// shared machine is not; it shows where the per-encounter bytes of <see cref="LimitBenchmarks"/> go.
/// </summary>
internal static class StageAllocations
{
    private const int Calls = 2000;

    public static int Run(TextWriter output)
    {
        var options = ComplianceOptions.Default with { Today = EncounterMixes.DateOfService };
        output.WriteLine("| segments | times | note | bytes | Parse | ParseRead | ReadSpan | Units | Separation | Documentation | Check (no note, no payer) | Check (no note) | Check |");
        output.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (int count in new[] { 1, 3, 6, 12 })
        {
            foreach (bool times in new[] { false, true })
            {
                foreach (bool note in new[] { false, true })
                {
                    string json = EncounterMixes.Json("enc-0000001", count, times, note);
                    byte[] utf8 = Encoding.UTF8.GetBytes(json);
                    var encounter = EncounterMixes.Parse(json);
                    var units = UnitCalculator.Calculate(encounter.Segments, UnitMethod.Cms, new UnitCalculationOptions { DateOfService = encounter.DateOfService });
                    var separation = SeparationInput.FromBilledLines(encounter.DateOfService, encounter.Segments, encounter.BilledLines, encounter.Discipline);
                    var context = new DocumentationCheckContext(encounter.DateOfService, units) { BilledLines = encounter.BilledLines, Today = encounter.DateOfService };
                    var noNote = encounter with { Documentation = null };
                    var noPayer = noNote with { PayerId = null };
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {count} | {(times ? "yes" : "no")} | {(note ? "yes" : "no")} | {utf8.Length:N0} " +
                        $"| {Bytes(() => { using var d = JsonDocument.Parse(utf8); return d.RootElement.ValueKind; })} " +
                        $"| {Bytes(() => { using var d = JsonDocument.Parse(utf8); return EncounterJson.Read(d.RootElement).Encounter; })} " +
                        $"| {Bytes(() => EncounterJson.Read(utf8, null).Encounter)} " +
                        $"| {Bytes(() => UnitCalculator.Calculate(encounter.Segments, UnitMethod.Cms, new UnitCalculationOptions { DateOfService = encounter.DateOfService }))} " +
                        $"| {Bytes(() => CodePairCheck.Check(separation))} " +
                        $"| {(note ? Bytes(() => DocumentationCheck.Validate(encounter.Documentation!, context)).ToString("N0", CultureInfo.InvariantCulture) : "–")} " +
                        $"| {Bytes(() => ComplianceEngine.Check(noPayer, options))} " +
                        $"| {Bytes(() => ComplianceEngine.Check(noNote, options))} " +
                        $"| {Bytes(() => ComplianceEngine.Check(encounter, options))} |"));
                }
            }
        }

        return 0;
    }

    /// <summary>The bytes one call allocates on this thread, averaged over <see cref="Calls"/> calls after as many warm-up calls.</summary>
    private static long Bytes<T>(Func<T> call)
    {
        for (int i = 0; i < Calls; i++)
        {
            GC.KeepAlive(call());
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            GC.KeepAlive(call());
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }
}
