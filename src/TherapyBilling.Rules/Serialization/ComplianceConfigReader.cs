using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using NodaTime.Text;

namespace TherapyBilling.Rules;

/// <summary>Reads <c>therapy-rules.json</c> strictly: unknown keys, wrong types and bad values are errors naming line and column.</summary>
public static class ComplianceConfigReader
{
    /// <summary>Reads a configuration.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="baseDirectory">The config file's folder, against which reference-file paths are resolved; <see langword="null"/> leaves them as written.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ComplianceConfigException">The file is not valid JSON or breaks the schema.</exception>
    public static ComplianceConfig Read(string json, string? baseDirectory)
    {
        Guard.NotNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ComplianceConfigException((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "not valid JSON");
        }

        using (document)
        {
            var positions = new Positions(bytes);
            return new Reader(positions, baseDirectory).Config(document.RootElement);
        }
    }

    /// <summary>Maps each property name to the position of its first occurrence, in document order.</summary>
    private sealed class Positions
    {
        private readonly List<(string Path, int Line, int Column)> _properties = [];

        public Positions(byte[] bytes)
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var stack = new Stack<string>();
            var indices = new Stack<int>();
            string? pending = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pending = reader.GetString();
                        Add(Path(stack, pending!), bytes, (int)reader.TokenStartIndex);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        string segment = pending ?? (indices.Count > 0 ? "[" + NextIndex(indices) + "]" : string.Empty);
                        if (pending is null && indices.Count > 0)
                        {
                            Add(Path(stack, segment), bytes, (int)reader.TokenStartIndex);
                        }

                        stack.Push(segment);
                        indices.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        pending = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        indices.Pop();
                        break;
                    default:
                        if (pending is null && indices.Count > 0 && indices.Peek() >= 0)
                        {
                            Add(Path(stack, "[" + NextIndex(indices) + "]"), bytes, (int)reader.TokenStartIndex);
                        }

