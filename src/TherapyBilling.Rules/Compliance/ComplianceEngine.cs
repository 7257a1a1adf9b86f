using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>
/// Runs every rule family over an encounter: units first, then the billed lines against the units, then code
/// separation, documentation and payer rules. The families never call one another; they meet only here.
/// </summary>
/// <remarks>Pure and thread-safe: the same encounter and options always give the same report.</remarks>
/// <example><code>
/// var report = ComplianceEngine.Check(encounter, ComplianceOptions.Default);
/// foreach (var d in report.Diagnostics) Console.WriteLine(d);
/// </code></example>
public static partial class ComplianceEngine
{
    /// <summary>Checks one encounter.</summary>
    /// <param name="encounter">The encounter.</param>
    /// <param name="options">Reference data and policy; <see langword="null"/> for <see cref="ComplianceOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encounter"/> is <see langword="null"/>.</exception>
    public static EncounterReport Check(Encounter encounter, ComplianceOptions? options = null)
    {
        Guard.NotNull(encounter);
        options ??= ComplianceOptions.Default;
        // The payer profile and the method are resolved once and handed to every family.
        var profile = options.ResolvePayerProfile(encounter);
        var resolution = MethodResolution.Resolve(encounter.Method, profile, options.DefaultMethod);
        // One list of findings for every family; the unit calculation adds its own first (and keeps them, sorted).
        var diagnostics = new List<Diagnostic>();
        var computed = UnitCalculator.Calculate(
            encounter.Segments.AsSpan(), resolution.Method, options.Catalog, options.PreferredOrder, encounter.DateOfService, diagnostics);
        var units = BilledLineCheck.FollowBilledChoice(encounter, computed);
        PutInCanonicalOrder(diagnostics, units.Diagnostics);
        BilledLineCheck.Check(encounter, units, diagnostics);
        if (encounter is { Segments.IsEmpty: true, BilledLines.IsEmpty: true, Documentation: null })
        {
            // No data is not a pass (the JSON reader refuses such a record before it gets here; API callers get the same).
            diagnostics.Add(DiagnosticDescriptors.InputNothingToCheck.Create(string.Empty));
        }

        RunSeparation(encounter, units, options, profile, diagnostics);
        RunDocumentation(encounter, units, options, profile, diagnostics);
        RunPayers(encounter, units, options, profile, resolution, diagnostics);
        PayerFixes.Attach(encounter, units, diagnostics);

        // The user's policy, in one place after every family: severity overrides, suppressions, help links.
        var suppressed = FindingPolicy.Apply(diagnostics, options, encounter.PayerId ?? options.DefaultPayerId);
        return new EncounterReport(encounter.Id, encounter.DateOfService, units, BuildLines(encounter, units), DiagnosticOrder.Sort(diagnostics), suppressed)
        {
            ReferenceData = options.ReferenceDataOnce(),
        };
    }

    /// <summary>Checks encounters one by one, lazily, in input order; one encounter that cannot be checked never stops the others.</summary>
    /// <param name="encounters">The encounters.</param>
    /// <param name="options">Reference data and policy; <see langword="null"/> for the defaults.</param>
    /// <returns>
    /// One report per encounter, in input order. When checking one encounter throws unexpectedly (a defect in the
    /// library), its report holds only a TBR015 finding naming the exception type, no lines and no units, and the
    /// following encounters are still checked.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="encounters"/> or one of its items is <see langword="null"/> (when that item is reached).</exception>
    public static IEnumerable<EncounterReport> CheckAll(IEnumerable<Encounter> encounters, ComplianceOptions? options = null) =>
        CheckAll(encounters, options, Check);

    /// <summary>The code-separation family (TBR3xx).</summary>
    static partial void RunSeparation(Encounter encounter, UnitCalculation units, ComplianceOptions options, PayerProfile? profile, List<Diagnostic> diagnostics);

    /// <summary>The documentation family (TBR2xx).</summary>
    static partial void RunDocumentation(Encounter encounter, UnitCalculation units, ComplianceOptions options, PayerProfile? profile, List<Diagnostic> diagnostics);

    /// <summary>The payer family (TBR4xx).</summary>
    static partial void RunPayers(Encounter encounter, UnitCalculation units, ComplianceOptions options, PayerProfile? profile, MethodResolution resolution, List<Diagnostic> diagnostics);

    /// <summary>
    /// Puts the unit findings, the only ones in the list so far, in the calculation's canonical order, as the families
    /// have always seen them (the final sort is stable, so this keeps the report's order exactly as it was).
    /// </summary>
    private static void PutInCanonicalOrder(List<Diagnostic> diagnostics, ImmutableArray<Diagnostic> sorted)
    {
        for (int i = 0; i < sorted.Length; i++)
        {
            diagnostics[i] = sorted[i];
        }
    }

    private static ImmutableArray<ReportLine> BuildLines(Encounter encounter, UnitCalculation units)
    {
        var lines = new ReportLine[units.Lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            var line = units.Lines[i];
            lines[i] = new ReportLine(line.Code, line.Minutes, line.Units, ModifiersOf(encounter, line));
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(lines); // exact size, owned here: no copy
    }

    private static ImmutableArray<Modifier> ModifiersOf(Encounter encounter, UnitLine line)
    {
        // Every billed line of the code counts (a code can be split, e.g. 2 units GP and 1 unit GP CQ), in first-seen
        // order. The list of one source without repeats is shared as it is (the model is immutable).
        var distinct = new DistinctModifiers();
        bool billedCode = false;
        foreach (var billed in encounter.BilledLines)
        {
            if (billed.Code == line.Code)
            {
                billedCode = true;
                distinct.AddRange(billed.Modifiers);
            }
        }

        if (billedCode)
        {
            return distinct.ToImmutable();
        }

        foreach (int index in line.SegmentIndices)
        {
            distinct.AddRange(encounter.Segments[index].Modifiers);
        }

        return distinct.ToImmutable();
    }

    /// <summary>Modifiers in first-seen order without repeats; the first list added is kept as it is while nothing else is added.</summary>
    private struct DistinctModifiers
    {
        private ImmutableArray<Modifier> _first;
        private ImmutableArray<Modifier>.Builder? _builder;

        public void AddRange(ImmutableArray<Modifier> modifiers)
        {
            if (modifiers.IsDefaultOrEmpty)
            {
                return;
            }

            if (_builder is null && _first.IsDefault && !Modifier.HasRepeats(modifiers))
            {
                _first = modifiers;
                return;
            }

            if (_builder is null)
            {
                _builder = ImmutableArray.CreateBuilder<Modifier>();
                if (!_first.IsDefault)
                {
                    _builder.AddRange(_first);
                }
            }

            foreach (var modifier in modifiers)
            {
                if (!_builder.Contains(modifier))
                {
                    _builder.Add(modifier);
                }
            }
        }

        public readonly ImmutableArray<Modifier> ToImmutable() =>
            _builder is not null ? _builder.ToImmutable() : _first.IsDefault ? [] : _first;
    }
}
