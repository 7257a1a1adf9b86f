using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>
/// The shipped schema (<c>schemas/encounter.schema.json</c>, embedded in the tool) describes what the reader accepts:
/// the bundled samples and the clean corpus validate, and every field of a fixture that uses every field the reader
/// reads is declared in the schema at its place. The checker is a small subset of JSON Schema 2020-12, enough for this
/// schema; it fails on any keyword it does not know, so the schema cannot silently outgrow it.
/// </summary>
public sealed class SchemaTests
{
    private static readonly JsonElement s_schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoDir, "schemas", "encounter.schema.json"))).RootElement;

    public static TheoryData<string> Documents() => new()
    {
        "samples/data/encounters.json",
        "samples/data/documentation-sample.json",
        "samples/data/payer-sample.json",
        "tests/TherapyBilling.Rules.Cli.Tests/Corpus/clean.json",
        "tests/TherapyBilling.Rules.Cli.Tests/Corpus/findings.json",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Schema_BundledDocument_Validates(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CliRunner.RepoDir, relativePath)));
        var errors = new List<string>();
        var checker = new SchemaChecker(s_schema, strict: true);
        checker.Validate(s_schema, document.RootElement, "$", errors);

        Assert.Empty(errors.Select(e => e.Split(' ')[0]).Distinct());
    }

    [Fact]
    public void Schema_EveryFieldTheReaderReads_IsDeclaredAtItsPlace()
    {
        // The fixture uses every field of the contract; the library test of the same file (EncounterJsonFamiliesTests)
        // proves each one reaches the model.
        string fixture = Path.Combine(CliRunner.RepoDir, "tests", "TherapyBilling.Rules.Tests", "Serialization", "Data", "all-fields.encounter.json");
        using var document = JsonDocument.Parse(File.ReadAllText(fixture));
        var errors = new List<string>();
        var checker = new SchemaChecker(s_schema, strict: true);
        checker.Validate(s_schema.GetProperty("$defs").GetProperty("encounter"), document.RootElement, "$", errors);

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("""{"id":"x","dateOfService":"2026-01-05","payer":7}""", "$.payer")]
    [InlineData("""{"id":"x","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":5,"furnishedBy":"aide"}]}""", "$.segments[0].furnishedBy")]
    [InlineData("""{"id":"x","dateOfService":"2026-01-05","documentation":{"signature":{"role":"nurse"}}}""", "$.documentation.signature.role")]
    [InlineData("""{"id":"x","dateOfService":"2026-01-05","documentation":{"interventions":[{"minutes":-1}]}}""", "$.documentation.interventions[0].minutes")]
    [InlineData("""{"id":"x","dateOfService":"2026-01-05","authorization":{"id":"a","visits":1,"from":"2026-01-01"}}""", "$.authorization")]
    [InlineData("""{"id":"x","dateOfService":"2026-01-05","segments":[{"code":"97535","minutes":5,"start":"09:00","end":"09:05"}]}""", "$.segments[0]")]
    [InlineData("""{"id":"x","dateOfService":"2026-01-05","payerr":"medicare"}""", "$.payerr")]
    public void Schema_Checker_RejectsWhatTheReaderReportsAndUndeclaredFields(string encounter, string path)
    {
        using var document = JsonDocument.Parse(encounter);
        var errors = new List<string>();
        new SchemaChecker(s_schema, strict: true).Validate(s_schema.GetProperty("$defs").GetProperty("encounter"), document.RootElement, "$", errors);
        Assert.Contains(errors, e => e.StartsWith(path + " ", StringComparison.Ordinal));
    }
}
