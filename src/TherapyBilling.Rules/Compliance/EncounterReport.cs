using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>What the engine found for one encounter: the computed lines, the units and every diagnostic.</summary>
/// <remarks>Immutable and thread-safe. Diagnostics are in the canonical order (<see cref="DiagnosticOrder"/>).</remarks>
public sealed record EncounterReport
{
    internal EncounterReport(string id, LocalDate dateOfService, UnitCalculation units, ImmutableArray<ReportLine> lines, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<SuppressedDiagnostic> suppressed)
    {
        Suppressed = suppressed;
        Fixes = FixesOf(diagnostics);
        Id = id;
        DateOfService = dateOfService;
        Units = units;
        Lines = lines;
        Diagnostics = diagnostics;
    }

    /// <summary>Every fix of every diagnostic, in order; the shared empty array when none has one (the usual report).</summary>
    private static ImmutableArray<Fix> FixesOf(ImmutableArray<Diagnostic> diagnostics)
    {
        int count = 0;
        foreach (var diagnostic in diagnostics)
        {
            count += diagnostic.Fixes.Length;
        }

        if (count == 0)
        {
            return [];
        }

        var fixes = ImmutableArray.CreateBuilder<Fix>(count);
        foreach (var diagnostic in diagnostics)
        {
            fixes.AddRange(diagnostic.Fixes);
        }

        return fixes.MoveToImmutable();
    }

    /// <summary>Gets the encounter's id.</summary>
    public string Id { get; }

    /// <summary>Gets the date of service.</summary>
    public LocalDate DateOfService { get; }

    /// <summary>Gets the method the units were computed with.</summary>
    public UnitMethod Method => Units.Method;

    /// <summary>Gets the unit calculation, with its explanation.</summary>
    public UnitCalculation Units { get; }

    /// <summary>Gets the computed lines, one per code in input order, zero-unit timed lines included.</summary>
    public ImmutableArray<ReportLine> Lines { get; }

    /// <summary>Gets every diagnostic of every check family, in the canonical order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Gets the reference data the report rests on (code catalog, pair table with its provenance, MUE table, payer
    /// data), with the run-level notices such as "MUE not checked" (<see cref="ReferenceDataInfo.Notice"/>), which are
    /// not repeated in <see cref="Diagnostics"/>.
    /// </summary>
    public IReadOnlyList<ReferenceDataInfo> ReferenceData { get; init; } = [];

    /// <summary>Gets every fix of every diagnostic, in the diagnostics' order (see <see cref="Diagnostic.Fixes"/>).</summary>
    public ImmutableArray<Fix> Fixes { get; }

    /// <summary>Gets the findings that <see cref="ComplianceOptions.Suppressions"/> silenced, each with its suppression's reason, in the canonical order.</summary>
    public ImmutableArray<SuppressedDiagnostic> Suppressed { get; }

    /// <summary>Gets a value indicating whether any diagnostic is an error.</summary>
    public bool HasErrors => HasAtLeast(Severity.Error);

    /// <summary>Gets whether any diagnostic is at or above a severity.</summary>
    /// <param name="threshold">The severity.</param>
    /// <returns><see langword="true"/> when one is.</returns>
    public bool HasAtLeast(Severity threshold) => Diagnostics.Any(d => d.Severity >= threshold);

    /// <summary>Counts the diagnostics of a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The count.</returns>
    public int Count(Severity severity) => Diagnostics.Count(d => d.Severity == severity);
}
