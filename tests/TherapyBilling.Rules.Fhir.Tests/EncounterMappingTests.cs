using Hl7.Fhir.Model;
using TherapyBilling.Rules.Fhir.Tests.Support;
using static TherapyBilling.Rules.Fhir.Tests.Support.F;

namespace TherapyBilling.Rules.Fhir.Tests;

public class EncounterMappingTests
{
    [Fact]
    public void DateOfService_IsTheLocalDateAsWritten_NeverUtc()
    {
        // 21:30 at -05:00 is 02:30 UTC on March 3; the visit is on March 2.
        var read = ReadOne(F.Encounter(start: "2026-03-02T21:30:00-05:00"));
        Assert.Equal(new LocalDate(2026, 3, 2), read.Encounter!.DateOfService);
        Assert.Equal("e1", read.Id);
        Assert.Equal("Encounter/e1", read.ResourcePath);
    }

    [Fact]
    public void DateOfService_AcceptsADateAlone()
    {
        Assert.Equal(new LocalDate(2026, 3, 2), ReadOne(F.Encounter(start: "2026-03-02")).Encounter!.DateOfService);
    }

    [Fact]
    public void MissingPeriodStart_IsTbr070_AtPeriodStart()
    {
        var read = ReadOne(F.Encounter(start: null));
        Assert.Null(read.Encounter);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(("TBR070", "Encounter/e1.period.start"), (d.Id, d.Path));
    }

    [Fact]
    public void PartialDate_IsTbr070()
    {
        var d = Assert.Single(ReadOne(F.Encounter(start: "2026-03")).Diagnostics);
        Assert.Equal(("TBR070", "Encounter/e1.period.start"), (d.Id, d.Path));
    }

    [Fact]
    public void MissingId_IsTbr070_AtId()
    {
        var read = ReadOne(F.Encounter(id: null!));
        Assert.Null(read.Encounter);
        Assert.Contains(read.Diagnostics, d => d.Id == "TBR070" && d.Path == "Encounter.id");
    }

    [Fact]
    public void VirtualClass_IsTelehealth()
    {
        var encounter = F.Encounter();
        encounter.Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR");
        Assert.True(ReadOne(encounter).Encounter!.IsTelehealth);
        Assert.False(ReadOne(F.Encounter()).Encounter!.IsTelehealth);
    }

    [Fact]
    public void IrrelevantResources_AreCountedAndIgnored()
    {
        var result = FhirEncounterReader.Read([F.Encounter(), new Patient { Id = "p1" }, new Observation { Id = "o1" }]);
        Assert.Equal(3, result.Resources);
        Assert.Equal(2, result.IgnoredResources);
        Assert.Empty(result.Unattached);
    }

    [Fact]
    public void Bundle_OfAnyType_ReadsItsEntries_AndFullUrlReferences()
    {
        var procedure = F.Procedure("p1", encounter: "urn:uuid:0b3c3c3e-0000-4000-8000-000000000001");
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new Bundle.EntryComponent { FullUrl = "urn:uuid:0b3c3c3e-0000-4000-8000-000000000001", Resource = F.Encounter() },
                new Bundle.EntryComponent { FullUrl = "urn:uuid:0b3c3c3e-0000-4000-8000-000000000002", Resource = procedure },
            ],
        };
        var read = Assert.Single(FhirEncounterReader.Read(bundle).Encounters);
        Assert.Single(read.Encounter!.Segments);
    }

    [Fact]
    public void AbsoluteAndVersionedReferences_Resolve()
    {
        var read = ReadOne(F.Encounter(), F.Procedure("p1", encounter: "https://ehr.example/fhir/Encounter/e1/_history/3"));
        Assert.Single(read.Encounter!.Segments);
    }
}
