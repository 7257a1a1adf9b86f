using Hl7.Fhir.Model;
using TherapyBilling.Rules.Fhir.Tests.Support;
using static TherapyBilling.Rules.Fhir.Tests.Support.F;

namespace TherapyBilling.Rules.Fhir.Tests;

public class ProcedureMappingTests
{
    private const string MinutesPath = "Procedure/p1.extension('urn:therapybilling-rules:extension:minutes')";

    [Fact]
    public void PerformedPeriod_GivesLocalStartAndEnd()
    {
        var segment = Assert.Single(ReadOne(F.Encounter(), F.Procedure("p1")).Encounter!.Segments);
        Assert.Equal(CptCode.Parse("97535"), segment.Code);
        Assert.Equal(new LocalTime(21, 30), segment.Start);
        Assert.Equal(new LocalTime(21, 53), segment.End);
        Assert.Equal(new LocalDate(2026, 3, 2), segment.StartDate);
    }

    [Fact]
    public void PerformedDateTime_WithMinutesExtension_GivesMinutes()
    {
        var segment = Assert.Single(ReadOne(F.Encounter(), F.Minutes("p1", 23)).Encounter!.Segments);
        Assert.Equal(23, segment.Minutes);
        Assert.Equal(CptCode.Parse("97110"), segment.Code);
    }

    [Theory]
    [InlineData(null, "2026-03-02T21:53:00-05:00", "Procedure/p1.performedPeriod.start")]
    [InlineData("2026-03-02T21:30:00-05:00", null, "Procedure/p1.performedPeriod.end")]
    [InlineData("2026-03-02", "2026-03-02T21:53:00-05:00", "Procedure/p1.performedPeriod.start")]
    public void IncompletePeriod_IsTbr071_WithItsFhirPath(string? start, string? end, string path)
    {
        var read = ReadOne(F.Encounter(), F.Procedure("p1", start: start, end: end));
        Assert.Null(read.Encounter);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(("TBR071", Severity.Error, path), (d.Id, d.Severity, d.Path));
    }

