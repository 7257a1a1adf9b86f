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
        };
        var result = CodePairCheck.Check(input, separationOptions);
        diagnostics.AddRange(FixAttacher.Attach(result.Diagnostics, SeparationFixes.Of(input, result)));
    }
}
