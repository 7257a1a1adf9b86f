using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
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

    /// <summary>A small JSON Schema checker: <c>$ref</c> (local), type, enum, required, properties, items, oneOf, anyOf, not, pattern, format date, minLength, minimum, maximum.</summary>
    /// <param name="root">The schema document, for <c>$ref</c>.</param>
    /// <param name="strict">When true, an object property that its schema's <c>properties</c> does not declare is an error.</param>
    private sealed class SchemaChecker(JsonElement root, bool strict)
    {
        private static readonly HashSet<string> s_annotations = new(StringComparer.Ordinal) { "$schema", "$id", "$defs", "title", "description", "default" };

        public void Validate(JsonElement schema, JsonElement value, string path, List<string> errors)
        {
            foreach (var keyword in schema.EnumerateObject())
            {
                var k = keyword.Value;
                switch (keyword.Name)
                {
                    case "$ref":
                        Validate(Resolve(k.GetString()!), value, path, errors);
                        break;
                    case "type":
                        var types = k.ValueKind == JsonValueKind.Array ? k.EnumerateArray().Select(t => t.GetString()!).ToList() : [k.GetString()!];
                        if (!types.Exists(t => IsType(value, t)))
                        {
                            errors.Add($"{path} is not {string.Join(" or ", types)}");
                        }

                        break;
                    case "enum":
                        if (!k.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value)))
                        {
                            errors.Add($"{path} is not one of the enum values");
                        }

                        break;
                    case "required":
                        foreach (var name in k.EnumerateArray())
                        {
                            if (value.ValueKind == JsonValueKind.Object && !value.TryGetProperty(name.GetString()!, out _))
                            {
                                errors.Add($"{path} lacks {name.GetString()}");
                            }
                        }

                        break;
                    case "properties":
                        if (value.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var property in value.EnumerateObject())
                            {
                                string at = path + "." + property.Name;
                                if (k.TryGetProperty(property.Name, out var propertySchema))
                                {
                                    Validate(propertySchema, property.Value, at, errors);
                                }
                                else if (strict)
                                {
                                    errors.Add($"{at} is not declared in the schema");
                                }
                            }
                        }

                        break;
                    case "items":
                        if (value.ValueKind == JsonValueKind.Array)
                        {
                            int i = 0;
                            foreach (var item in value.EnumerateArray())
                            {
                                Validate(k, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), errors);
                            }
                        }

                        break;
                    case "oneOf":
                        if (k.EnumerateArray().Count(s => Passes(s, value)) != 1)
                        {
                            errors.Add($"{path} matches not exactly one of oneOf");
                        }

                        break;
                    case "anyOf":
                        if (!k.EnumerateArray().Any(s => Passes(s, value)))
                        {
                            errors.Add($"{path} matches none of anyOf");
                        }

                        break;
                    case "not":
                        if (Passes(k, value))
                        {
                            errors.Add($"{path} matches a 'not' schema");
                        }

                        break;
                    case "pattern":
                        if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, k.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(5)))
                        {
                            errors.Add($"{path} does not match its pattern");
                        }

                        break;
                    case "format":
                        Assert.Equal("date", k.GetString());
                        if (value.ValueKind == JsonValueKind.String && !DateTime.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                        {
                            errors.Add($"{path} is not a date");
                        }

                        break;
                    case "minLength":
                        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length < k.GetInt32())
                        {
                            errors.Add($"{path} is too short");
                        }

                        break;
                    case "minimum":
                        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() < k.GetDouble())
                        {
                            errors.Add($"{path} is below its minimum");
                        }

                        break;
                    case "maximum":
                        if (value.ValueKind == JsonValueKind.Number && value.GetDouble() > k.GetDouble())
                        {
                            errors.Add($"{path} is above its maximum");
                        }

                        break;
                    default:
                        Assert.Contains(keyword.Name, s_annotations);
                        break;
                }
            }
        }

        private bool Passes(JsonElement schema, JsonElement value)
        {
            var errors = new List<string>();
            new SchemaChecker(root, strict: false).Validate(schema, value, "$", errors);
            return errors.Count == 0;
        }

        private JsonElement Resolve(string reference)
        {
            Assert.StartsWith("#/$defs/", reference, StringComparison.Ordinal);
            return root.GetProperty("$defs").GetProperty(reference["#/$defs/".Length..]);
        }

        private static bool IsType(JsonElement value, string type) => type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal d) && d == decimal.Truncate(d),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => throw new InvalidOperationException("unknown type " + type),
        };
    }
}
