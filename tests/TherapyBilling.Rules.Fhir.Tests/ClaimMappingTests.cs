using Hl7.Fhir.Model;
using TherapyBilling.Rules.Fhir.Tests.Support;
using static TherapyBilling.Rules.Fhir.Tests.Support.F;

namespace TherapyBilling.Rules.Fhir.Tests;

public class ClaimMappingTests
{
    [Fact]
    public void Items_GiveBilledLines_UnitsAndModifiers_WhateverTheModifierSystem()
    {
        var item = Item("97530", 2, "Encounter/e1", "GP", "59");
        item.Modifier.Add(new CodeableConcept { Coding = [new Coding { Code = "KX" }] });
        var encounter = ReadOne(F.Encounter(), Claim("c1", item)).Encounter!;
        var line = Assert.Single(encounter.BilledLines);
        Assert.Equal(CptCode.Parse("97530"), line.Code);
        Assert.Equal(2, line.Units);
        Assert.Equal([Modifier.GP, Modifier.Distinct59, Modifier.KX], line.Modifiers.ToArray());
        Assert.Equal(Discipline.PhysicalTherapy, encounter.Discipline);
    }

    [Fact]
    public void ItemsOfAnotherEncounter_AreNotThisEncountersLines()
    {
        var result = FhirEncounterReader.Read([F.Encounter(), F.Encounter("e2"), Claim("c1", Item("97110", 1, "Encounter/e2"))]);
        Assert.Empty(result.Encounters[0].Encounter!.BilledLines);
        Assert.Single(result.Encounters[1].Encounter!.BilledLines);
    }

