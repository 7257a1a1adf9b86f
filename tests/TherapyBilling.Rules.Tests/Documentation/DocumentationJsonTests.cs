using System.Text.Json;
using TherapyBilling.Rules.Tests.Support;

namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>The <c>documentation</c> section of the JSON contract, read through the internal reader.</summary>
public sealed class DocumentationJsonTests
{
    private static string RepoRoot()
    {
        string projectDir = typeof(DocumentationJsonTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDir").Value!;
        return Path.GetFullPath(Path.Combine(projectDir, "..", ".."));
    }

    private static (TreatmentNote? Note, List<Diagnostic> Diagnostics) Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var diagnostics = new List<Diagnostic>();
        return (DocumentationJson.Read(doc.RootElement.Clone(), diagnostics), diagnostics);
    }

    [Fact]
    public void Read_Sample_GivesACompleteNote()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "samples", "data", "documentation-sample.json")));
        var diagnostics = new List<Diagnostic>();
        var note = DocumentationJson.Read(doc.RootElement.GetProperty("encounters")[0].GetProperty("documentation"), diagnostics);
        Assert.Empty(diagnostics);
        Assert.NotNull(note);
        Assert.Equal(new LocalDate(2026, 3, 10), note.DateOfService);
        Assert.Equal(2, note.Interventions.Length);
        Assert.Equal(30, note.Interventions[0].GetMinutes());
        Assert.Equal(new AssistanceLevel("FIM", "3"), note.Interventions[0].AssistanceBefore);
        Assert.Equal(ClinicianRole.Therapist, note.Episode!.ProgressReports[0].AuthorRole);
        Assert.Equal(Period.FromDays(60), note.Episode.PlanOfCare!.Duration);

        var encounter = new Encounter("enc-2026-03-10-001", new LocalDate(2026, 3, 10),
            [TreatmentSegment.FromTimes(CptCode.Parse("97535"), new LocalTime(9, 0), new LocalTime(9, 30)), TreatmentSegment.FromMinutes(CptCode.Parse("97110"), 5)])
        {
            BilledLines = [new BilledLine(CptCode.Parse("97535"), 2)],
            Documentation = note,
        };
        // The sample is clean except the period's 140 minutes over 9 units (15.6 per unit: no flag).
        Assert.Empty(ComplianceEngine.Check(encounter).Diagnostics.Where(d => d.Id.StartsWith("TBR2", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_StructuralProblems_BecomeInputDiagnosticsAndTheRestIsRead()
    {
        var (note, diagnostics) = Read("""
            {
              "dateOfService": "03/10/2026",
              "totalTimedMinutes": "thirty",
              "totalTreatmentMinutes": -5,
              "interventions": [ { "code": "9753", "start": "9am", "minutes": 30, "oneOnOne": "yes" }, 42 ],
              "signature": { "signed": true, "credentials": "OTR/L", "role": "nurse" },
              "episode": { "progressReports": [ { "authorRole": "therapist" } ] }
            }
            """);
        Assert.NotNull(note);
        Assert.Null(note.DateOfService);
        Assert.Equal(30, Assert.Single(note.Interventions).Minutes);
        Assert.True(note.Signature!.IsSigned);
        var rendered = string.Join("\n", DiagnosticOrder.Sort(diagnostics).Select(d => d.ToString()));
        Snapshot.Verify(rendered);
        Assert.All(diagnostics, d => Assert.StartsWith("TBR03", d.Id, StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.DocumentationBadDate && d.Path == "documentation.dateOfService");
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.DocumentationBadCode && d.Path == "documentation.interventions[0].code");
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.DocumentationWrongType && d.Path == "documentation.interventions[1]");
        Assert.DoesNotContain(diagnostics, d => d.Message.Contains("03/10/2026", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NotAnObject_WrongType()
    {
        var (note, diagnostics) = Read("[1]");
        Assert.Null(note);
        Assert.Equal("documentation", Assert.Single(diagnostics).Path);
    }

    [Fact]
    public void Read_Null_NoNote()
    {
        var (note, diagnostics) = Read("null");
        Assert.Null(note);
        Assert.Empty(diagnostics);
    }
}
