using System.Collections.Immutable;

namespace TherapyBilling.Rules;

public static partial class ComplianceEngine
{
    /// <summary>The batch loop of <see cref="CheckAll(IEnumerable{Encounter}, ComplianceOptions?)"/> with the check to run per encounter (tests pass one that fails).</summary>
    internal static IEnumerable<EncounterReport> CheckAll(IEnumerable<Encounter> encounters, ComplianceOptions? options, Func<Encounter, ComplianceOptions?, EncounterReport> check)
    {
        Guard.NotNull(encounters);
        return Iterate(encounters, options, check);

        static IEnumerable<EncounterReport> Iterate(IEnumerable<Encounter> encounters, ComplianceOptions? options, Func<Encounter, ComplianceOptions?, EncounterReport> check)
        {
            foreach (var encounter in encounters)
            {
                ArgumentNullException.ThrowIfNull(encounter, nameof(encounters));
                yield return CheckIsolated(encounter, options, check);
            }
        }
    }

    /// <summary>Runs one check; an unexpected exception becomes the encounter's only finding (TBR015, the exception type only: never its message, which can quote input).</summary>
    internal static EncounterReport CheckIsolated(Encounter encounter, ComplianceOptions? options, Func<Encounter, ComplianceOptions?, EncounterReport> check)
    {
        try
        {
            return check(encounter, options);
        }
#pragma warning disable CA1031 // Per-record isolation: one record's defect must not lose the rest of the batch.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return InternalErrorReport(encounter, options ?? ComplianceOptions.Default, e);
        }
    }

    private static EncounterReport InternalErrorReport(Encounter encounter, ComplianceOptions options, Exception exception)
    {
        var finding = DiagnosticDescriptors.InternalError.Create(string.Empty, Arg.Of("exception", exception.GetType().Name));
        var method = encounter.Method ?? options.DefaultMethod;
        var units = new UnitCalculation(method, [], new MinuteTotals(0, 0, 0, 0), 0, [], options.PreferredOrder.IsDefault ? [] : options.PreferredOrder, options.Catalog.Version, []);
        return new EncounterReport(encounter.Id ?? string.Empty, encounter.DateOfService, units, ImmutableArray<ReportLine>.Empty, [finding], []);
    }
}
