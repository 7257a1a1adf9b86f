using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Validation;
using Microsoft.Extensions.Options;
using TherapyBilling.Rules.Fhir;
using TherapyBilling.Rules.Server.Configuration;
using TherapyBilling.Rules.Server.Http;
using TherapyBilling.Rules.Server.Reference;

namespace TherapyBilling.Rules.Server.Api;

/// <summary>
/// <c>POST /v1/fhir/check</c>: a FHIR R4 Bundle in, a Bundle of OperationOutcomes out (one per Encounter, then one per
/// finding no Encounter owns), exactly what <c>therapy-rules check --input-format fhir --format fhir</c> writes for a
/// Bundle. The mapping and the outcomes are the FHIR adapter's (TherapyBilling.Rules.Fhir); this door only translates.
/// </summary>
internal static partial class FhirCheckEndpoint
{
    public const string FhirJsonMediaType = "application/fhir+json";
    private const string MissingRequiredElement = "PVAL105";

    private static readonly JsonSerializerOptions s_strict = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Strict);

    public static void Map(RouteGroupBuilder rules) =>
        rules.MapPost("/fhir/check", Check)
            .WithName("fhir-check")
            .WithMetadata(new JsonBodyAttribute("A FHIR R4 Bundle (any type) holding Encounters, their Procedures and Claims (and Coverage/Organization to name the payer); docs/fhir.md has the mapping.", FhirJsonMediaType, "application/json"))
            .WithSummary("Check the encounters of a FHIR R4 Bundle; the findings come back as OperationOutcomes in a Bundle.")
            .WithDescription("One OperationOutcome per Encounter (id = the Encounter's id), then one per finding that no Encounter of the Bundle owns, in a Bundle of type collection: what the CLI writes with --input-format fhir --format fhir. Errors are application/problem+json with a TBR id.")
            .Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, FhirJsonMediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static async Task<IResult> Check(HttpContext context, ReferenceData data, IOptions<RulesServerOptions> limits, ServerMetrics metrics, ILogger<ReferenceData> logger)
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
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("Bundle"))
        {
            return Malformed("is not a FHIR Bundle (send an object with \"resourceType\": \"Bundle\")", "resourceType");
        }

        int encounters = CountEncounters(root);
        if (encounters > limits.Value.MaxEncounters)
        {
            return Problems.From(
                DiagnosticDescriptors.RequestTooManyEncounters.Create("Bundle.entry", Problems.Arg("count", encounters), Problems.Arg("limit", limits.Value.MaxEncounters)),
                StatusCodes.Status413PayloadTooLarge);
        }

        if (Parse(root) is not { } bundle)
        {
            var (where, codes) = Locate(root);
            return Malformed($"is not a FHIR R4 Bundle: {where} cannot be read ({codes})", where);
        }

        FhirReadResult read;
        List<OperationOutcome> outcomes;
        List<Diagnostic> findings;
        try
        {
            read = FhirEncounterReader.Read(bundle);
            outcomes = Outcomes(read, options, out findings);
        }
        catch (CodedValidationException)
        {
            // The lenient reader keeps a value of the wrong type (a quantity "three"); the SDK throws when it is used.
            var (where, codes) = Locate(root);
            return Malformed($"has a value that is not valid FHIR R4: {where} ({codes})", where);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect in the adapter or the rules: the exception type only, never its message or the input (TBR015).
            return Problems.From(DiagnosticDescriptors.InternalError.Create("Bundle", Problems.Arg("exception", e.GetType().Name)), StatusCodes.Status500InternalServerError);
        }

        metrics.Checked(read.Encounters.Length, findings);
        LogChecked(logger, read.Encounters.Length, findings.Count, read.IgnoredResources);
        return TypedResults.Text(FhirJson.Serialize(FhirOutcomeWriter.ToBundle(outcomes)), FhirJsonMediaType + "; charset=utf-8");
    }

    /// <summary>The outcomes in the CLI's order: one per Encounter (mapping findings and the report's, with FHIRPaths), then one per unattached finding.</summary>
    internal static List<OperationOutcome> Outcomes(FhirReadResult read, ComplianceOptions options, out List<Diagnostic> findings)
    {
        var outcomes = new List<OperationOutcome>(read.Encounters.Length + read.Unattached.Length);
        findings = [];
        foreach (var encounter in read.Encounters)
        {
            var report = encounter.Encounter is { } e ? ComplianceEngine.Check(e, options) : null;
            findings.AddRange(encounter.Diagnostics);
            if (report is not null)
            {
                findings.AddRange(report.Diagnostics);
            }

            outcomes.Add(FhirOutcomeWriter.ToOperationOutcome(encounter, report));
        }

        foreach (var unattached in read.Unattached)
        {
            findings.Add(unattached);
            outcomes.Add(FhirOutcomeWriter.ToOperationOutcome(null, [unattached]));
        }

        return outcomes;
    }

    /// <summary>Counts the Encounters of a Bundle (nested Bundles included, as the adapter reads them) before anything is mapped.</summary>
    private static int CountEncounters(JsonElement bundle)
    {
        if (!bundle.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return 0;
        }

        int count = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
                && resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String)
            {
                count += type.ValueEquals("Encounter") ? 1 : type.ValueEquals("Bundle") ? CountEncounters(resource) : 0;
            }
        }

        return count;
    }

    /// <summary>Parses the Bundle as the CLI does (the adapter's lenient reader); <see langword="null"/> when it cannot be read.</summary>
    private static Bundle? Parse(JsonElement root)
    {
        try
        {
            return FhirJson.TryParseResource(root.GetRawText(), out var resource, out _) ? resource as Bundle : null;
        }
        catch (InvalidOperationException)
        {
            return null; // the SDK's reader throws this for JSON it cannot walk (an element given twice)
        }
    }

    /// <summary>
    /// Where a Bundle is wrong: the SDK's strict reader names the first element that is not valid FHIR R4 (a missing
    /// required element does not count: the lenient reader accepts those). Only the entry (<c>Bundle.entry[3].resource</c>)
    /// and the SDK's error code are passed on, never the element's path or value: an unknown element's name is input text.
    /// </summary>
    private static (string Where, string Codes) Locate(JsonElement root)
    {
        try
        {
            JsonSerializer.Deserialize<Resource>(root.GetRawText(), s_strict);
        }
        catch (DeserializationFailedException e)
        {
            var first = e.Exceptions.OfType<ExtendedCodedException>().FirstOrDefault(static x => x.ErrorCode != MissingRequiredElement);
            if (first is not null)
            {
                string where = first.InstancePath is { } at && EntryPath().Match(at) is { Success: true } m ? m.Value : "Bundle";
                return (where, "FHIR SDK error " + first.ErrorCode);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException)
        {
            return ("Bundle", "an element given twice or in a form FHIR JSON does not allow");
        }

        return ("Bundle", "not a FHIR R4 Bundle");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Malformed(string problem, string path) =>
        Problems.From(DiagnosticDescriptors.RequestMalformed.Create(path, Problems.Arg("problem", problem)), StatusCodes.Status400BadRequest);

    [GeneratedRegex("^Bundle(\\.entry\\[[0-9]+\\]\\.resource)*", RegexOptions.CultureInvariant)]
    private static partial Regex EntryPath();

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked a FHIR Bundle: {Encounters} encounters, {Findings} findings, {Ignored} resources ignored")]
    private static partial void LogChecked(ILogger logger, int encounters, int findings, int ignored);
}
