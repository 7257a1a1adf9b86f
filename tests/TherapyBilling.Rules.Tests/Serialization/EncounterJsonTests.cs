using System.Text.Json;

namespace TherapyBilling.Rules.Tests.Serialization;

/// <summary>Input contract v1: every field, and one test per input diagnostic (TBR002–TBR013).</summary>
public sealed class EncounterJsonTests
{
    private static EncounterReadResult Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EncounterJson.Read(document.RootElement);
    }

    private static string Encounter(string extra = "", string segments = """[{"code":"97535","minutes":23}]""") =>
        $$"""{"id":"e1","dateOfService":"2026-01-05","segments":{{segments}}{{extra}}}""";

    [Fact]
    public void Read_FullEncounter_ReadsEveryCoreField()
    {
        var read = Read("""
            {"id":"e1","dateOfService":"2026-01-05","method":"ama","discipline":"OT",
             "segments":[{"code":"97535","minutes":20,"modifiers":["go","59"]},{"code":"97530","start":"09:00","end":"09:07:30"},{"code":" 97110 ","minutes":20.0}],
             "lines":[{"code":"97535","units":1,"modifiers":["GO"]}],
             "documentation":{"note":"free text"},"unknownField":1}
            """);

        Assert.True(read.Success);
        // Unknown properties are infos by default (TBR018), named by position, never by name.
        Assert.Equal(
            new[] { (string.Empty, DiagnosticIds.InputPropertyUnknown, Severity.Info, "8"), ("documentation", DiagnosticIds.InputPropertyUnknown, Severity.Info, "1") },
            read.Diagnostics.Select(d => (d.Path, d.Id, d.Severity, d.Arguments.Single(a => a.Name == "position").Value)).ToArray());
        var e = read.Encounter!;
        Assert.Equal("e1", read.Id);
        Assert.Equal(new LocalDate(2026, 1, 5), e.DateOfService);
        Assert.Equal(UnitMethod.Ama, e.Method);
        Assert.Equal(Discipline.OccupationalTherapy, e.Discipline);
        Assert.Equal(3, e.Segments.Length);
        Assert.Equal(20, e.Segments[0].Minutes);
        Assert.Equal(new[] { Modifier.GO, Modifier.Distinct59 }, e.Segments[0].Modifiers.ToArray());
        Assert.Equal(new LocalTime(9, 7, 30), e.Segments[1].End);
        Assert.Equal(CptCode.Parse("97110"), e.Segments[2].Code);
        Assert.Equal(20, e.Segments[2].Minutes);
        var line = Assert.Single(e.BilledLines);
        Assert.Equal(1, line.Units);
        Assert.True(line.Has(Modifier.GO));
    }

    [Fact]
    public void Read_MinimalEncounter_OptionalFieldsAbsentOrNull()
    {
        var read = Read("""{"id":"e1","dateOfService":"2026-01-05","method":null,"discipline":null,"segments":[{"code":"97110","minutes":8}],"lines":null}""");
        Assert.True(read.Success);
        Assert.Null(read.Encounter!.Method);
        Assert.Null(read.Encounter.Discipline);
        Assert.Single(read.Encounter.Segments);
        Assert.Empty(read.Encounter.BilledLines);
    }

    [Theory]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05"}""")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":null,"lines":null,"documentation":null}""")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[],"lines":[],"payer":"medicare"}""")]
    public void Read_NothingToCheck_IsAnErrorNotAPass(string json)
    {
        var read = Read(json);
        Assert.False(read.Success);
        var d = Assert.Single(read.Diagnostics);
        Assert.Equal((DiagnosticIds.InputNothingToCheck, Severity.Error, string.Empty), (d.Id, d.Severity, d.Path));
    }

    [Theory]
    [InlineData("""[1]""", "TBR002", "")]
    [InlineData("""{"dateOfService":"2026-01-05"}""", "TBR003", "id")]
    [InlineData("""{"id":"","dateOfService":"2026-01-05"}""", "TBR003", "id")]
    [InlineData("""{"id":"e1"}""", "TBR003", "dateOfService")]
    [InlineData("""{"id":7,"dateOfService":"2026-01-05"}""", "TBR004", "id")]
    [InlineData("""{"id":"e1","dateOfService":"2026-02-30"}""", "TBR005", "dateOfService")]
    [InlineData("""{"id":"e1","dateOfService":"2026-1-5"}""", "TBR005", "dateOfService")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","method":"medicare"}""", "TBR006", "method")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","discipline":"PTA"}""", "TBR007", "discipline")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":{}}""", "TBR004", "segments")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[3]}""", "TBR002", "segments[0]")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"minutes":3}]}""", "TBR003", "segments[0].code")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"9753X","minutes":3}]}""", "TBR008", "segments[0].code")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":-1}]}""", "TBR009", "segments[0].minutes")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":1441}]}""", "TBR009", "segments[0].minutes")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":7.5}]}""", "TBR009", "segments[0].minutes")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":"7"}]}""", "TBR004", "segments[0].minutes")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","start":"9:00","end":"09:30"}]}""", "TBR010", "segments[0].start")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","start":"09:00","end":"24:00"}]}""", "TBR010", "segments[0].end")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535"}]}""", "TBR011", "segments[0]")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":5,"end":"09:30"}]}""", "TBR011", "segments[0]")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","start":"09:00"}]}""", "TBR011", "segments[0]")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":5,"modifiers":["G"]}]}""", "TBR012", "segments[0].modifiers[0]")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":5,"modifiers":"GP"}]}""", "TBR004", "segments[0].modifiers")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","lines":[{"code":"97535","units":1000}]}""", "TBR013", "lines[0].units")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","lines":[{"code":"97535"}]}""", "TBR003", "lines[0].units")]
    [InlineData("""{"id":"e1","dateOfService":"2026-01-05","lines":[null]}""", "TBR002", "lines[0]")]
    public void Read_BadRecord_InputDiagnosticAtPath_NoEncounter(string json, string id, string path)
    {
        var read = Read(json);

        Assert.False(read.Success);
        Assert.Null(read.Encounter);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(path, diagnostic.Path);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.NotNull(DiagnosticDescriptors.Find(id));
    }

    [Fact]
    public void Read_BadRecordWithReadableId_KeepsTheId()
    {
        var read = Read("""{"id":"e9","dateOfService":"nope"}""");
        Assert.Equal("e9", read.Id);
        Assert.Null(read.Encounter);
    }

    [Fact]
    public void Read_SeveralProblems_AllReportedInCanonicalOrder()
    {
        var read = Read(Encounter(segments: """[{"code":"x","minutes":-1},{"code":"97535","minutes":5,"modifiers":["??"]}]""", extra: ""","method":"x" """));
        Assert.Equal(
            [("method", "TBR006"), ("segments[0].code", "TBR008"), ("segments[0].minutes", "TBR009"), ("segments[1].modifiers[0]", "TBR012")],
            read.Diagnostics.Select(d => (d.Path, d.Id)));
    }

    [Fact]
    public void Read_Messages_NeverEchoInputValues()
    {
        const string secret = "Smith1961";
        var read = Read($$"""{"id":"e1","dateOfService":"{{secret}}","method":"{{secret}}","discipline":"{{secret}}","segments":[{"code":"{{secret}}","start":"{{secret}}","end":"{{secret}}","modifiers":["{{secret}}"]}],"lines":[{"code":"{{secret}}","units":"{{secret}}"}]}""");
        Assert.NotEmpty(read.Diagnostics);
        Assert.All(read.Diagnostics, d => Assert.DoesNotContain(secret, d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ThenCheck_GivesTheSameUnitsAsTheApi()
    {
        var read = Read(Encounter(segments: """[{"code":"97112","minutes":24},{"code":"97110","minutes":23}]"""));
        var report = ComplianceEngine.Check(read.Encounter!);
        Assert.Equal(3, report.Units.TotalUnits);
        Assert.Equal(UnitMethod.Cms, report.Method);
    }

    /// <summary>
    /// The input category is TBR0xx (architecture: input and reference data), every input finding is an error (the
    /// record or field is not used), and the set is exactly the known one: the core contract TBR001-TBR013, the
    /// documentation section TBR030-TBR034 and the payer fields TBR040-TBR041. A new input id must be added here.
    /// </summary>
    [Fact]
    public void InputDescriptors_AreErrorsInTheInputRange()
    {
        var input = DiagnosticDescriptors.All.Where(d => d.Category == "Input").ToList();
        string[] expected =
        [
            .. Enumerable.Range(1, 20).Select(n => $"TBR{n:D3}"),
            .. Enumerable.Range(30, 5).Select(n => $"TBR{n:D3}"),
            "TBR040", "TBR041",
            .. Enumerable.Range(70, 9).Select(n => $"TBR{n:D3}"),
            .. Enumerable.Range(80, 10).Select(n => $"TBR{n:D3}"),
        ];

        Assert.Equal(expected, input.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(input, d => Assert.Matches("^TBR0[0-9][0-9]$", d.Id));
        // Not input errors: TBR018 (a property the contract does not name) is an info unless reading is strict; FHIR
        // mapping findings for a resource left out by its status (TBR074, info), without a CPT code (TBR072, verify) or
        // with conflicting values (TBR077, verify). Every other input finding is an error.
        string[] notErrors = [DiagnosticIds.InputPropertyUnknown, DiagnosticIds.FhirProcedureNoCpt, DiagnosticIds.FhirStatusExcluded, DiagnosticIds.FhirConflict];
        Assert.All(input, d => Assert.Equal(notErrors.Contains(d.Id) ? d.DefaultSeverity : Severity.Error, d.DefaultSeverity));
        Assert.All(input.Where(d => notErrors.Contains(d.Id)), d => Assert.NotEqual(Severity.Error, d.DefaultSeverity));
        Assert.DoesNotContain(DiagnosticDescriptors.All, d => d.Category != "Input" && d.Id.StartsWith("TBR0", StringComparison.Ordinal));
    }

    /// <summary>The C# example of docs/cli.md.</summary>
    [Fact]
    public void DocsCliExample_ReadThenCheck_ThreeUnits()
    {
        using var document = JsonDocument.Parse("""
            {"id":"enc-1","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":20},{"code":"97530","minutes":20}]}
            """);
        EncounterReadResult read = EncounterJson.Read(document.RootElement);
        Assert.NotNull(read.Encounter);
        EncounterReport report = ComplianceEngine.Check(read.Encounter);
        Assert.Equal(3, report.Units.TotalUnits);
    }
}
