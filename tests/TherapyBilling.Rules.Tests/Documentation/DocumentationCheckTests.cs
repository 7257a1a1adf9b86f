using static TherapyBilling.Rules.Tests.Documentation.NoteFixtures;

namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>One test per documentation check (BPM ch. 15 §220.3; rules reference §3).</summary>
public sealed class DocumentationCheckTests
{
    private static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string id) => Assert.Single(diagnostics, d => d.Id == id);

    [Fact]
    public void Validate_CompleteNote_NoFindings()
    {
        Assert.Empty(Check(Complete()));
    }

    [Theory]
    [InlineData("dateOfService")]
    [InlineData("interventions")]
    [InlineData("totalTimedMinutes")]
    [InlineData("totalTreatmentMinutes")]
    [InlineData("signature")]
    [InlineData("signature.credentials")]
    public void Validate_MedicareElementMissing_ErrorAtItsPath(string path)
    {
        var note = Complete();
        note = path switch
        {
            "dateOfService" => note with { DateOfService = null },
            "interventions" => note with { Interventions = [] },
            "totalTimedMinutes" => note with { TotalTimedMinutes = null },
            "totalTreatmentMinutes" => note with { TotalTreatmentMinutes = null },
            "signature" => note with { Signature = note.Signature! with { IsSigned = false } },
            _ => note with { Signature = note.Signature! with { Credentials = " " } },
        };
        var d = Assert.Single(Check(note), d => d.Id == DiagnosticIds.NoteElementMissing);
        Assert.Equal("documentation." + path, d.Path);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("220.3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AssistantInvolvedWithoutSignature_ContributorMissing()
    {
        var note = Complete() with { AssistantInvolved = true };
        Assert.Equal("documentation.contributors", Single(Check(note), DiagnosticIds.NoteElementMissing).Path);
        var signed = note with { Contributors = [new NoteSignature { IsSigned = true, Credentials = "COTA", Role = ClinicianRole.Assistant }] };
        Assert.Empty(Check(signed));
    }

    [Fact]
    public void Validate_NoteDatedAnotherDay_Error()
    {
        var d = Single(Check(Complete() with { DateOfService = Dos.PlusDays(-1) }), DiagnosticIds.NoteDateDiffers);
        Assert.Equal("2026-03-09", d.GetArgument("noteDate"));
    }

    [Fact]
    public void Validate_TotalTimedMinutesDifferFromSegments_Error()
    {
        var d = Single(Check(Complete() with { TotalTimedMinutes = 25 }), DiagnosticIds.TotalTimedMinutesDiffer);
        Assert.Equal("25", d.GetArgument("recorded"));
        Assert.Equal("30", d.GetArgument("computed"));
    }

    [Theory]
    [InlineData(22, 2, true)]   // 22 minutes support 1 unit under CMS
    [InlineData(23, 2, false)]  // 23 support 2
    [InlineData(38, 3, false)]
    [InlineData(37, 3, true)]
    public void Validate_BilledUnitsAgainstRecordedMinutes_AgreesWithTheUnitEngine(int recorded, int billed, bool flagged)
    {
        var note = Complete(recorded);
        var context = Context(recorded) with { BilledLines = [new BilledLine(C97535, billed)] };
        var findings = Check(note, context);
        Assert.Equal(flagged, findings.Any(d => d.Id == DiagnosticIds.UnitsNotSupportedByNote));
        Assert.Equal(UnitAllocator.UnitsForMinutes(recorded) < billed, flagged);
    }

    [Fact]
    public void Validate_TotalTreatmentTimeBelowTimed_Error()
    {
        var d = Single(Check(Complete() with { TotalTreatmentMinutes = 20 }), DiagnosticIds.TotalTreatmentTimeTooShort);
        Assert.Equal("documentation.totalTreatmentMinutes", d.Path);
    }

    [Fact]
    public void Validate_UnbilledTimedServiceNotOnNote_Error()
    {
        var units = UnitCalculator.Calculate(
            [TreatmentSegment.FromMinutes(C97535, 30), TreatmentSegment.FromMinutes(C97110, 5)], UnitMethod.Cms);
        var note = Complete() with { TotalTimedMinutes = 35, TotalTreatmentMinutes = 40 };
        var d = Single(Check(note, new DocumentationCheckContext(Dos, units)), DiagnosticIds.TimedServiceNotDocumented);
        Assert.Equal("97110", d.GetArgument("code"));
        Assert.Equal("segments[1]", d.GetArgument("where"));
    }

    [Theory]
    [InlineData("task")]
    [InlineData("assistanceBefore")]
    [InlineData("assistanceAfter")]
    [InlineData("patientResponse")]
    [InlineData("goalIds")]
    [InlineData("oneOnOne")]
    [InlineData("ableToFollowInstructions")]
    public void Validate_97535ElementMissing_WarningAtItsPath(string member)
    {
        var note = Complete().WithIntervention(n => member switch
        {
            "task" => n with { Task = null },
            "assistanceBefore" => n with { AssistanceBefore = null },
            "assistanceAfter" => n with { AssistanceAfter = null },
            "patientResponse" => n with { PatientResponse = "" },
            "goalIds" => n with { GoalIds = [] },
            "oneOnOne" => n with { OneOnOne = null },
            _ => n with { AbleToFollowInstructions = null },
        });
        var d = Single(Check(note), DiagnosticIds.AdlElementMissing);
        Assert.Equal("documentation.interventions[0]." + member, d.Path);
        Assert.Equal(Severity.Warning, d.Severity);
    }

    [Fact]
    public void Validate_97535NoStrategyEquipmentOrSafety_TrainingContentMissing()
    {
        var note = Complete().WithIntervention(n => n with { CompensatoryStrategy = null, AdaptiveEquipment = null, SafetyInstruction = null });
        Assert.Equal("documentation.interventions[0]", Single(Check(note), DiagnosticIds.AdlElementMissing).Path);
        // One of the three is enough by default.
        Assert.Empty(Check(Complete().WithIntervention(n => n with { CompensatoryStrategy = null, AdaptiveEquipment = null })));
    }

    [Fact]
    public void Validate_GenericTaskName_TaskMissing()
    {
        var d = Single(Check(Complete().WithIntervention(n => n with { Task = "ADL Training" })), DiagnosticIds.AdlElementMissing);
        Assert.Contains("generic", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  self-care,  TRAINING!  ", true)] // normalised: "self care training"
    [InlineData(" Self-Care ", true)] // trimmed: "Self-Care"
    [InlineData("self care training of lower-body dressing", false)]
    [InlineData("ADL", true)]
    [InlineData("ADL x", false)]
    public void Validate_GenericTaskName_ByTokensOrTrimmed(string task, bool generic)
    {
        // The same at every length: the task is normalised on the stack up to 128 characters, in a pooled buffer above.
        foreach (string padded in new[] { task, new string(' ', 200) + task + new string('\t', 3) })
        {
            var findings = Check(Complete().WithIntervention(n => n with { Task = padded }));
            Assert.Equal(generic, findings.Any(d => d.Id == DiagnosticIds.AdlElementMissing && d.Message.Contains("generic", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Validate_AssistanceLevelWithoutScale_ScaleMissing()
    {
        var d = Single(Check(Complete().WithIntervention(n => n with { AssistanceBefore = new AssistanceLevel(null, "3") })), DiagnosticIds.AdlElementMissing);
        Assert.Equal("documentation.interventions[0].assistanceBefore.scale", d.Path);
    }

    [Fact]
    public void Validate_GoalLinkToUnknownGoal_ErrorNamesTheLinkNotTheId()
    {
        var d = Single(Check(Complete().WithIntervention(n => n with { GoalIds = ["STG1", "STG9"] })), DiagnosticIds.GoalLinkUnresolved);
        Assert.Equal("documentation.interventions[0].goalIds[1]", d.Path);
        // The goal id is the clinician's free label: the finding names the link by its path, never the id.
        Assert.Equal("goalIds[1]", d.GetArgument("link"));
        Assert.DoesNotContain("STG9", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CaregiverOnly_Error()
    {
        var d = Single(Check(Complete().WithIntervention(n => n with { CaregiverOnly = true })), DiagnosticIds.CaregiverOnlyTraining);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("97550", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FIM", "6", true)]
    [InlineData("FIM", "7", true)]
    [InlineData("FIM", "5", false)]
    [InlineData("fim", "6", true)]
    [InlineData("descriptive", "Modified Independent", true)]
    [InlineData("descriptive", "minimal assistance", false)]
    [InlineData("GG", "06", true)]
    [InlineData("unknown-scale", "7", false)]
    public void Validate_AssistanceAfterAtIndependence_StopBillingWarning(string scale, string value, bool flagged)
    {
        var findings = Check(Complete().WithIntervention(n => n with { AssistanceAfter = new AssistanceLevel(scale, value) }));
        var d = findings.SingleOrDefault(d => d.Id == DiagnosticIds.GoalReachedIndependence);
        Assert.Equal(flagged, d is not null);
        if (d is not null)
        {
            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Equal("goalIds[0]", d.GetArgument("goals"));
            Assert.DoesNotContain("STG1", d.Message, StringComparison.Ordinal);
            Assert.Contains("Stop billing", d.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_NotOneOnOneOrCannotFollowInstructions_Flagged()
    {
        var findings = Check(Complete().WithIntervention(n => n with { OneOnOne = false, AbleToFollowInstructions = false }));
        Assert.Equal(Severity.Error, Single(findings, DiagnosticIds.NotOneOnOne).Severity);
        Assert.Equal(Severity.Warning, Single(findings, DiagnosticIds.PatientCannotFollowInstructions).Severity);
    }

    [Fact]
    public void Validate_NarrativeSameAsPreviousVisit_ClonedWarningWithoutText()
    {
        string previous = Narrative.ToUpperInvariant().Replace(";", ",   ", StringComparison.Ordinal);
        var note = Complete() with { Episode = new EpisodeContext { PreviousNarrative = previous } };
        var d = Single(Check(note), DiagnosticIds.ClonedNarrative);
        Assert.Equal("documentation.interventions[0].narrative", d.Path);
        Assert.Equal("100%", d.GetArgument("similarity"));
        Assert.DoesNotContain("reacher", d.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_NarrativeDifferentFromPreviousVisit_NotCloned()
    {
        var note = Complete() with { Episode = new EpisodeContext { PreviousNarrative = "Trained tub transfer with tub bench and grab bar; patient required moderate assistance and demonstrated poor sequencing today." } };
        Assert.DoesNotContain(Check(note), d => d.Id == DiagnosticIds.ClonedNarrative);
    }

    [Fact]
    public void Validate_NarrativeTooShort_Warning()
    {
        var d = Single(Check(Complete().WithIntervention(n => n with { Narrative = "ADL training, tolerated well." })), DiagnosticIds.NarrativeTooShort);
        Assert.Equal("4", d.GetArgument("words"));
    }

    [Fact]
    public void Validate_NarrativeThresholdsAreData()
    {
        var set = DocumentationRequirementSet.Medicare with { MinimumNarrativeWords = 100 };
        Assert.Contains(Check(Complete(), Context() with { Requirements = set }), d => d.Id == DiagnosticIds.NarrativeTooShort);
    }

    [Fact]
    public void CheckAverageMinutesPerUnit_UnderFifteenAcrossPeriod_Info()
    {
        var d = DocumentationCheck.CheckAverageMinutesPerUnit([new VisitUsage(38, 3), new VisitUsage(23, 2), new VisitUsage(8, 1)]);
        Assert.NotNull(d);
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Equal("11.5", d.GetArgument("average"));
        Assert.Null(DocumentationCheck.CheckAverageMinutesPerUnit([new VisitUsage(45, 3), new VisitUsage(30, 2)]));
        Assert.Null(DocumentationCheck.CheckAverageMinutesPerUnit([]));
    }

    [Fact]
    public void Validate_EpisodePeriodTotalsUnderFifteen_Info()
    {
        var note = Complete() with { Episode = new EpisodeContext { PeriodTimedMinutes = 130, PeriodTimedUnits = 10 } };
        Assert.Equal("documentation.episode.periodTimedUnits", Single(Check(note), DiagnosticIds.LowAverageMinutesPerUnit).Path);
    }

    [Fact]
    public void Validate_SeverityOverride_Applies()
    {
        var set = DocumentationRequirementSet.Medicare with
        {
            SeverityOverrides = System.Collections.Immutable.ImmutableDictionary<string, Severity>.Empty.Add(DiagnosticIds.CaregiverOnlyTraining, Severity.Warning),
        };
        var findings = Check(Complete().WithIntervention(n => n with { CaregiverOnly = true }), Context() with { Requirements = set });
        Assert.Equal(Severity.Warning, Single(findings, DiagnosticIds.CaregiverOnlyTraining).Severity);
    }

    [Fact]
    public void Validate_RequirementRemovedOrAdded_FollowsTheSet()
    {
        var without = DocumentationRequirementSet.Medicare.Without(NoteElement.AdlTask);
        Assert.Empty(Check(Complete().WithIntervention(n => n with { Task = null }), Context() with { Requirements = without }));
        var with = DocumentationRequirementSet.Medicare.WithRequirement(new(NoteElement.SafetyInstruction, Severity.Error, "payer manual", "M"));
        var d = Single(Check(Complete().WithIntervention(n => n with { SafetyInstruction = null }), Context() with { Requirements = with }), DiagnosticIds.AdlElementMissing);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("documentation.interventions[0].safetyInstruction", d.Path);
    }

    [Fact]
    public void Validate_MedicareSet_EveryRequirementCitesASource()
    {
        Assert.All(DocumentationRequirementSet.Medicare.Requirements, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.Contains(r.Confidence, new[] { "H", "M", "L" });
        });
    }

    [Fact]
    public void Engine_EncounterWithDocumentation_RunsTheChecksAtDocumentationPaths()
    {
        var encounter = new Encounter("e1", Dos, [TreatmentSegment.FromMinutes(C97535, 30) with { Modifiers = [Modifier.GO] }]) { Documentation = Complete() with { TotalTreatmentMinutes = null } };
        var report = ComplianceEngine.Check(encounter);
        Assert.Equal("documentation.totalTreatmentMinutes", Single(report.Diagnostics, DiagnosticIds.NoteElementMissing).Path);
        Assert.Contains(ComplianceOptions.Default.DescribeReferenceData(), t => t.Name == "documentationRequirements");
        Assert.Empty(ComplianceEngine.Check(encounter with { Documentation = null }).Diagnostics);
    }

    [Fact]
    public void Descriptors_DocumentationIds_AreRegisteredWithPages()
    {
        var ids = DiagnosticDescriptors.All.Where(d => d.Category == "Documentation" || d.Id.StartsWith("TBR03", StringComparison.Ordinal)).Select(d => d.Id).ToList();
        Assert.Equal(28, ids.Count);
        string projectDir = typeof(DocumentationCheckTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDir").Value!;
        string root = Path.GetFullPath(Path.Combine(projectDir, "..", ".."));
        foreach (string id in ids)
        {
            string page = Path.Combine(root, "docs", "diagnostics", id + ".md");
            Assert.True(File.Exists(page), page);
            string text = File.ReadAllText(page);
            foreach (string section in new[] { "## What it checks", "## Why", "## Example that triggers it", "## How to fix", "## Source", "## Since" })
            {
                Assert.Contains(section, text, StringComparison.Ordinal);
            }
        }
    }
}
