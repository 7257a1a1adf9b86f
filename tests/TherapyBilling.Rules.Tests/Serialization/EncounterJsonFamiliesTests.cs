using System.Text.Json;

namespace TherapyBilling.Rules.Tests.Serialization;

/// <summary>
/// End to end through <see cref="EncounterJson.Read"/>: the <c>documentation</c> section, the payer fields and the segment
/// fields reach the model through the partial hooks (the families test their readers directly), and their input
/// diagnostics surface in the read result with paths into the encounter.
/// </summary>
public sealed class EncounterJsonFamiliesTests
{
    private static string ProjectDir() => typeof(EncounterJsonFamiliesTests).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDir").Value!;

    /// <summary>Gets the path of the fixture that uses every field of the input contract (also checked against the schema by the CLI tests).</summary>
    public static string AllFieldsPath() => Path.Combine(ProjectDir(), "Serialization", "Data", "all-fields.encounter.json");

    private static EncounterReadResult Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EncounterJson.Read(document.RootElement);
    }

    [Fact]
    public void Read_AllFields_EveryFamilyFieldReachesTheModel()
    {
        var read = Read(File.ReadAllText(AllFieldsPath()));

        Assert.Empty(read.Diagnostics);
        var e = read.Encounter!;

        // payer fields (ReadPayer hook)
        Assert.Equal("medicare", e.PayerId);
        Assert.True(e.IsTelehealth);
        Assert.Equal("10", e.PlaceOfService);
        Assert.Equal("BENE-9", e.BeneficiaryId);
        Assert.Equal(135.40m, e.AllowedAmount);
        Assert.Equal(2350m, e.KxYearToDateAllowed);
        var authorization = e.Authorization!;
        Assert.Equal(("AUTH-1", 12, new LocalDate(2025, 9, 2), new LocalDate(2025, 9, 30)), (authorization.Id, authorization.VisitCount, authorization.From, authorization.Through));
        Assert.Equal("medicare", authorization.PayerId);
        Assert.Equal(Discipline.PhysicalTherapy, authorization.Discipline);
        Assert.Equal(new[] { CptCode.Parse("97535"), CptCode.Parse("97110") }, authorization.Codes.ToArray());
        Assert.Equal(7, e.AuthorizationVisitsUsed);

        // segment fields (ReadSegmentExtensions hook), for a timed segment and a minutes segment
        Assert.Equal(ProviderRole.Therapist, e.Segments[0].FurnishedBy);
        Assert.Equal(ProviderRole.Assistant, e.Segments[1].FurnishedBy);
        Assert.Null(e.Segments[2].FurnishedBy);
        Assert.Equal(2, e.Segments[2].AssistantMinutes);
        Assert.Equal(new[] { Modifier.GP, Modifier.CQ, Modifier.Parse("95") }, e.Segments[1].Modifiers.ToArray());

        // documentation (ReadDocumentation hook)
        var note = e.Documentation!;
        Assert.Equal(new LocalDate(2025, 9, 15), note.DateOfService);
        Assert.Equal((65, 70), (note.TotalTimedMinutes, note.TotalTreatmentMinutes));
        Assert.True(note.AssistantInvolved);
        var first = note.Interventions[0];
        Assert.Equal((CptCode.Parse("97535"), (LocalTime?)new LocalTime(9, 0), (LocalTime?)new LocalTime(9, 35), (int?)null), (first.Code!.Value, first.Start, first.End, first.Minutes));
        Assert.Equal(new AssistanceLevel("GG", "03"), first.AssistanceBefore);
        Assert.Equal(new AssistanceLevel("GG", "04"), first.AssistanceAfter);
        Assert.All(
            new[] { first.Task, first.CompensatoryStrategy, first.AdaptiveEquipment, first.SafetyInstruction, first.PatientResponse, first.CaregiverResponse, first.Narrative },
            text => Assert.False(string.IsNullOrEmpty(text)));
        Assert.Equal(new[] { "STG1" }, first.GoalIds.ToArray());
        Assert.Equal((true, true, true, false), (first.Billed, first.OneOnOne, first.AbleToFollowInstructions, first.CaregiverOnly));
        Assert.Equal(20, note.Interventions[1].Minutes);
        Assert.Equal((true, "PT, DPT", ClinicianRole.Therapist, new LocalDate(2025, 9, 15)), (note.Signature!.IsSigned, note.Signature.Credentials, note.Signature.Role!.Value, note.Signature.SignedOn!.Value));
        Assert.Equal(ClinicianRole.Assistant, Assert.Single(note.Contributors).Role);
        Assert.Equal("STG1", Assert.Single(note.Goals).Id);
        var episode = note.Episode!;
        Assert.Equal(new LocalDate(2025, 9, 2), episode.FirstTreatmentDate);
        Assert.Equal(2, episode.TreatmentDays.Length);
        var report = Assert.Single(episode.ProgressReports);
        Assert.Equal((new LocalDate(2025, 9, 4), (LocalDate?)new LocalDate(2025, 9, 4), (ClinicianRole?)ClinicianRole.Therapist), (report.Date, report.PeriodEnd, report.AuthorRole));
        var plan = episode.PlanOfCare!;
        Assert.Equal((new LocalDate(2025, 9, 3), new LocalDate(2025, 9, 2), Period.FromDays(30)), (plan.SignedOn!.Value, plan.VerbalOrderOn!.Value, plan.Duration!));
        var recertification = Assert.Single(plan.Recertifications);
        Assert.True(recertification.DelayReasonDocumented);
        Assert.Equal(Period.FromDays(30), recertification.Duration);
        Assert.Equal("older text", episode.PreviousNarrative);
        Assert.Equal((120, 8), (episode.PeriodTimedMinutes, episode.PeriodTimedUnits));
    }

    [Fact]
    public void Read_AllFields_TheEngineUsesWhatWasRead()
    {
        var read = Read(File.ReadAllText(AllFieldsPath()));
        var report = ComplianceEngine.Check(read.Encounter!);

        // 35 + 10 + 20 = 65 timed minutes: 4 units; the payer profile (medicare) chose the method; the authorization was seen.
        Assert.Equal(4, report.Units.TotalUnits);
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.PayerMethodResolved);
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.AuthorizationVisitsRemaining);
        Assert.DoesNotContain(report.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Read_FamilyFieldProblems_AreInputErrorsWithEncounterPaths_AndNoEncounter()
    {
        var read = Read("""
            {"id":"e1","dateOfService":"2026-01-05","discipline":"OT","payer":"","telehealth":"yes","allowedAmount":-1,
             "authorization":{"id":"A","visits":2},
             "segments":[{"code":"97535","minutes":10,"furnishedBy":"aide"},{"code":"97535","minutes":10,"assistantMinutes":11}],
             "documentation":{"dateOfService":"05/01/2026","interventions":[{"code":"975","start":"9am"}],"totalTimedMinutes":"ten","signature":{"role":"nurse"}}}
            """);

        Assert.Null(read.Encounter);
        Assert.Equal("e1", read.Id);
        Assert.Equal(
            [
                ("TBR040", "allowedAmount"), ("TBR040", "authorization.from"), ("TBR040", "authorization.through"),
                ("TBR031", "documentation.dateOfService"), ("TBR033", "documentation.interventions[0].code"),
                ("TBR032", "documentation.interventions[0].start"), ("TBR034", "documentation.signature.role"),
                ("TBR030", "documentation.totalTimedMinutes"), ("TBR040", "payer"), ("TBR041", "segments[0].furnishedBy"),
                ("TBR041", "segments[1].assistantMinutes"), ("TBR040", "telehealth"),
            ],
            read.Diagnostics.Select(d => (d.Id, d.Path)));
        Assert.All(read.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.DoesNotContain(read.Diagnostics, d => d.Message.Contains("05/01/2026", StringComparison.Ordinal) || d.Message.Contains("aide", StringComparison.Ordinal) || d.Message.Contains("nurse", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","documentation":null,"payer":null,"telehealth":null,"authorization":null,"segments":[{"code":"97535","minutes":10,"furnishedBy":null,"assistantMinutes":null}]}""")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":10}]}""")]
    public void Read_FamilyFieldsNullOrAbsent_DefaultsWithoutDiagnostics(string json)
    {
        var read = Read(json);
        Assert.Empty(read.Diagnostics);
        var e = read.Encounter!;
        Assert.Null(e.Documentation);
        Assert.Null(e.PayerId);
        Assert.False(e.IsTelehealth);
        Assert.Null(e.Authorization);
        Assert.Null(e.Segments[0].FurnishedBy);
        Assert.Null(e.Segments[0].AssistantMinutes);
    }
}
