using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TherapyBilling.Rules.Cli.Tests.Support;

/// <summary>A small JSON Schema checker: <c>$ref</c> (local), type, enum, required, properties, additionalProperties, propertyNames, items, oneOf, anyOf, not, pattern, format date, minLength, minimum, maximum.</summary>
/// <param name="root">The schema document, for <c>$ref</c>.</param>
/// <param name="strict">When true, an object property that its schema's <c>properties</c> does not declare is an error.</param>
internal sealed class SchemaChecker(JsonElement root, bool strict)
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
                            else if (strict && !schema.TryGetProperty("additionalProperties", out _))
                            {
                                errors.Add($"{at} is not declared in the schema");
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        var declared = schema.TryGetProperty("properties", out var p) ? p : default;
                        foreach (var property in value.EnumerateObject())
                        {
                            if (declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty(property.Name, out _))
                            {
                                continue;
                            }

                            if (k.ValueKind == JsonValueKind.False)
                            {
                                errors.Add($"{path}.{property.Name} is not allowed (additionalProperties: false)");
                            }
                            else if (k.ValueKind == JsonValueKind.Object)
                            {
                                Validate(k, property.Value, path + "." + property.Name, errors);
                            }
                        }
                    }

                    break;
                case "propertyNames":
                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in value.EnumerateObject())
                        {
                            using var name = JsonDocument.Parse(JsonSerializer.Serialize(property.Name));
                            Validate(k, name.RootElement, path + "." + property.Name + " (name)", errors);
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