    [Fact]
    public void MissingQuantity_IsTbr075()
    {
        var d = Assert.Single(ReadOne(F.Encounter(), Claim("c1", Item("97110", null))).Diagnostics);
        Assert.Equal(("TBR075", "Claim/c1.item[0].quantity"), (d.Id, d.Path));
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-1)]
    [InlineData(1000)]
    public void NonWholeQuantity_IsTbr075_AtTheValue(double units)
    {
        var d = Assert.Single(ReadOne(F.Encounter(), Claim("c1", Item("97110", (decimal)units))).Diagnostics);
        Assert.Equal(("TBR075", "Claim/c1.item[0].quantity.value"), (d.Id, d.Path));
    }

    [Fact]
    public void ProductWithoutCptOrHcpcs_IsTbr075()
    {
        var item = F.With(Item("97110", 1), i => i.ProductOrService = new CodeableConcept("http://snomed.info/sct", "1"));
        var d = Assert.Single(ReadOne(F.Encounter(), Claim("c1", item)).Diagnostics);
        Assert.Equal(("TBR075", "Claim/c1.item[0].productOrService"), (d.Id, d.Path));
    }

    [Fact]
    public void HcpcsProduct_IsRead()
    {
        var item = F.With(Item("97110", 1), i => i.ProductOrService = new CodeableConcept(FhirSystems.Hcpcs, "G0283"));
        Assert.Equal(CptCode.Parse("G0283"), ReadOne(F.Encounter(), Claim("c1", item)).Encounter!.BilledLines[0].Code);
    }

    [Fact]
    public void MalformedProductCode_IsTbr073()
    {
        var d = Assert.Single(ReadOne(F.Encounter(), Claim("c1", Item("9711", 1))).Diagnostics);
        Assert.Equal(("TBR073", "Claim/c1.item[0].productOrService.coding[0].code"), (d.Id, d.Path));
    }

    [Fact]
    public void MalformedModifier_IsTbr073_AtTheModifier()
    {
        var d = Assert.Single(ReadOne(F.Encounter(), Claim("c1", Item("97110", 1, "Encounter/e1", "GP", "G"))).Diagnostics);
        Assert.Equal(("TBR073", "Claim/c1.item[0].modifier[1]"), (d.Id, d.Path));
    }

    [Fact]
    public void ServicedDateOnAnotherDay_IsTbr075()
    {
        var item = F.With(Item("97110", 1), i => i.Serviced = new Date("2026-03-03"));
        var d = Assert.Single(ReadOne(F.Encounter(), Claim("c1", item)).Diagnostics);
        Assert.Equal(("TBR075", "Claim/c1.item[0].servicedDate"), (d.Id, d.Path));
    }

    [Fact]
    public void ItemWithoutEncounter_IsTbr076_Unattached()
    {
        var result = FhirEncounterReader.Read([F.Encounter(), Claim("c1", Item("97110", 1, ""))]);
        var d = Assert.Single(result.Unattached);
        Assert.Equal(("TBR076", "Claim/c1.item[0].encounter"), (d.Id, d.Path));
        Assert.Contains("is missing", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelledClaim_IsTbr074_AndNotCounted()
    {
        var claim = F.With(Claim("c1", Item("97110", 1)), c => c.Status = FinancialResourceStatusCodes.Cancelled);
        var read = ReadOne(F.Encounter(), claim);
        Assert.Empty(read.Encounter!.BilledLines);
        Assert.Equal(("TBR074", "Claim/c1.status"), (read.Diagnostics[0].Id, read.Diagnostics[0].Path));
    }

    [Fact]
    public void ClaimStatusOutsideTheValueSet_IsTbr074_AndNotCounted()
    {
        var claim = (Claim)FhirJson.ParseResource(FhirJson.Serialize(Claim("c1", Item("97110", 1))).Replace("\"active\"", "\"paid-ish\"", StringComparison.Ordinal));
        var read = ReadOne(F.Encounter(), claim);
        Assert.Empty(read.Encounter!.BilledLines);
        Assert.Equal(("TBR074", "Claim/c1.status"), (read.Diagnostics[0].Id, read.Diagnostics[0].Path));
        Assert.DoesNotContain("paid-ish", read.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payer_FromInsurerIdentifier()
    {
        var claim = F.With(Claim("c1", Item("97110", 1)), c => c.Insurer = new ResourceReference { Identifier = new Identifier(null, "medicare") });
        var read = ReadOne(F.Encounter(), claim);
        Assert.Equal("medicare", read.Encounter!.PayerId);
        Assert.Equal("Claim/c1.insurer", read.ToFhirPath("payer"));
    }

    [Fact]
    public void Payer_FromCoveragePayor_ThroughTheOrganization()
    {
        var claim = F.With(Claim("c1", Item("97110", 1)), c => c.Insurance = [new Claim.InsuranceComponent { Sequence = 1, Focal = true, Coverage = new ResourceReference("Coverage/cov1") }]);
        var coverage = new Coverage { Id = "cov1", Payor = [new ResourceReference("Organization/org1")] };
        var organization = new Organization { Id = "org1", Identifier = [new Identifier("urn:payer", "medicare")] };
        Assert.Equal("medicare", ReadOne(F.Encounter(), claim, coverage, organization).Encounter!.PayerId);
    }

    [Fact]
    public void TwoPayers_AreTbr077_AndLeftUnset()
    {
        var a = F.With(Claim("c1", Item("97110", 1)), c => c.Insurer = new ResourceReference { Identifier = new Identifier(null, "medicare") });
        var b = F.With(Claim("c2", Item("97530", 1)), c => c.Insurer = new ResourceReference { Identifier = new Identifier(null, "acme") });
        var read = ReadOne(F.Encounter(), a, b);
        Assert.Null(read.Encounter!.PayerId);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal(("TBR077", Severity.Warning, "Encounter/e1"), (d.Id, d.Severity, d.Path));
        Assert.DoesNotContain("acme", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConflictingDisciplineModifiers_AreTbr077()
    {
        var read = ReadOne(F.Encounter(), Claim("c1", Item("97110", 1, "Encounter/e1", "GP"), Item("97535", 1, "Encounter/e1", "GO")));
        Assert.Null(read.Encounter!.Discipline);
        Assert.Contains("GO, GP", Assert.Single(read.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceOfService_FromItemLocation()
    {
        var item = F.With(Item("97110", 1), i => i.Location = new CodeableConcept("https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set", "10"));
        Assert.Equal("10", ReadOne(F.Encounter(), Claim("c1", item)).Encounter!.PlaceOfService);
    }

    [Fact]
    public void ReportPaths_TranslateToTheClaimItem()
    {
        var read = ReadOne(F.Encounter(), Claim("c1", Item("97110", 1, "Encounter/e1", "GP", "59")));
        Assert.Equal("Claim/c1.item[0].modifier[1]", read.ToFhirPath("lines[0].modifiers[1]"));
        Assert.Equal("Claim/c1.item[0].quantity", read.ToFhirPath("lines[0].units"));
        Assert.Equal("Claim/c1.item[0].productOrService", read.ToFhirPath("lines[0].code"));
    }
}
