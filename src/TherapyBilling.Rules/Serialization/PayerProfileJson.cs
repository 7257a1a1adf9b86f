using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace TherapyBilling.Rules;

/// <summary>
/// Reads payer profiles from JSON (schema <c>schemas/payer-profile.schema.json</c>) with <see cref="JsonDocument"/>:
/// no reflection serializer, trimming- and AOT-safe. The shipped defaults (Medicare and a generic commercial payer)
/// are the embedded resource <c>Data/payer-profiles.json</c>.
/// </summary>
/// <remarks>Unknown properties are errors, so a misspelt switch never silently falls back to a default. Thread-safe.</remarks>
/// <example><code>
/// using var file = File.OpenRead("payers.json");
/// var profiles = PayerProfileJson.Load(file, "payers.json");
/// var options = ComplianceOptions.Default with { PayerProfiles = PayerProfileJson.Default.With(profiles.Profiles) };
/// </code></example>
public static class PayerProfileJson
{
    private const string ResourceName = "TherapyBilling.Rules.Data.payer-profiles.json";
    private static readonly Lazy<PayerProfiles> s_default = new(LoadDefault);

    private static readonly HashSet<string> s_rootFields = new(StringComparer.Ordinal) { "$schema", "description", "version", "source", "profiles" };
    private static readonly HashSet<string> s_profileFields = new(StringComparer.Ordinal)
    {
        "id", "name", "method", "requireDisciplineModifier", "ncciEdits", "documentationRequirements", "assistants",
        "kxThreshold", "requiresAuthorization", "telehealth", "source", "notes",
    };

    private static readonly HashSet<string> s_assistantFields = new(StringComparer.Ordinal) { "from", "deMinimisPercent", "source" };
    private static readonly HashSet<string> s_telehealthFields = new(StringComparer.Ordinal) { "placesOfService", "requiredModifiers", "restrictCodes", "codes", "source" };
    private static readonly HashSet<string> s_codeFields = new(StringComparer.Ordinal) { "code", "from", "through", "source" };

    /// <summary>Gets the shipped profiles: <c>medicare</c> and <c>commercial</c>.</summary>
    public static PayerProfiles Default => s_default.Value;

    /// <summary>Reads profiles from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="sourceName">The file name, for messages and <see cref="PayerProfiles.Source"/>.</param>
    /// <returns>The profiles.</returns>
    /// <exception cref="ReferenceDataException">
    /// The JSON is malformed, holds text that is not valid UTF-8 or an unpaired <c>\u</c> surrogate escape, has no
    /// profile, or breaks the schema; the message names the line or the JSON path and quotes at most a short excerpt.
    /// </exception>
    public static PayerProfiles Load(Stream utf8Json, string sourceName)
    {
        Guard.NotNull(utf8Json);
        Guard.NotNull(sourceName);
        using var copy = new MemoryStream();
        utf8Json.CopyTo(copy);
        var bytes = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            if (FindInvalidText(bytes.Span, options) is { } offset)
            {
                throw new ReferenceDataException(sourceName, ReferenceText.LineOf(bytes.Span, offset), "text that is not valid UTF-8 (or an unpaired \\u surrogate escape); save the file as UTF-8.");
            }

            using var document = JsonDocument.Parse(bytes, options);
            return Read(document.RootElement, sourceName);
        }
        catch (JsonException e)
        {
            // The parser's own message can quote the file's text: only the position is kept.
            throw new ReferenceDataException(sourceName, checked((int)(e.LineNumber ?? 0) + 1), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file is not valid JSON (column {(e.BytePositionInLine ?? 0) + 1})."));
        }
    }

