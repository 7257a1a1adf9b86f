using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TherapyBilling.Rules.Server.Configuration;

namespace TherapyBilling.Rules.Server.Http;

/// <summary>
/// Declares how the routes are protected in the OpenAPI document: the API key (<c>X-Api-Key</c>) on every endpoint
/// marked with <see cref="RequiresApiKeyAttribute"/> (the rules routes), the EHR's JWT on the CDS Hooks service
/// (<see cref="RequiresEhrTokenAttribute"/>). Open routes declare nothing.
/// </summary>
internal static class OpenApiSecurity
{
    public const string ApiKeyScheme = "apiKey";
    public const string EhrTokenScheme = "cdsHooksJwt";

    public static Task DescribeSchemes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancel)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AuthOptions.ApiKeyHeader,
            Description = "An API key whose SHA-256 (hex) is configured in Auth:ApiKeyHashes. Without one the rules routes answer 401 (TBR085), unless Auth:AllowAnonymous is set for local use.",
        };
        document.Components.SecuritySchemes[EhrTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "CDS Hooks 2.0: a JWT signed by an EHR on the CdsHooks:Issuers allowlist (keys from its JWKS file or URL), aud = the service's URL, lifetime at most 5 minutes, with a jti. Refused tokens get 401 (TBR088).",
        };
        return Task.CompletedTask;
    }

    public static Task ApplyToOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancel)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        string? scheme = metadata.OfType<RequiresApiKeyAttribute>().Any() ? ApiKeyScheme
            : metadata.OfType<RequiresEhrTokenAttribute>().Any() ? EhrTokenScheme
            : null;
        if (scheme is not null)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}

/// <summary>Marks the endpoints that need an API key (the filter is <see cref="ApiKeyFilter"/>), for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class RequiresApiKeyAttribute : Attribute;

/// <summary>Marks the CDS Hooks service, which needs the EHR's JWT, for the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class RequiresEhrTokenAttribute : Attribute;
