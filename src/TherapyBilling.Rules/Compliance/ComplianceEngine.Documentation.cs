namespace TherapyBilling.Rules;

public static partial class ComplianceEngine
{
    static partial void RunDocumentation(Encounter encounter, UnitCalculation units, ComplianceOptions options, PayerProfile? profile, List<Diagnostic> diagnostics)
    {
        if (encounter.Documentation is not { } note)
        {
            return;
        }

        var context = new DocumentationCheckContext(encounter.DateOfService, units)
        {
            BilledLines = encounter.BilledLines,
            Requirements = options.DocumentationRequirementsFor(profile),
            Catalog = options.Catalog,
            Today = options.Today,
            NotePath = "documentation",
        };
        diagnostics.AddRange(DocumentationCheck.Validate(note, context));
    }
}