    /// <summary>The byte offset of the first string or property name whose text is not valid Unicode, else <see langword="null"/>.</summary>
    private static long? FindInvalidText(ReadOnlySpan<byte> json, JsonDocumentOptions options)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = options.CommentHandling, AllowTrailingCommas = options.AllowTrailingCommas });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !JsonText.IsValidText(ref reader))
            {
                return reader.TokenStartIndex;
            }
        }

        return null;    }

    /// <summary>Reads profiles from a JSON string.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The file name.</param>
    /// <returns>The profiles.</returns>
    /// <exception cref="ReferenceDataException">The JSON is malformed or breaks the schema.</exception>
    public static PayerProfiles Parse(string json, string sourceName)
    {
        Guard.NotNull(json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream, sourceName);
    }

    private static PayerProfiles Read(JsonElement root, string source)
    {
        Object(root, "$", source, s_rootFields);
        string version = RequiredString(root, "version", "$", source);
        var profiles = new List<PayerProfile>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty("profiles", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw Problem(source, "$.profiles", "an array of profiles");
        }

        if (array.GetArrayLength() == 0)
        {
            // A file with no profile changes nothing: it is almost certainly not the file that was meant.
            throw Problem(source, "$.profiles", "a non-empty array of profiles (the file has none)");
        }

        int i = 0;
        foreach (var element in array.EnumerateArray())
        {
            var profile = ReadProfile(element, $"$.profiles[{i}]", source);
            if (!seen.Add(profile.Id))
            {
                throw Problem(source, $"$.profiles[{i}].id", "unique (payer '" + ReferenceText.Excerpt(profile.Id) + "' appears twice)");
            }

            profiles.Add(profile);
            i++;
        }

        return PayerProfiles.Create(version, source, profiles);
    }

    private static PayerProfile ReadProfile(JsonElement e, string path, string source)
    {
        Object(e, path, source, s_profileFields);
        string id = RequiredString(e, "id", path, source);
        if (id.Length == 0)
        {
            throw Problem(source, path + ".id", "a non-empty string");
        }

        UnitMethod? method = null;
        if (e.TryGetProperty("method", out var m) && m.ValueKind != JsonValueKind.Null)
        {
            method = m.ValueKind == JsonValueKind.String ? m.GetString()!.ToUpperInvariant() switch
            {
                "CMS" => UnitMethod.Cms,
                "AMA" => UnitMethod.Ama,
                _ => throw Problem(source, path + ".method", "\"cms\", \"ama\" or null"),
            }
            : throw Problem(source, path + ".method", "\"cms\", \"ama\" or null");
        }

        return new PayerProfile(id, RequiredString(e, "name", path, source))
        {
            Method = method,
            RequireDisciplineModifier = Bool(e, "requireDisciplineModifier", path, source),
            ApplyNcciEdits = Bool(e, "ncciEdits", path, source),
            DocumentationRequirements = OptionalString(e, "documentationRequirements", path, source) ?? "basic",
            Assistants = e.TryGetProperty("assistants", out var a) && a.ValueKind != JsonValueKind.Null ? ReadAssistants(a, path + ".assistants", source) : null,
            ApplyKxThreshold = Bool(e, "kxThreshold", path, source),
            RequiresAuthorization = Bool(e, "requiresAuthorization", path, source),
            Telehealth = e.TryGetProperty("telehealth", out var t) && t.ValueKind != JsonValueKind.Null ? ReadTelehealth(t, path + ".telehealth", source) : null,
            Source = OptionalString(e, "source", path, source) ?? string.Empty,
        };
    }

    private static AssistantPolicy ReadAssistants(JsonElement e, string path, string source)
    {
        Object(e, path, source, s_assistantFields);
        var from = Date(e, "from", path, source) ?? throw Problem(source, path + ".from", "a date (yyyy-MM-dd)");
        if (!e.TryGetProperty("deMinimisPercent", out var p) || p.ValueKind != JsonValueKind.Number || !p.TryGetInt32(out int percent) || percent is < 0 or > 100)
        {
            throw Problem(source, path + ".deMinimisPercent", "an integer from 0 to 100");
        }

        return new AssistantPolicy(from, percent, OptionalString(e, "source", path, source) ?? string.Empty);
    }

    private static TelehealthPolicy ReadTelehealth(JsonElement e, string path, string source)
    {
        Object(e, path, source, s_telehealthFields);
        var places = ImmutableArray.CreateBuilder<string>();
        foreach (var (item, itemPath) in Items(e, "placesOfService", path, source))
        {
            string? pos = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            places.Add(pos is { Length: 2 } && char.IsAsciiDigit(pos[0]) && char.IsAsciiDigit(pos[1]) ? pos : throw Problem(source, itemPath, "a two-digit place-of-service code"));
        }

        var modifiers = ImmutableArray.CreateBuilder<Modifier>();
        foreach (var (item, itemPath) in Items(e, "requiredModifiers", path, source))
        {
            modifiers.Add(item.ValueKind == JsonValueKind.String && Modifier.TryParse(item.GetString(), out var modifier) ? modifier : throw Problem(source, itemPath, "a two-character modifier"));
        }

        var codes = ImmutableArray.CreateBuilder<TelehealthCode>();
        foreach (var (item, itemPath) in Items(e, "codes", path, source))
        {
            Object(item, itemPath, source, s_codeFields);
            if (!CptCode.TryParse(OptionalString(item, "code", itemPath, source), out var code))
            {
                throw Problem(source, itemPath + ".code", "a CPT/HCPCS code");
            }

            var from = Date(item, "from", itemPath, source);
            var through = Date(item, "through", itemPath, source);
            if (from is { } f && through is { } t && t < f)
            {
                throw Problem(source, itemPath + ".through", "on or after 'from'");
            }

            codes.Add(new TelehealthCode(code, from, through, OptionalString(item, "source", itemPath, source) ?? string.Empty));
        }

        return new TelehealthPolicy
        {
            PlacesOfService = places.ToImmutable(),
            RequiredModifiers = modifiers.ToImmutable(),
            RestrictCodes = Bool(e, "restrictCodes", path, source),
            Codes = codes.ToImmutable(),
            Source = OptionalString(e, "source", path, source) ?? string.Empty,
        };
    }

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement e, string name, string path, string source)
    {
        if (!e.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Problem(source, path + "." + name, "an array");
        }

        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            yield return (item, $"{path}.{name}[{i++}]");
        }
    }

    private static void Object(JsonElement e, string path, string source, HashSet<string> allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Problem(source, path, "an object");
        }

        foreach (var property in e.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Problem(source, path + "." + ReferenceText.Excerpt(property.Name), "one of the schema's properties (" + string.Join(", ", allowed.Order(StringComparer.Ordinal)) + ")");
            }
        }
    }

    private static string RequiredString(JsonElement e, string name, string path, string source) =>
        OptionalString(e, name, path, source) ?? throw Problem(source, path + "." + name, "a string (required)");

    private static string? OptionalString(JsonElement e, string name, string path, string source)
    {
        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Problem(source, path + "." + name, "a string");
    }

    private static bool Bool(JsonElement e, string name, string path, string source)
    {
        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Problem(source, path + "." + name, "true or false"),
        };
    }

    private static LocalDate? Date(JsonElement e, string name, string path, string source)
    {
        string? text = OptionalString(e, name, path, source);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw Problem(source, path + "." + name, "a date (yyyy-MM-dd)");
    }

    private static ReferenceDataException Problem(string source, string path, string expected) =>
        new(source, 0, $"{path} must be {expected}.");

    private static PayerProfiles LoadDefault()
    {
        using var stream = typeof(PayerProfileJson).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from the assembly.");
        return Load(stream, "embedded:payer-profiles.json");
    }
}
