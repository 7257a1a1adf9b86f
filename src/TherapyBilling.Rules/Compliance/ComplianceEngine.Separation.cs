namespace TherapyBilling.Rules;

public static partial class ComplianceEngine
{
    /// <summary>Runs the code-separation checks: on the billed lines when the encounter has them, else on the computed lines with units.</summary>
    static partial void RunSeparation(Encounter encounter, UnitCalculation units, ComplianceOptions options, List<Diagnostic> diagnostics)
    {
        var input = encounter.BilledLines.IsDefaultOrEmpty
            ? SeparationInput.FromUnitCalculation(encounter.DateOfService, encounter.Segments, units, encounter.Discipline)
            : SeparationInput.FromBilledLines(encounter.DateOfService, encounter.Segments, encounter.BilledLines, encounter.Discipline);
        var result = CodePairCheck.Check(input, new SeparationOptions { PairTable = options.PairTable, Catalog = options.Catalog });
        diagnostics.AddRange(result.Diagnostics);
    }
}
