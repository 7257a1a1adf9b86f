using Hl7.Fhir.Model;
using TherapyBilling.Rules.Fhir.Tests.Support;

namespace TherapyBilling.Rules.Fhir.Tests;

public class RoundTripTests
{
    public static TheoryData<string> SampleIds() => [.. SampleEncounters.Load().Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void SampleEncounter_WrittenAsFhirAndReadBack_GivesTheSameReport(string id)
    {
        var original = SampleEncounters.WithoutJsonOnlyFields(SampleEncounters.Load().Single(e => e.Id == id));
        Assert.NotEmpty(original.Segments);

        // Through JSON text, with an offset that would move late visits to the next UTC day.
        string json = FhirJson.Serialize(FhirEncounterWriter.ToBundle([original], Offset.FromHours(-5)));
        var read = Assert.Single(FhirEncounterReader.Read((Bundle)FhirJson.ParseResource(json)).Encounters);
        Assert.Empty(read.Diagnostics);

        Assert.Equal(
            SampleEncounters.Describe(ComplianceEngine.Check(original)),
            SampleEncounters.Describe(ComplianceEngine.Check(read.Encounter!)));
    }

    [Fact]
    public void LateEveningTimes_StayOnTheirLocalDay()
    {
        var encounter = new Encounter("late", new LocalDate(2026, 3, 2), [TreatmentSegment.FromTimes(CptCode.Parse("97110"), new LocalTime(21, 30), new LocalTime(23, 45))]);
        string json = FhirJson.Serialize(FhirEncounterWriter.ToBundle([encounter], Offset.FromHours(-5)));
        Assert.Contains("2026-03-02T21:30:00-05:00", json, StringComparison.Ordinal);
        var read = Assert.Single(FhirEncounterReader.Read((Bundle)FhirJson.ParseResource(json)).Encounters).Encounter!;
        Assert.Equal(new LocalDate(2026, 3, 2), read.DateOfService);
        Assert.Equal(new LocalTime(23, 45), read.Segments[0].End);
    }
}
