using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TherapyBilling.Rules.Server.CdsHooks.FhirMapping;
using TherapyBilling.Rules.Server.Configuration;
using TherapyBilling.Rules.Server.Http;
using TherapyBilling.Rules.Server.Reference;

namespace TherapyBilling.Rules.Server.CdsHooks;

/// <summary>CDS Hooks 2.0: discovery and the <c>encounter-discharge</c> service.</summary>
internal static partial class CdsHooksEndpoints
{
    public const string ServiceId = "therapy-billing-discharge";
    public const string Hook = "encounter-discharge";

    private static readonly (string Key, string Template, string What)[] s_prefetch =
    [
        ("encounter", "Encounter/{{context.encounterId}}", "the Encounter"),
        ("procedures", "Procedure?encounter={{context.encounterId}}", "the encounter's Procedures"),
        ("claim", "Claim?encounter={{context.encounterId}}", "the encounter's Claim"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cds-services").WithTags("cds-hooks");
        group.MapGet("", Discovery).WithName("cds-discovery").WithSummary("CDS Hooks discovery: the services this server offers.");
        group.MapPost("/" + ServiceId, Call)
            .WithName("cds-encounter-discharge")
            .WithMetadata(new RequiresEhrTokenAttribute())
            .WithSummary("CDS Hooks service on encounter-discharge: billing findings as cards, fixes as Claim updates.")
            .WithMetadata(new JsonBodyAttribute("A CDS Hooks 2.0 request (hook, hookInstance, context.encounterId, prefetch)."))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    internal static Ok<CdsDiscovery> Discovery() => TypedResults.Ok(new CdsDiscovery(
    [
        new CdsServiceDescription(
            Hook,
            "Therapy billing check",
            "Checks the encounter's timed therapy codes at discharge: units under the 8-minute rule, NCCI pairs and modifiers, billed units; suggests Claim fixes the data proves.",
            ServiceId,
            s_prefetch.ToDictionary(p => p.Key, p => p.Template, StringComparer.Ordinal),
            "The EHR signs each call with a JWT whose issuer and JWKS are registered with the service (CdsHooks:Issuers)."),
    ]));

    internal static async Task<Results<Ok<CdsResponse>, ProblemHttpResult>> Call(
        HttpContext context,
        ReferenceData data,
        IOptions<RulesServerOptions> limits,
        IOptions<CdsHooksOptions> cds,
        IOptions<AuthOptions> auth,
        CdsTokenValidator tokens,
        IHttpClientFactory http,
        ILogger<CdsTokenValidator> logger)
    {
        string baseUrl = (cds.Value.BaseUrl ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}").TrimEnd('/');
        if (!auth.Value.AllowAnonymous && await tokens.ValidateAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, baseUrl + "/cds-services/" + ServiceId, context.RequestAborted).ConfigureAwait(false) is { } reason)
        {
            LogRefused(logger, reason);
            return Problems.From(DiagnosticDescriptors.HookTokenRefused.Create(string.Empty, Problems.Arg("reason", reason)), StatusCodes.Status401Unauthorized);
        }

        if (data.Options is not { } options)
        {
            return Problems.NotReady();
        }

        using var body = await JsonBody.ReadAsync(context.Request, limits.Value, context.RequestAborted).ConfigureAwait(false);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var root = body.Document!.RootElement;
        if (Bad(root) is { } shape)
        {
            return Problems.From(DiagnosticDescriptors.RequestMalformed.Create(string.Empty, Problems.Arg("problem", shape)), StatusCodes.Status400BadRequest);
        }

        string encounterId = root.GetProperty("context").GetProperty("encounterId").GetString()!;
        var prefetch = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        foreach (var (key, template, what) in s_prefetch)
        {
            JsonElement? value = root.TryGetProperty("prefetch", out var all) && all.ValueKind == JsonValueKind.Object && all.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;
            value ??= await FetchAsync(root, template.Replace("{{context.encounterId}}", Uri.EscapeDataString(encounterId), StringComparison.Ordinal), cds.Value, http, context.RequestAborted).ConfigureAwait(false);
            if (value is null && key != "claim")
            {
                // CDS Hooks 2.0: a service that cannot obtain required data answers 412 Precondition Failed.
                return Problems.From(DiagnosticDescriptors.HookDataMissing.Create("prefetch." + key, Problems.Arg("resource", what), Problems.Arg("key", key)), StatusCodes.Status412PreconditionFailed);
            }

            prefetch[key] = value;
        }

        IReadOnlyList<CdsCard> cards;
        try
        {
            var hook = HookResources.Read(encounterId, prefetch["encounter"]!.Value, prefetch["procedures"], prefetch["claim"]);
            var report = hook.Encounter?.Encounter is { } encounter ? ComplianceEngine.Check(encounter, options) : null;
            cards = CardBuilder.Build(hook, report, baseUrl, Math.Max(2, cds.Value.MaxCards));
        }
        catch (Hl7.Fhir.Validation.CodedValidationException)
        {
            // The SDK's lenient reader keeps a value of the wrong type (a quantity "three") and throws when it is used.
            return Problems.From(DiagnosticDescriptors.RequestMalformed.Create("prefetch", Problems.Arg("problem", "has a prefetched resource with a value that is not valid FHIR R4")), StatusCodes.Status400BadRequest);
        }

        LogAnswered(logger, cards.Count);
        return TypedResults.Ok(new CdsResponse(cards));
    }

    private static string? Bad(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "is not a CDS Hooks request object";
        }

        if (!root.TryGetProperty("hook", out var hook) || hook.ValueKind != JsonValueKind.String || hook.GetString() != Hook)
        {
            return "has no hook \"" + Hook + "\"";
        }

        if (!root.TryGetProperty("hookInstance", out var instance) || instance.ValueKind != JsonValueKind.String)
        {
            return "has no hookInstance";
        }

        return root.TryGetProperty("context", out var ctx) && ctx.ValueKind == JsonValueKind.Object
            && ctx.TryGetProperty("encounterId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Length > 0
            ? null
            : "has no context.encounterId";
    }

    /// <summary>Fetches what prefetch lacked from the EHR's FHIR server, only when configured and the request gives fhirServer and fhirAuthorization.</summary>
    private static async Task<JsonElement?> FetchAsync(JsonElement root, string relative, CdsHooksOptions options, IHttpClientFactory http, CancellationToken cancel)
    {
        if (!options.AllowFhirFetch
            || !root.TryGetProperty("fhirServer", out var server) || server.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(server.GetString()!.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme != Uri.UriSchemeHttps
            || !root.TryGetProperty("fhirAuthorization", out var authorization) || authorization.ValueKind != JsonValueKind.Object
            || !authorization.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.GetString());
        request.Headers.Accept.ParseAdd("application/fhir+json");
        try
        {
            using var response = await http.CreateClient("fhir").SendAsync(request, cancel).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false), default, cancel).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDS Hooks call refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS Hooks call answered with {Cards} cards")]
    private static partial void LogAnswered(ILogger logger, int cards);
}
