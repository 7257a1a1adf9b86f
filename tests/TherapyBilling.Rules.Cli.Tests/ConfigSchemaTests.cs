using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>
/// <c>schemas/therapy-rules.schema.json</c> (<c>therapy-rules schema --config</c>) describes what
/// <see cref="ComplianceConfigReader"/> accepts: a file with every setting validates and reads, every setting the schema
/// declares is one the reader knows, and the files the reader refuses break the schema too.
/// </summary>
public sealed class ConfigSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(CliRunner.RepoDir, "schemas", "therapy-rules.schema.json");
    private static readonly JsonElement s_schema = JsonDocument.Parse(File.ReadAllText(SchemaPath)).RootElement;
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static List<string> Validate(string json)
    {
        using var document = JsonDocument.Parse(json, Lenient);
        var errors = new List<string>();
        new SchemaChecker(s_schema, strict: true).Validate(s_schema, document.RootElement, "$", errors);
        return errors;
    }

    [Fact]
    public void SchemaCommand_Config_PrintsTheCommittedSchema()
    {
        var run = CliRunner.Run("schema", "--config");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllText(SchemaPath), run.Stdout);
    }

    [Fact]
    public void SchemaCommand_ConfigAndStrict_IsAUsageError()
    {
        var run = CliRunner.Run("schema", "--config", "--strict");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--config and --strict", run.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string> ConfigFiles() => new()
    {
        "samples/CiPipeline/therapy-rules.json",
        "tests/TherapyBilling.Rules.Cli.Tests/Corpus/all-settings.therapy-rules.json",
    };

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public void CommittedConfig_ValidatesAndReads(string relativePath)
    {
        string json = File.ReadAllText(Path.Combine(CliRunner.RepoDir, relativePath));
        Assert.Empty(Validate(json));
        Assert.NotNull(ComplianceConfigReader.Read(json, baseDirectory: null));
    }

    [Fact]
    public void EverySettingOfTheSchema_IsInTheAllSettingsFile_AndReachesTheModel()
    {
        string json = File.ReadAllText(Path.Combine(CliRunner.RepoDir, "tests", "TherapyBilling.Rules.Cli.Tests", "Corpus", "all-settings.therapy-rules.json"));
        using var document = JsonDocument.Parse(json, Lenient);
        var declared = s_schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var used = document.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(declared, used);
        var declaredReference = s_schema.GetProperty("properties").GetProperty("reference").GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(declaredReference, document.RootElement.GetProperty("reference").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var config = ComplianceConfigReader.Read(json, "/base");
        Assert.Equal(Severity.Warning, config.FailOn);
        Assert.Equal(Severity.Error, config.SeverityOverrides["TBR303"]);
        Assert.Equal(Severity.Warning, config.SeverityOverrides["TBR106"]);
        Assert.Equal(2, config.Suppressions.Length);
        Assert.Equal("medicare", config.Suppressions[1].PayerId);
        Assert.Equal("97110", config.Suppressions[1].Code?.Value);
        Assert.Equal("medicare", config.DefaultPayer);
        Assert.Equal(UnitMethod.Ama, config.DefaultMethod);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 2), config.Today);
        Assert.Equal(Path.GetFullPath("/base/catalog.tsv"), config.Catalog);
        Assert.Equal([Path.GetFullPath("/base/f1.txt"), Path.GetFullPath("/base/f2.txt")], config.PtpFiles.ToArray());
        Assert.Equal(Path.GetFullPath("/base/mue.zip"), config.MueFile);
        Assert.Equal(Path.GetFullPath("/base/payers.json"), config.PayerProfiles);
        Assert.Equal("https://docs.invalid/therapy-rules/{id}", config.HelpBaseUrl);
    }

    [Theory]
    [InlineData("""{ "failOn": "sometimes" }""")]
    [InlineData("""{ "failOn": 3 }""")]
    [InlineData("""{ "nope": 1 }""")]
    [InlineData("""{ "severity": { "TBR303": "fatal" } }""")]
    [InlineData("""{ "severity": { "ABC123": "error" } }""")]
    [InlineData("""{ "severity": [] }""")]
    [InlineData("""{ "suppressions": {} }""")]
    [InlineData("""{ "suppressions": [ { "id": "TBR106" } ] }""")]
    [InlineData("""{ "suppressions": [ { "id": "TBR106", "reason": "  " } ] }""")]
    [InlineData("""{ "suppressions": [ { "reason": "why" } ] }""")]
    [InlineData("""{ "suppressions": [ { "id": "TBR106", "reason": "why", "until": "2027-01-01" } ] }""")]
    [InlineData("""{ "suppressions": [ { "id": "TBR106", "reason": "why", "code": "97-10" } ] }""")]
    [InlineData("""{ "defaultMethod": "fastest" }""")]
    [InlineData("""{ "defaultPayer": 7 }""")]
    [InlineData("""{ "today": "05/01/2026" }""")]
    [InlineData("""{ "reference": { "icd": "x" } }""")]
    [InlineData("""{ "reference": { "ptp": [ 1 ] } }""")]
    [InlineData("""{ "reference": "files" }""")]
    [InlineData("""{ "helpBaseUrl": "docs/diagnostics" }""")]
    [InlineData("""[ ]""")]
    public void BadConfig_TheReaderRefusesIt_AndTheSchemaToo(string json)
    {
        Assert.Throws<ComplianceConfigException>(() => ComplianceConfigReader.Read(json, baseDirectory: null));
        Assert.NotEmpty(Validate(json));
    }
}
