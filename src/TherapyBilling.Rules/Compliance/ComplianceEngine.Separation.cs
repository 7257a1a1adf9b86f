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
        bool checkPairEdits = profile?.ApplyNcciEdits ?? true;
        var settings = new PairCheckSettings(
            options.PairTable,
            options.Catalog,
            checkPairEdits,
            CheckDisciplineModifiers: profile?.RequireDisciplineModifier ?? true,
            ReportTimeOverlaps: false, // the unit calculation reports each overlap once (TBR101)
            RegionDistinctPair.Default);
        CodePairCheck.CheckEncounter(encounter, units, settings, diagnostics);

        // MUE is part of NCCI: checked where the edits apply and a table is loaded; without a table the report's
        // reference data carries the one "not checked" notice (TBR315), not every encounter.
        if (checkPairEdits && options.MueTable is { } mue)
        {
            MueCheck.CheckEncounter(encounter, units, mue, diagnostics);
        }
    }
}
