namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>The example of docs/documentation-checks.md, compiled and run.</summary>
public sealed class DocumentationReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_CompilesAndFindsOnlyTheExpected()
    {
        var dos = new LocalDate(2026, 3, 10);
        var selfCare = CptCode.Parse("97535");
        var note = new TreatmentNote
        {
            DateOfService = dos,
            TotalTimedMinutes = 30,
            TotalTreatmentMinutes = 35,
            Signature = new NoteSignature { IsSigned = true, Credentials = "OTR/L", Role = ClinicianRole.Therapist },
            Goals = [new FunctionalGoal("STG1")],
            Interventions =
            [
                new NoteIntervention
                {
                    Code = selfCare, Minutes = 30, Billed = true,
                    Task = "lower-body dressing",
                    AssistanceBefore = new AssistanceLevel("FIM", "3"),
                    AssistanceAfter = new AssistanceLevel("FIM", "4"),
                    AdaptiveEquipment = "reacher, sock aid",
                    PatientResponse = "teach-back correct after two cues",
                    GoalIds = ["STG1"], OneOnOne = true, AbleToFollowInstructions = true,
                },
            ],
            Episode = new EpisodeContext
            {
                FirstTreatmentDate = new LocalDate(2026, 2, 2),
                TreatmentDays = [],
                PlanOfCare = new PlanOfCare { SignedOn = new LocalDate(2026, 2, 20), Duration = Period.FromDays(60) },
            },
        };

        var encounter = new Encounter("enc-1", dos, [TreatmentSegment.FromMinutes(selfCare, 30) with { Modifiers = [Modifier.GO] }]) { Documentation = note };
        var report = ComplianceEngine.Check(encounter, ComplianceOptions.Default with { Today = dos });
        Assert.Empty(report.Diagnostics);

        var payerX = DocumentationRequirementSet.Medicare
            .WithRequirement(new(NoteElement.SafetyInstruction, Severity.Warning, "Payer X manual §4", "M"))
            .Without(NoteElement.AbilityToFollowInstructions) with { Name = "payer-x", MinimumNarrativeWords = 25 };
        var options = ComplianceOptions.Default with { DocumentationRequirements = payerX };
        var strict = ComplianceEngine.Check(encounter, options);
        Assert.Equal("documentation.interventions[0].safetyInstruction", Assert.Single(strict.Diagnostics).Path);
    }
}