                        pending = null;
                        break;
                }
            }
        }

        public (int Line, int Column) Of(string path)
        {
            foreach (var p in _properties)
            {
                if (p.Path == path)
                {
                    return (p.Line, p.Column);
                }
            }

            return (1, 1);
        }

        private static int NextIndex(Stack<int> indices)
        {
            int i = indices.Pop();
            indices.Push(i + 1);
            return i;
        }

        private static string Path(Stack<string> stack, string last)
        {
            var parts = stack.Reverse().Where(static s => s.Length > 0).Append(last);
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                if (text.Length > 0 && !part.StartsWith('['))
                {
                    text.Append('.');
                }

                text.Append(part);
            }

            return text.ToString();
        }

        private void Add(string path, byte[] bytes, int offset)
        {
            int line = 1, lineStart = 0;
            for (int i = 0; i < offset; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            _properties.Add((path, line, Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1));
        }
    }

    private sealed class Reader(Positions positions, string? baseDirectory)
    {
        private static readonly string[] s_keys = ["$schema", "failOn", "severity", "suppressions", "defaultPayer", "defaultMethod", "today", "reference", "helpBaseUrl"];
        private static readonly string[] s_referenceKeys = ["catalog", "ptp", "mue", "payerProfiles"];
        private static readonly string[] s_suppressionKeys = ["id", "reason", "payer", "code"];

        public ComplianceConfig Config(JsonElement root)
        {
            Expect(root, JsonValueKind.Object, string.Empty, "the configuration must be a JSON object");
            var config = new ComplianceConfig();
            foreach (var property in root.EnumerateObject())
            {
                string path = property.Name;
                var value = property.Value;
                config = property.Name switch
                {
                    "$schema" => config,
                    "failOn" => FailOn(config, value, path),
                    "severity" => config with { SeverityOverrides = Severities(value, path) },
                    "suppressions" => config with { Suppressions = Suppressions(value, path) },
                    "defaultPayer" => config with { DefaultPayer = String(value, path) },
                    "defaultMethod" => config with { DefaultMethod = String(value, path) switch { "cms" => UnitMethod.Cms, "ama" => UnitMethod.Ama, _ => throw Error(path, "defaultMethod must be cms or ama") } },
                    "today" => config with { Today = LocalDatePattern.Iso.Parse(String(value, path)) is { Success: true } today ? today.Value : throw Error(path, "today must be a date as YYYY-MM-DD") },
                    "reference" => Reference(config, value, path),
                    "helpBaseUrl" => config with { HelpBaseUrl = Uri.TryCreate(String(value, path), UriKind.Absolute, out _) ? value.GetString() : throw Error(path, "helpBaseUrl must be an absolute URL") },
                    _ => throw Error(path, "unknown setting; the settings are " + string.Join(", ", s_keys.Skip(1))),
                };
            }

            return config;
        }

        private ComplianceConfig FailOn(ComplianceConfig config, JsonElement value, string path)
        {
            string text = String(value, path);
            if (string.Equals(text, "never", StringComparison.OrdinalIgnoreCase))
            {
                return config with { FailOnNever = true, FailOn = null };
            }

            return SeverityText.TryParse(text.ToLowerInvariant(), out var severity)
                ? config with { FailOn = severity, FailOnNever = false }
                : throw Error(path, "failOn must be error, warning, info or never");
        }

        private ImmutableDictionary<string, Severity> Severities(JsonElement value, string path)
        {
            Expect(value, JsonValueKind.Object, path, "severity must be an object of id: error|warning|info");
            var builder = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in value.EnumerateObject())
            {
                string at = path + "." + entry.Name;
                if (DiagnosticDescriptors.Find(entry.Name.ToUpperInvariant()) is null)
                {
                    throw Error(at, "no diagnostic has this id");
                }

                builder[entry.Name.ToUpperInvariant()] = SeverityText.TryParse(String(entry.Value, at).ToLowerInvariant(), out var severity)
                    ? severity
                    : throw Error(at, "a severity is error, warning or info");
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<Suppression> Suppressions(JsonElement value, string path)
        {
            Expect(value, JsonValueKind.Array, path, "suppressions must be an array");
            var builder = ImmutableArray.CreateBuilder<Suppression>();
            int index = 0;
            foreach (var item in value.EnumerateArray())
            {
                string at = path + "[" + index++ + "]";
                Expect(item, JsonValueKind.Object, at, "a suppression is an object { id, reason, payer?, code? }");
                foreach (var key in item.EnumerateObject())
                {
                    if (!s_suppressionKeys.Contains(key.Name))
                    {
                        throw Error(at + "." + key.Name, "unknown key; a suppression has id, reason, payer and code");
                    }
                }

                if (!item.TryGetProperty("id", out var id) || DiagnosticDescriptors.Find(String(id, at + ".id").ToUpperInvariant()) is null)
                {
                    throw Error(item.TryGetProperty("id", out _) ? at + ".id" : at, "a suppression names the id of a diagnostic");
                }

                if (!item.TryGetProperty("reason", out var reason) || string.IsNullOrWhiteSpace(String(reason, at + ".reason")))
                {
                    throw Error(item.TryGetProperty("reason", out _) ? at + ".reason" : at, "a suppression needs a reason");
                }

                var suppression = new Suppression(id.GetString()!.ToUpperInvariant(), reason.GetString()!);
                if (item.TryGetProperty("payer", out var payer))
                {
                    suppression = suppression with { PayerId = String(payer, at + ".payer") };
                }

                if (item.TryGetProperty("code", out var code))
                {
                    suppression = suppression with { Code = CptCode.TryParse(String(code, at + ".code"), out var parsed) ? parsed : throw Error(at + ".code", "not a CPT/HCPCS code") };
                }

                builder.Add(suppression);
            }

            return builder.ToImmutable();
        }

        private ComplianceConfig Reference(ComplianceConfig config, JsonElement value, string path)
        {
            Expect(value, JsonValueKind.Object, path, "reference must be an object { catalog, ptp, mue, payerProfiles }");
            foreach (var entry in value.EnumerateObject())
            {
                string at = path + "." + entry.Name;
                config = entry.Name switch
                {
                    "catalog" => config with { Catalog = Resolve(String(entry.Value, at)) },
                    "ptp" => config with { PtpFiles = entry.Value.ValueKind == JsonValueKind.Array ? [.. entry.Value.EnumerateArray().Select((v, i) => Resolve(String(v, at + "[" + i + "]")))] : [Resolve(String(entry.Value, at))] },
                    "mue" => config with { MueFile = Resolve(String(entry.Value, at)) },
                    "payerProfiles" => config with { PayerProfiles = Resolve(String(entry.Value, at)) },
                    _ => throw Error(at, "unknown reference file; they are " + string.Join(", ", s_referenceKeys)),
                };
            }

            return config;
        }

        private string Resolve(string file) => baseDirectory is null ? file : System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, file));

        private string String(JsonElement value, string path) =>
            value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(path, "expected a string");

        private void Expect(JsonElement value, JsonValueKind kind, string path, string problem)
        {
            if (value.ValueKind != kind)
            {
                throw Error(path, problem);
            }
        }

        private ComplianceConfigException Error(string path, string problem)
        {
            var (line, column) = positions.Of(path);
            return new ComplianceConfigException(line, column, (path.Length == 0 ? string.Empty : path + ": ") + problem);
        }
    }
}
