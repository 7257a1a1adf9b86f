using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TherapyBilling.Rules.Tests.Support;

namespace TherapyBilling.Rules.Tests.Serialization;

/// <summary>
/// Issue 12: <c>schemas/encounter.strict.schema.json</c> (printed by <c>therapy-rules schema --strict</c>) is the
/// contract's schema with <c>additionalProperties: false</c> at every object level, and it declares exactly the
/// property names the reader knows (<see cref="ContractShape"/>), at the same places. Regenerate the strict file from
/// the base with <c>UPDATE_SNAPSHOTS=1</c>.
/// </summary>
public sealed class StrictSchemaTests
{
    private static readonly string s_basePath = Path.Combine(RepoPaths.Root, "schemas", "encounter.schema.json");
    private static readonly string s_strictPath = Path.Combine(RepoPaths.Root, "schemas", "encounter.strict.schema.json");

    private static JsonNode MakeStrict(JsonNode node)
    {
        var copy = node.DeepClone();
        Visit(copy);
        return copy;

        static void Visit(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var child in o.Select(p => p.Value).ToList())
                    {
                        Visit(child);
                    }

                    if (o.ContainsKey("properties"))
                    {
                        o["additionalProperties"] = false;
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Visit(child);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public void StrictSchema_IsTheBaseWithNoAdditionalPropertiesAtEveryObjectLevel()
    {
        var expected = MakeStrict(JsonNode.Parse(File.ReadAllText(s_basePath))!);
        expected["title"] = expected["title"]!.GetValue<string>() + " (strict)";
        expected["$id"] = expected["$id"]!.GetValue<string>().Replace("encounter.schema.json", "encounter.strict.schema.json", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            File.WriteAllText(s_strictPath, expected.ToJsonString(options) + "\n");
        }

        var actual = JsonNode.Parse(File.ReadAllText(s_strictPath))!;
        Assert.True(JsonNode.DeepEquals(expected, actual), "schemas/encounter.strict.schema.json is stale: run the tests with UPDATE_SNAPSHOTS=1");
    }

    [Fact]
    public void StrictSchema_DeclaresExactlyTheNamesTheReaderKnows()
    {
        var root = JsonNode.Parse(File.ReadAllText(s_strictPath))!;
        var names = new List<string>();
        Collect(root, root["$defs"]!["encounter"]!, string.Empty, names);

        Assert.Equal(ContractShape.Encounter.DottedNames().Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Segments", "segments")]
    [InlineData("line", "lines")]
    [InlineData("dateofservice", "dateOfService")]
    [InlineData("paer", "payer")]
    [InlineData("clinic", null)]
    [InlineData("x", null)]
    public void NearestKnown_FindsCaseAndSmallMisspellings(string name, string? known)
    {
        Assert.Equal(known, ContractShape.Encounter.NearestKnown(name));
    }

    [Fact]
    public void NearestKnown_InASegment_Minute()
    {
        Assert.Equal("minutes", ContractShape.Encounter.Child("segments")!.NearestKnown("minute"));
    }

    private static void Collect(JsonNode root, JsonNode schema, string prefix, List<string> names)
    {
        schema = Resolve(root, schema);
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        foreach (var (name, child) in properties)
        {
            string path = prefix.Length == 0 ? name : prefix + "." + name;
            names.Add(path);
            var resolved = Resolve(root, child!);
            Collect(root, resolved["items"] is { } items ? items : resolved, path, names);
        }
    }

    private static JsonNode Resolve(JsonNode root, JsonNode schema) =>
        schema["$ref"] is { } reference ? root["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]! : schema;
}
