// FhirIntegration: an EMR's FHIR R4 Bundle in, the billing rules over each visit, OperationOutcomes back.
// Usage: dotnet run --project samples/FhirIntegration [bundle.json]
using Hl7.Fhir.Model;
using TherapyBilling.Rules;
using TherapyBilling.Rules.Fhir;

string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "bundle.json");
var bundle = (Bundle)FhirJson.ParseResource(File.ReadAllText(path));

// 1. FHIR -> encounters. Mapping problems are findings with FHIRPaths, never silent drops.
var read = FhirEncounterReader.Read(bundle);
Console.WriteLine($"{read.Resources} resource(s): {read.Encounters.Length} encounter(s), {read.IgnoredResources} not relevant (ignored)");

// 2. Check each encounter that could be mapped, and write one OperationOutcome per encounter.
var outcomes = new List<OperationOutcome>();
foreach (var visit in read.Encounters)
{
    EncounterReport? report = visit.Encounter is { } encounter ? ComplianceEngine.Check(encounter) : null;
    var outcome = FhirOutcomeWriter.ToOperationOutcome(visit, report);
    outcomes.Add(outcome);

    string units = report is null ? "not checked" : $"{report.Units.TotalUnits} unit(s)";
    Console.WriteLine($"{visit.Id}: {units}");
    foreach (var issue in outcome.Issue.Where(i => i.Severity != OperationOutcome.IssueSeverity.Information))
    {
        Console.WriteLine($"  {issue.Severity} {issue.Details?.Coding[0].Code} at {string.Join(", ", issue.Expression)}");
    }
}

// 3. A Bundle of OperationOutcomes for the batch, ready to POST back or store beside the claim.
var results = FhirOutcomeWriter.ToBundle(outcomes);
Console.WriteLine($"OperationOutcome bundle: {results.Entry.Count} entr(ies), {FhirJson.Serialize(results).Length} bytes");
