using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace TherapyBilling.Rules.Fhir;

/// <summary>Reads and writes FHIR R4 JSON with the Firely SDK's System.Text.Json converters.</summary>
/// <remarks>Thread-safe. Uses the SDK's model through reflection (see the trimming notes in docs/fhir.md).</remarks>
public static class FhirJson
{
    private static readonly JsonSerializerOptions s_compact = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Recoverable);
    private static readonly JsonSerializerOptions s_pretty = new JsonSerializerOptions { WriteIndented = true }.ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Recoverable);

    /// <summary>Parses one resource (a Bundle is a resource too).</summary>
    /// <param name="json">The JSON text of one resource.</param>
    /// <returns>The resource.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a FHIR R4 resource; the message names the problem, never the input's values.</exception>
    public static Resource ParseResource(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParseResource(json, out var resource, out string? problem) ? resource : throw new FormatException(problem);
    }

    /// <summary>Tries to parse one resource.</summary>
    /// <param name="json">The JSON text of one resource.</param>
    /// <param name="resource">The resource; on failure the partly read resource when the SDK recovered one (its type and id name it in findings), else <see langword="null"/>.</param>
    /// <param name="problem">On failure, what is wrong (the SDK's error codes and places, no input values).</param>
    /// <returns><see langword="true"/> when the resource was read without error.</returns>
    public static bool TryParseResource(string json, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Resource? resource, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            resource = JsonSerializer.Deserialize<Resource>(json, s_compact);
            problem = resource is null ? "the JSON is null" : null;
            return resource is not null;
        }
        catch (DeserializationFailedException e)
        {
            resource = e.PartialResult as Resource;
            problem = Describe(e);
            return false;
        }
        catch (JsonException e)
        {
            resource = null;
            problem = "malformed JSON at line " + ((e.LineNumber ?? 0) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return false;
        }
    }

    /// <summary>Writes a resource as compact JSON (one line, for NDJSON).</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(Resource resource) => JsonSerializer.Serialize(Guard(resource), s_compact);

    /// <summary>Writes a resource as indented JSON.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeIndented(Resource resource) => JsonSerializer.Serialize(Guard(resource), s_pretty);

    private static Resource Guard(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource;
    }

    private static string Describe(DeserializationFailedException e)
    {
        // The SDK's messages can quote input values; only the error codes and element locations are kept.
        var parts = e.Exceptions.Take(3).Select(static x => x is Hl7.Fhir.Utility.ExtendedCodedException j && j.InstancePath is { Length: > 0 } at
            ? $"{j.ErrorCode} at {at}"
            : x.ErrorCode);
        return string.Join("; ", parts);
    }
}
