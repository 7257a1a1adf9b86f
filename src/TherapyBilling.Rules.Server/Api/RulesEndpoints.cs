using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TherapyBilling.Rules.Server.Configuration;
using TherapyBilling.Rules.Server.Help;
using TherapyBilling.Rules.Server.Http;
using TherapyBilling.Rules.Server.Reference;

namespace TherapyBilling.Rules.Server.Api;

/// <summary>The JSON API under <c>/v1</c>: check, units, reference (API key) and the diagnostics help (open).</summary>
internal static partial class RulesEndpoints
{
    public static string ServerVersion { get; } =
        typeof(RulesEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static void Map(IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/v1").AddEndpointFilter<ApiKeyFilter>().WithMetadata(new RequiresApiKeyAttribute()).WithTags("rules");
        rules.MapPost("/check", Check)
            .WithName("check")
            .WithMetadata(new JsonBodyAttribute("One encounter (input contract v1, schemas/encounter.schema.json), or { \"encounters\": [ ... ] }."))
            .WithSummary("Check one encounter, or { \"encounters\": [ ... ] }, against the rules.")
            .WithDescription("The body is input contract v1 (schemas/encounter.schema.json). Errors are application/problem+json with a TBR id.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        rules.MapPost("/units", Units)
            .WithName("units")
            .WithMetadata(new JsonBodyAttribute("One encounter (input contract v1, schemas/encounter.schema.json)."))
            .WithSummary("Work out the units of one encounter's segments, with the explanation.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        rules.MapGet("/reference", Reference)
            .WithName("reference")
            .WithSummary("The versions of the loaded reference data.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        FhirCheckEndpoint.Map(rules);

        // Help pages hold no patient data: open, so that CDS cards and the page can link to them.
        app.MapGet("/v1/diagnostics/{id}", Diagnostics)
            .WithTags("help")
            .WithName("diagnostic")
            .WithSummary("The help page of a diagnostic id: JSON, or the page itself for Accept: text/markdown or text/html.")
            .Produces<DiagnosticHelpDto>(StatusCodes.Status200OK, "application/json", "text/markdown", "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<Results<Ok<CheckResponse>, ProblemHttpResult>> Check(HttpContext context, ReferenceData data, IOptions<RulesServerOptions> limits, ServerMetrics metrics, ILogger<ReferenceData> logger)
    {
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
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Shape("is not a JSON object (send one encounter, or { \"encounters\": [ ... ] })", string.Empty);
        }

        var records = new List<JsonElement>();
        if (root.TryGetProperty("encounters", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                return Shape("has an \"encounters\" member that is not an array", "encounters");
            }

            int count = list.GetArrayLength();
            if (count > limits.Value.MaxEncounters)
            {
                return Problems.From(
                    DiagnosticDescriptors.RequestTooManyEncounters.Create("encounters", Problems.Arg("count", count), Problems.Arg("limit", limits.Value.MaxEncounters)),
                    StatusCodes.Status413PayloadTooLarge);
            }

            records.AddRange(list.EnumerateArray());
        }
        else
        {
            records.Add(root);
        }

        var reports = new List<ReportDto>(records.Count);
        for (int i = 0; i < records.Count; i++)
        {
            reports.Add(CheckOne(i, records[i], options));
        }

        metrics.Checked(records.Count, reports);
        int findings = reports.Sum(r => r.Diagnostics.Count);
        LogChecked(logger, records.Count, findings);
        return TypedResults.Ok(new CheckResponse(reports, ReportMapper.Tables(options)));
    }

    internal static ReportDto CheckOne(int index, JsonElement record, ComplianceOptions options)
    {
        var read = EncounterJson.Read(record);
        if (read.Encounter is not { } encounter)
        {
            return ReportMapper.Unchecked(index, read);
        }

        var report = ComplianceEngine.Check(encounter, options);
        return ReportMapper.Checked(index, read, encounter, report, options);
    }

    internal static async Task<Results<Ok<UnitsResponse>, ProblemHttpResult>> Units(HttpContext context, ReferenceData data, IOptions<RulesServerOptions> limits)
    {
        if (data.Options is not { } options)
        {
            return Problems.NotReady();
        }

        using var body = await JsonBody.ReadAsync(context.Request, limits.Value, context.RequestAborted).ConfigureAwait(false);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var read = EncounterJson.Read(body.Document!.RootElement);
        if (read.Encounter is not { } encounter)
        {
            var first = read.Diagnostics.First(d => d.Severity == Severity.Error);
            return Problems.From(first, StatusCodes.Status422UnprocessableEntity, new Dictionary<string, object?>
            {
                ["diagnostics"] = read.Diagnostics.Select(ReportMapper.Diagnostic).ToList(),
            });
        }

        var method = ComplianceEngine.ResolveMethodSource(encounter, options).Method;
        var unitOptions = new UnitCalculationOptions { Catalog = options.Catalog, PreferredOrder = options.PreferredOrder, DateOfService = encounter.DateOfService };
        var units = UnitCalculator.Calculate(encounter.Segments, method, unitOptions);
        return TypedResults.Ok(ReportMapper.Units(read.Id, units, read.Diagnostics));
    }

    internal static Results<Ok<ReferenceResponse>, ProblemHttpResult> Reference(ReferenceData data) =>
        data.Options is { } options
            ? TypedResults.Ok(new ReferenceResponse(ServerVersion, ReportMapper.Tables(options)))
            : Problems.NotReady();

    internal static IResult Diagnostics(string id, HttpContext context)
    {
        if (DiagnosticDescriptors.Find(id) is not { } descriptor || DiagnosticHelp.Markdown(id) is not { } markdown)
        {
            return Problems.From(DiagnosticDescriptors.UnknownDiagnosticId.Create(string.Empty), StatusCodes.Status404NotFound);
        }

        string accept = context.Request.Headers.Accept.ToString();
        if (accept.Contains("text/markdown", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Text(markdown, "text/markdown; charset=utf-8");
        }

        if (accept.Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Text(DiagnosticHelp.Html(id, markdown), "text/html; charset=utf-8");
        }

        return TypedResults.Ok(new DiagnosticHelpDto(descriptor.Id, descriptor.Title, SeverityText.Of(descriptor.DefaultSeverity), descriptor.Category, descriptor.Since, markdown));
    }

    private static ProblemHttpResult Shape(string problem, string path) =>
        Problems.From(DiagnosticDescriptors.RequestMalformed.Create(path, Problems.Arg("problem", problem)), StatusCodes.Status400BadRequest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked {Encounters} encounters: {Findings} findings")]
    private static partial void LogChecked(ILogger logger, int encounters, int findings);
}