    [Fact]
    public void PerformedDateTime_WithoutMinutes_IsTbr071_AtTheExtension()
    {
        var d = Assert.Single(ReadOne(F.Encounter(), F.Minutes("p1", null)).Diagnostics);
        Assert.Equal(("TBR071", MinutesPath), (d.Id, d.Path));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1441)]
    public void MinutesOutOfRange_IsTbr071_AtTheValue(int minutes)
    {
        var d = Assert.Single(ReadOne(F.Encounter(), F.Minutes("p1", minutes)).Diagnostics);
        Assert.Equal(("TBR071", MinutesPath + ".value"), (d.Id, d.Path));
    }

    [Fact]
    public void PerformedDateTime_OnAnotherDay_IsTbr071()
    {
        var d = Assert.Single(ReadOne(F.Encounter(), F.Minutes("p1", 20, performed: "2026-03-03")).Diagnostics);
        Assert.Equal(("TBR071", "Procedure/p1.performedDateTime"), (d.Id, d.Path));
    }

    [Fact]
    public void PeriodAndMinutes_Together_IsTbr071()
    {
        var procedure = F.Procedure("p1");
        procedure.Extension.Add(new Extension(FhirSystems.MinutesExtension, new Integer(10)));
        var d = Assert.Single(ReadOne(F.Encounter(), procedure).Diagnostics);
        Assert.Equal(("TBR071", MinutesPath), (d.Id, d.Path));
    }

    [Fact]
    public void NoPerformed_IsTbr071_AtPerformed()
    {
        var d = Assert.Single(ReadOne(F.Encounter(), F.Procedure("p1", start: null, end: null)).Diagnostics);
        Assert.Equal(("TBR071", "Procedure/p1.performed"), (d.Id, d.Path));
    }

    [Fact]
    public void PerformedString_IsTbr071_AtPerformed()
    {
        var procedure = F.With(F.Procedure("p1"), p => p.Performed = new FhirString("this morning"));
        var d = Assert.Single(ReadOne(F.Encounter(), procedure).Diagnostics);
        Assert.Equal(("TBR071", "Procedure/p1.performed"), (d.Id, d.Path));
        Assert.DoesNotContain("morning", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotCompleted_IsTbr074_Info_AndNotCounted()
    {
        var procedure = F.With(F.Procedure("p1"), p => p.Status = EventStatus.NotDone);
        var read = ReadOne(F.Encounter(), procedure);
        Assert.Empty(read.Encounter!.Segments);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(("TBR074", Severity.Info, "Procedure/p1.status"), (d.Id, d.Severity, d.Path));
        Assert.Contains("not-done", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusOutsideTheValueSet_IsTbr074_WithoutRepeatingIt()
    {
        // The lenient JSON reader keeps such a code; the SDK's typed getter would throw on it.
        var procedure = (Procedure)FhirJson.ParseResource(FhirJson.Serialize(F.Procedure("p1")).Replace("\"completed\"", "\"done-ish\"", StringComparison.Ordinal));
        var read = ReadOne(F.Encounter(), procedure);
        Assert.Empty(read.Encounter!.Segments);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(("TBR074", "Procedure/p1.status"), (d.Id, d.Path));
        Assert.DoesNotContain("done-ish", d.Message, StringComparison.Ordinal);
        Assert.Contains("not a code of its value set", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCptCoding_IsTbr072_Warning_AndNotCounted()
    {
        var procedure = F.With(F.Procedure("p1"), p => p.Code = new CodeableConcept("http://snomed.info/sct", "229065009"));
        var read = ReadOne(F.Encounter(), procedure);
        Assert.Empty(read.Encounter!.Segments);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(("TBR072", Severity.Warning, "Procedure/p1.code"), (d.Id, d.Severity, d.Path));
    }

    [Fact]
    public void MalformedCpt_IsTbr073_AtTheCoding()
    {
        var procedure = F.With(F.Procedure("p1"), p => p.Code = new CodeableConcept { Coding = [new Coding("http://snomed.info/sct", "1"), new Coding(FhirSystems.Cpt, "9753")] });
        var d = Assert.Single(ReadOne(F.Encounter(), procedure).Diagnostics);
        Assert.Equal(("TBR073", "Procedure/p1.code.coding[1].code"), (d.Id, d.Path));
    }

    [Fact]
    public void ModifierExtension_GivesSegmentModifiers_AndABadOneIsTbr073()
    {
        var procedure = F.Procedure("p1");
        procedure.Extension.Add(new Extension(FhirSystems.ModifierExtension, new Coding(null, "GP")));
        Assert.Equal([Modifier.GP], ReadOne(F.Encounter(), procedure).Encounter!.Segments[0].Modifiers.ToArray());

        procedure.Extension.Add(new Extension(FhirSystems.ModifierExtension, new Coding(null, "GPX")));
        var d = Assert.Single(ReadOne(F.Encounter(), procedure).Diagnostics);
        Assert.Equal(("TBR073", "Procedure/p1.extension('urn:therapybilling-rules:extension:modifier')[1].value"), (d.Id, d.Path));
    }

    [Theory]
    [InlineData("225100000X", ProviderRole.Therapist, Discipline.PhysicalTherapy)]
    [InlineData("225200000X", ProviderRole.Assistant, Discipline.PhysicalTherapy)]
    [InlineData("224Z00000X", ProviderRole.Assistant, Discipline.OccupationalTherapy)]
    [InlineData("235Z00000X", ProviderRole.Therapist, Discipline.SpeechLanguagePathology)]
    public void PerformerFunction_GivesWhoFurnished_AndTheDiscipline(string code, ProviderRole role, Discipline discipline)
    {
        var procedure = F.Procedure("p1");
        procedure.Performer.Add(new Procedure.PerformerComponent { Function = new CodeableConcept("http://nucc.org/provider-taxonomy", code), Actor = new ResourceReference("Practitioner/x") });
        var encounter = ReadOne(F.Encounter(), procedure).Encounter!;
        Assert.Equal(role, encounter.Segments[0].FurnishedBy);
        Assert.Equal(discipline, encounter.Discipline);
    }

    [Fact]
    public void TherapistAndAssistantTogether_CountAsTheTherapist()
    {
        var procedure = F.Procedure("p1");
        procedure.Performer.Add(new Procedure.PerformerComponent { Function = new CodeableConcept("http://nucc.org/provider-taxonomy", "225200000X"), Actor = new ResourceReference("Practitioner/a") });
        procedure.Performer.Add(new Procedure.PerformerComponent { Function = new CodeableConcept("http://nucc.org/provider-taxonomy", "225100000X"), Actor = new ResourceReference("Practitioner/t") });
        Assert.Equal(ProviderRole.Therapist, ReadOne(F.Encounter(), procedure).Encounter!.Segments[0].FurnishedBy);
    }

    [Fact]
    public void AssistantMinutes_AreRead_AndABadValueIsTbr071()
    {
        var procedure = F.Procedure("p1");
        procedure.Extension.Add(new Extension(FhirSystems.AssistantMinutesExtension, new Integer(5)));
        Assert.Equal(5, ReadOne(F.Encounter(), procedure).Encounter!.Segments[0].AssistantMinutes);

        procedure.Extension[0].Value = new FhirString("five");
        var d = Assert.Single(ReadOne(F.Encounter(), procedure).Diagnostics);
        Assert.Equal(("TBR071", "Procedure/p1.extension('urn:therapybilling-rules:extension:assistant-minutes').value"), (d.Id, d.Path));
    }

    [Fact]
    public void ProcedureOfNoEncounterInTheInput_IsTbr076_Unattached()
    {
        var result = FhirEncounterReader.Read([F.Encounter(), F.Procedure("p1", encounter: "Encounter/other")]);
        Assert.Empty(result.Encounters[0].Encounter!.Segments);
        var d = Assert.Single(result.Unattached);
        Assert.Equal(("TBR076", "Procedure/p1.encounter"), (d.Id, d.Path));
    }

    [Fact]
    public void ProcedureWithoutCptOrEncounter_IsIgnored()
    {
        var procedure = F.With(F.Procedure("p1", encounter: "Encounter/none"), p => p.Code = new CodeableConcept("http://snomed.info/sct", "1"));
        var result = FhirEncounterReader.Read([F.Encounter(), procedure]);
        Assert.Empty(result.Unattached);
        Assert.Equal(1, result.IgnoredResources);
    }

    [Fact]
    public void ReportPaths_TranslateToTheProcedure()
    {
        var read = ReadOne(F.Encounter(), F.Procedure("p1"), F.Minutes("p2", 10));
        Assert.Equal("Procedure/p1.performedPeriod.end", read.ToFhirPath("segments[0].end"));
        Assert.Equal("Procedure/p2." + "extension('urn:therapybilling-rules:extension:minutes')", read.ToFhirPath("segments[1].minutes"));
        Assert.Equal("Encounter/e1", read.ToFhirPath(""));
        Assert.Equal("Encounter/e1.period.start", read.ToFhirPath("dateOfService"));
        Assert.Equal("Encounter/e1", read.ToFhirPath("documentation.signature"));
    }
}
