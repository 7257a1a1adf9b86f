using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using TherapyBilling.Rules.Fhir.Tests.Support;

namespace TherapyBilling.Rules.Fhir.Tests;

public class OutcomeTests
{
    private static readonly Lazy<Validator> s_validator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
    });

    private static IEnumerable<OperationOutcome> SampleOutcomes()
    {
        foreach (var encounter in SampleEncounters.Load())
        {
            yield return FhirOutcomeWriter.ToOperationOutcome(encounter.Id, ComplianceEngine.Check(encounter).Diagnostics);
        }

        var read = F.ReadOne(F.Encounter(), F.Procedure("p1", end: null), F.Claim("c1", F.Item("97110", 1, "Encounter/e1", "GP")));
        yield return FhirOutcomeWriter.ToOperationOutcome(read, null);
        var ok = F.ReadOne(F.Encounter("e2"), F.Procedure("p2", encounter: "Encounter/e2"), F.Claim("c2", F.Item("97535", 2, "Encounter/e2", "GP")));
        yield return FhirOutcomeWriter.ToOperationOutcome(ok, ComplianceEngine.Check(ok.Encounter!));
    }

    [Fact]
    public void Issue_CarriesSeverityCodeIdMessageAndFhirPath()
    {
        var read = F.ReadOne(F.Encounter(), F.Procedure("abc", end: null));
        var issue = Assert.Single(FhirOutcomeWriter.ToOperationOutcome(read, null).Issue);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, issue.Severity);
        Assert.Equal(OperationOutcome.IssueType.Invalid, issue.Code);
        Assert.Equal((FhirSystems.DiagnosticId, "TBR071"), (issue.Details!.Coding[0].System, issue.Details.Coding[0].Code));
        Assert.Equal(read.Diagnostics[0].Message, issue.Diagnostics);
        Assert.Equal(["Procedure/abc.performedPeriod.end"], issue.Expression);
    }

    [Fact]
    public void ReportFindings_PointAtTheFhirElement()
    {
        // 97535 for 23 minutes billed as 3 units: the units finding is about the Claim item's quantity.
        var read = F.ReadOne(F.Encounter(), F.Procedure("p1"), F.Claim("c1", F.Item("97535", 3, "Encounter/e1", "GP")));
        var outcome = FhirOutcomeWriter.ToOperationOutcome(read, ComplianceEngine.Check(read.Encounter!));
        Assert.Contains(outcome.Issue, i => i.Expression!.Any(e => e?.StartsWith("Claim/c1.item[0]", StringComparison.Ordinal) == true));
        Assert.All(outcome.Issue, i => Assert.All(i.Expression, e => Assert.Matches("^(Encounter|Procedure|Claim)/", e)));
        Assert.Equal("e1", outcome.Id);
    }

    [Fact]
    public void ProvenFix_TravelsInDetailsText()
    {
        // 97535 for 23 minutes billed as 3 units on one item, no tie: the library proves "bill 2", so the issue says so.
        var read = F.ReadOne(F.Encounter(), F.Procedure("p1"), F.Claim("c1", F.Item("97535", 3, "Encounter/e1", "GP")));
        var report = ComplianceEngine.Check(read.Encounter!);
        var units = Assert.Single(report.Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        var fix = Assert.Single(units.Fixes);

        var issue = Assert.Single(FhirOutcomeWriter.ToOperationOutcome(read, report).Issue, i => i.Details!.Coding[0].Code == DiagnosticIds.BilledUnitsDiffer);

        Assert.Equal(units.Descriptor.Title + ". Fix: 97535: " + fix.Describe() + ".", issue.Details!.Text);
        Assert.Contains("2", fix.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoFindings_GiveOneInformationalIssue()
    {
        var issue = Assert.Single(FhirOutcomeWriter.ToOperationOutcome("e1", []).Issue);
        Assert.Equal(OperationOutcome.IssueType.Informational, issue.Code);
    }

    [Fact]
    public void JsonContractPaths_GoToLocation()
    {
        var diagnostic = DiagnosticDescriptors.InputMissingField.Create("segments[0].code", new DiagnosticArgument("field", "segments[0].code"));
        var issue = Assert.Single(FhirOutcomeWriter.ToOperationOutcome("e1", [diagnostic]).Issue);
        Assert.Empty(issue.Expression);
        Assert.Equal(["segments[0].code"], issue.Location);
    }

    [Fact]
    public void OperationOutcomes_AndTheirBundle_ValidateAgainstTheR4BaseSpec()
    {
        var outcomes = SampleOutcomes().ToList();
        foreach (var resource in outcomes.Cast<Resource>().Append(FhirOutcomeWriter.ToBundle(outcomes)))
        {
            var result = s_validator.Value.Validate(resource);
            var errors = result.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
            Assert.True(errors.Count == 0, resource.TypeName + "/" + resource.Id + ":\n" + string.Join("\n", errors.Select(e => $"{e.Code} {string.Join(",", e.Expression)}: {e.Details?.Text}")));
        }
    }

    [Fact]
    public void Validator_CatchesAnInvalidOutcome()
    {
        // The validation test must be able to fail: an issue without its required code is an error.
        var bad = new OperationOutcome { Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error }] };
        Assert.Contains(s_validator.Value.Validate(bad).Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }
}
