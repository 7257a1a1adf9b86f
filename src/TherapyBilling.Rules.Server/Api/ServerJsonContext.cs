using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TherapyBilling.Rules.Server.Api;

/// <summary>Source-generated JSON for the responses (camelCase, no nulls).</summary>
[ExcludeFromCodeCoverage]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckResponse))]
[JsonSerializable(typeof(UnitsResponse))]
[JsonSerializable(typeof(ReferenceResponse))]
[JsonSerializable(typeof(DiagnosticHelpDto))]
[JsonSerializable(typeof(HealthDto))]
[JsonSerializable(typeof(List<DiagnosticDto>))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[JsonSerializable(typeof(CdsHooks.CdsDiscovery))]
[JsonSerializable(typeof(CdsHooks.CdsResponse))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
