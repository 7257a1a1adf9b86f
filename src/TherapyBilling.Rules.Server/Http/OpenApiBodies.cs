using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TherapyBilling.Rules.Server.Http;

/// <summary>
/// Describes the JSON request bodies in the OpenAPI document. The routes read their bodies themselves (to answer
/// 413/415/400 as problem documents naming where), so the framework does not know them: endpoints marked with
/// <see cref="JsonBodyAttribute"/> get an <c>application/json</c> body pointing at the repository's JSON Schema.
/// </summary>
internal static class OpenApiBodies
{
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancel)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyAttribute>().FirstOrDefault() is { } body)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = body.Description,
                Content = body.MediaTypes.ToDictionary(static m => m, static _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } }, StringComparer.Ordinal),
            };
        }

        return Task.CompletedTask;
    }
}

/// <summary>Marks an endpoint that reads a JSON body itself, with the body's description for the OpenAPI document.</summary>
/// <param name="description">What the body is.</param>
/// <param name="mediaTypes">The media types accepted (<c>application/json</c> when none is named).</param>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class JsonBodyAttribute(string description, params string[] mediaTypes) : Attribute
{
    public string Description { get; } = description;

    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes.Length > 0 ? mediaTypes : ["application/json"];
}
