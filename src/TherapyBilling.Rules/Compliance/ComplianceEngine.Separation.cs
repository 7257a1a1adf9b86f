namespace TherapyBilling.Rules;

public static partial class ComplianceEngine
{
    /// <summary>
    /// Runs the code-separation checks: on the billed lines when the encounter has them, else on the computed lines
    /// with units. The encounter's payer profile says whether NCCI edits and discipline modifiers apply; without a
    /// profile both do (the CMS rules).
    /// </summary>
    static partial void RunSeparation(Encounter encounter, UnitCalculation units, ComplianceOptions options, PayerProfile? profile, List<Diagnostic> diagnostics)
    {
        var input = encounter.BilledLines.IsDefaultOrEmpty
            ? SeparationInput.FromUnitCalculation(encounter.DateOfService, encounter.Segments, units, encounter.Discipline)
            : SeparationInput.FromBilledLines(encounter.DateOfService, encounter.Segments, encounter.BilledLines, encounter.Discipline);
        var separationOptions = new SeparationOptions
        {
            PairTable = options.PairTable,
            Catalog = options.Catalog,
            CheckPairEdits = profile?.ApplyNcciEdits ?? true,
            CheckDisciplineModifiers = profile?.RequireDisciplineModifier ?? true,
            ReportTimeOverlaps = false, // the unit calculation reports each overlap once (TBR101)
        };
        var result = CodePairCheck.Check(input, separationOptions);
        diagnostics.AddRange(FixAttacher.Attach(result.Diagnostics, SeparationFixes.Of(input, result)));

        // MUE is part of NCCI: checked where the edits apply and a table is loaded; without a table the report's
        // reference data carries the one "not checked" notice (TBR315), not every encounter.
        if (separationOptions.CheckPairEdits && options.MueTable is { } mue)
        {
            diagnostics.AddRange(MueCheck.Check(encounter.DateOfService, MueCheck.LinesOf(encounter, units), mue));
        }
    }
}
