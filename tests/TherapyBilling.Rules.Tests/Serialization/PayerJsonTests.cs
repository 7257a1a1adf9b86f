using System.Text.Json;

namespace TherapyBilling.Rules.Tests.Serialization;

public sealed class PayerJsonTests
{
    private static (Encounter Encounter, List<Diagnostic> Diagnostics) Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var diagnostics = new List<Diagnostic>();
        var encounter = PayerJson.ReadEncounter(doc.RootElement, new Encounter("E1", new LocalDate(2026, 3, 20), []), diagnostics);
        return (encounter, diagnostics);
    }

    private static (TreatmentSegment Segment, List<Diagnostic> Diagnostics) ReadSegment(string json, int minutes = 20)
    {
        using var doc = JsonDocument.Parse(json);
        var diagnostics = new List<Diagnostic>();
        var segment = PayerJson.ReadSegment(doc.RootElement, "segments[1]", TreatmentSegment.FromMinutes(C97535, minutes), diagnostics);
        return (segment, diagnostics);
    }

    [Fact]
    public void ReadEncounter_AllFields()
    {
        var (e, diagnostics) = Read("""
            { "payer": "medicare", "telehealth": true, "placeOfService": "10", "beneficiaryId": "B1",
              "allowedAmount": 120.50, "kxYearToDateAllowed": 2400,
              "authorization": { "id": "A1", "visits": 12, "from": "2026-03-02", "through": "2026-03-29",
                                 "payer": "medicare", "discipline": "PT", "codes": ["97535"], "visitsUsed": 3 } }
            """);
        Assert.Empty(diagnostics);
        Assert.Equal(("medicare", true, "10", "B1"), (e.PayerId, e.IsTelehealth, e.PlaceOfService, e.BeneficiaryId));
        Assert.Equal((120.50m, 2400m), (e.AllowedAmount, e.KxYearToDateAllowed));
        Assert.Equal(("A1", 12, Discipline.PhysicalTherapy), (e.Authorization!.Id, e.Authorization.VisitCount, e.Authorization.Discipline));
        Assert.Equal(new[] { C97535 }, e.Authorization.Codes.AsEnumerable());
        Assert.Equal(3, e.AuthorizationVisitsUsed);
    }

    [Fact]
    public void ReadEncounter_NoPayerFields_Unchanged()
    {
        var (e, diagnostics) = Read("""{ "id": "E1" }""");
        Assert.Empty(diagnostics);
        Assert.Null(e.PayerId);
        Assert.False(e.IsTelehealth);
    }

    [Theory]
    [InlineData("""{ "payer": 7 }""", "payer")]
    [InlineData("""{ "telehealth": "yes" }""", "telehealth")]
    [InlineData("""{ "placeOfService": "home" }""", "placeOfService")]
    [InlineData("""{ "allowedAmount": -1 }""", "allowedAmount")]
    [InlineData("""{ "kxYearToDateAllowed": "2400" }""", "kxYearToDateAllowed")]
    [InlineData("""{ "authorization": { "id": "A", "visits": 3, "from": "2026-03-02" } }""", "authorization.through")]
    [InlineData("""{ "authorization": { "id": "A", "visits": -3, "from": "2026-03-02", "through": "2026-03-09" } }""", "authorization.visits")]
    [InlineData("""{ "authorization": { "id": "A", "visits": 3, "from": "2026-03-09", "through": "2026-03-02" } }""", "authorization.through")]
    [InlineData("""{ "authorization": { "id": "A", "visits": 3, "from": "2026-03-02", "through": "2026-03-09", "codes": ["9753"] } }""", "authorization.codes[0]")]
    [InlineData("""{ "authorization": { "id": "A", "visits": 3, "from": "2026-03-02", "through": "2026-03-09", "discipline": "XX" } }""", "authorization.discipline")]
    public void ReadEncounter_Malformed_Tbr040AndIgnored(string json, string path)
    {
        var (e, diagnostics) = Read(json);
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.PayerFieldInvalid, path, Severity.Error), (d.Id, d.Path, d.Severity));
        Assert.Null(e.Authorization);
        Assert.Null(e.PayerId);
    }

    [Fact]
    public void ReadSegment_FurnishedByAndAssistantMinutes()
    {
        var (s, diagnostics) = ReadSegment("""{ "furnishedBy": "Assistant", "assistantMinutes": 12 }""");
        Assert.Empty(diagnostics);
        Assert.Equal((ProviderRole.Assistant, 12), (s.FurnishedBy, s.AssistantMinutes));
    }

    [Theory]
    [InlineData("""{ "furnishedBy": "aide" }""", "segments[1].furnishedBy")]
    [InlineData("""{ "assistantMinutes": -2 }""", "segments[1].assistantMinutes")]
    [InlineData("""{ "assistantMinutes": 2.5 }""", "segments[1].assistantMinutes")]
    [InlineData("""{ "assistantMinutes": 21 }""", "segments[1].assistantMinutes")]
    public void ReadSegment_Malformed_Tbr041(string json, string path)
    {
        var (s, diagnostics) = ReadSegment(json);
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.ProviderFieldInvalid, path), (d.Id, d.Path));
        Assert.Null(s.AssistantMinutes);
        Assert.Null(s.FurnishedBy);
    }

    [Fact]
    public void SampleFile_ReadsWithoutFindings()
    {
        string root = Path.GetFullPath(Path.Combine(PayerProfileJsonTests.ProjectDir(), "..", ".."));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "samples", "data", "payer-sample.json")));
        var diagnostics = new List<Diagnostic>();
        var sample = doc.RootElement.GetProperty("encounters")[0];
        var e = PayerJson.ReadEncounter(sample, new Encounter("x", new LocalDate(2025, 9, 15), []), diagnostics);
        int i = 0;
        foreach (var segment in sample.GetProperty("segments").EnumerateArray())
        {
            PayerJson.ReadSegment(segment, $"segments[{i++}]", TreatmentSegment.FromMinutes(C97535, segment.GetProperty("minutes").GetInt32()), diagnostics);
        }

        Assert.Empty(diagnostics);
        Assert.Equal("medicare", e.PayerId);
    }
}
