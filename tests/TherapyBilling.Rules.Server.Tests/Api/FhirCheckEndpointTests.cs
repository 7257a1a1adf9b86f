using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using TherapyBilling.Rules.Fhir;
using TherapyBilling.Rules.Server.Tests.Support;
using Task = System.Threading.Tasks.Task;

namespace TherapyBilling.Rules.Server.Tests.Api;

/// <summary><c>POST /v1/fhir/check</c>: the CLI's <c>--format fhir</c> output over HTTP, with the API's auth, limits and errors.</summary>
public sealed class FhirCheckEndpointTests : IClassFixture<FhirCheckEndpointTests.Fixture>
{
    private const string Route = "/v1/fhir/check";

    private static readonly Lazy<Validator> s_validator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
    });

    private readonly Fixture _fixture;

    public FhirCheckEndpointTests(Fixture fixture) => _fixture = fixture;

    public sealed class Fixture : IDisposable
    {
        public ServerFactory Factory { get; } = ServerFactory.Keyed(new() { ["Rules:MaxEncounters"] = "3", ["Rules:MaxBodyBytes"] = "30000", ["Rules:MaxDepth"] = "16" });

        public void Dispose() => Factory.Dispose();
    }

    private async Task<(HttpStatusCode Status, string MediaType, string Text)> Post(string json, string mediaType = "application/fhir+json", string? key = ServerFactory.TestKey)
    {
        var client = await _fixture.Factory.ReadyClientAsync(key);
        var response = await client.PostAsync(new Uri(Route, UriKind.Relative), ServerFactory.Json(json, mediaType));
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Problem(string text) => JsonDocument.Parse(text).RootElement;

    [Theory]
    [InlineData("application/fhir+json")]
    [InlineData("application/json")]
    public async Task SampleBundle_AnswersWhatTheCliWrites(string mediaType)
    {
        var (status, media, text) = await Post(FhirBundles.Sample, mediaType);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/fhir+json", media);
        // The same Bundle of OperationOutcomes as `therapy-rules check bundle.json --input-format fhir --format fhir`
        // (its golden file), compared as JSON: the CLI streams entries on lines of their own.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(FhirBundles.CliOutputOfSample), JsonNode.Parse(text)), "the service's outcomes differ from the CLI's:\n" + text);
    }

    [Fact]
    public async Task Outcomes_AndTheirBundle_ValidateAgainstTheR4BaseSpec()
    {
        var (_, _, sample) = await Post(FhirBundles.Sample);
        var (_, _, unmappable) = await Post(FhirBundles.OneVisit().Replace("\"performedPeriod\":{\"start\":\"2026-03-10T09:00:00-05:00\",", "\"performedPeriod\":{", StringComparison.Ordinal));

        foreach (string text in (string[])[sample, unmappable])
        {
            var bundle = Assert.IsType<Bundle>(FhirJson.ParseResource(text));
            Assert.NotEmpty(bundle.Entry);
            foreach (var resource in bundle.Entry.Select(e => e.Resource!).Append(bundle))
            {
                var errors = s_validator.Value.Validate(resource).Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal).ToList();
                Assert.True(errors.Count == 0, resource.TypeName + "/" + resource.Id + ":\n" + string.Join("\n", errors.Select(e => $"{e.Code} {string.Join(",", e.Expression)}: {e.Details?.Text}")));
            }
        }
    }

    [Fact]
    public void Validator_CatchesAnInvalidOutcome()
    {
        var bad = new OperationOutcome { Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error }] };
        Assert.Contains(s_validator.Value.Validate(bad).Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);
    }

    [Fact]
    public async Task OneVisit_FindingsPointAtTheFhirElements()
    {
        var (status, _, text) = await Post(FhirBundles.OneVisit());

        Assert.Equal(HttpStatusCode.OK, status);
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(Assert.IsType<Bundle>(FhirJson.ParseResource(text)).Entry).Resource);
        Assert.Equal("v1", outcome.Id);
        var units = Assert.Single(outcome.Issue, i => i.Details!.Coding[0].Code == DiagnosticIds.BilledUnitsDiffer);
        Assert.Equal(OperationOutcome.IssueSeverity.Error, units.Severity);
        Assert.StartsWith("Claim/c1.item[0]", Assert.Single(units.Expression), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnmappableEncounter_IsAnOutcomeWithTheMappingError_NotAnHttpError()
    {
        string json = FhirBundles.OneVisit().Replace("\"performedPeriod\":{\"start\":\"2026-03-10T09:00:00-05:00\",", "\"performedPeriod\":{", StringComparison.Ordinal);
        var (status, _, text) = await Post(json);

        Assert.Equal(HttpStatusCode.OK, status);
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(Assert.IsType<Bundle>(FhirJson.ParseResource(text)).Entry).Resource);
        var issue = Assert.Single(outcome.Issue);
        Assert.Equal(DiagnosticIds.FhirProcedureTiming, issue.Details!.Coding[0].Code);
        Assert.Equal(["Procedure/p1.performedPeriod.start"], issue.Expression);
    }

    [Fact]
    public async Task StatusOutsideItsValueSet_LeavesTheProcedureOut_WithoutRepeatingIt()
    {
        // The SDK's lenient reader keeps the code; the adapter reads it without the typed getter (which would throw).
        var (status, _, text) = await Post(FhirBundles.OneVisit().Replace("\"status\":\"completed\"", "\"status\":\"done-ish\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, status);
        var outcome = Assert.IsType<OperationOutcome>(Assert.Single(Assert.IsType<Bundle>(FhirJson.ParseResource(text)).Entry).Resource);
        var excluded = Assert.Single(outcome.Issue, i => i.Details!.Coding[0].Code == DiagnosticIds.FhirStatusExcluded);
        Assert.Equal(["Procedure/p1.status"], excluded.Expression);
        Assert.DoesNotContain("done-ish", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownElement_IsIgnoredAsByTheCli()
    {
        var (status, _, text) = await Post(FhirBundles.OneVisit(extraProcedure: "\"unknownElement\":true,"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("unknownElement", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcedureOfNoEncounter_IsAnOutcomeOfItsOwn()
    {
        string json = FhirBundles.OneVisit().Replace("\"encounter\":{\"reference\":\"Encounter/v1\"}", "\"encounter\":{\"reference\":\"Encounter/other\"}", StringComparison.Ordinal);
        var (_, _, text) = await Post(json);

        var outcomes = Assert.IsType<Bundle>(FhirJson.ParseResource(text)).Entry.Select(e => Assert.IsType<OperationOutcome>(e.Resource)).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.Equal("v1", outcomes[0].Id);
        Assert.Null(outcomes[1].Id);
        Assert.Equal(DiagnosticIds.FhirUnattached, Assert.Single(outcomes[1].Issue).Details!.Coding[0].Code);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(ServerFactory.TestKey, HttpStatusCode.OK)]
    public async Task ApiKey_IsRequired(string? key, HttpStatusCode expected)
    {
        var (status, media, text) = await Post(FhirBundles.OneVisit(), key: key);

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("application/problem+json", media);
            Assert.Equal("TBR085", Problem(text).GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task AnonymousExplicitlyEnabled_NeedsNoKey()
    {
        using var factory = ServerFactory.Anonymous();
        var client = await factory.ReadyClientAsync();

        var response = await client.PostAsync(new Uri(Route, UriKind.Relative), ServerFactory.Json(FhirBundles.OneVisit(), "application/fhir+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string, int, string, string?> Errors() => new()
    {
        // body, media type, status, TBR id, path
        { "{\"resourceType\":\"Bundle\",\n\"type\":", "application/fhir+json", 400, "TBR080", null },
        { "", "application/fhir+json", 400, "TBR080", null },
        { "[]", "application/fhir+json", 400, "TBR080", "resourceType" },
        { "{\"resourceType\":\"Patient\",\"id\":\"p\"}", "application/fhir+json", 400, "TBR080", "resourceType" },
        { FhirBundles.OneVisit().Replace("\"value\":3", "\"value\":\"three\"", StringComparison.Ordinal), "application/fhir+json", 400, "TBR080", "Bundle.entry[2].resource" },
        { FhirBundles.OneVisit(extraProcedure: "\"performedPeriod\":[],"), "application/fhir+json", 400, "TBR080", "Bundle" },
        { FhirBundles.OneVisit(), "text/plain", 415, "TBR083", null },
        { FhirBundles.OneVisit(), "application/xml", 415, "TBR083", null },
        { "{\"resourceType\":\"Bundle\",\"x\":" + new string('[', 20) + new string(']', 20) + "}", "application/fhir+json", 400, "TBR082", null },
        { "{\"resourceType\":\"Bundle\",\"pad\":\"" + new string('x', 31_000) + "\"}", "application/fhir+json", 413, "TBR081", null },
        { FhirBundles.Encounters(4), "application/fhir+json", 413, "TBR084", "Bundle.entry" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task EachErrorClass_IsAProblemDocumentNamingWhere(string body, string mediaType, int expected, string id, string? path)
    {
        var (status, media, text) = await Post(body, mediaType);

        Assert.Equal(expected, (int)status);
        Assert.Equal("application/problem+json", media);
        var problem = Problem(text);
        Assert.Equal(id, problem.GetProperty("id").GetString());
        Assert.Equal("/v1/diagnostics/" + id, problem.GetProperty("type").GetString());
        if (path is not null)
        {
            Assert.Equal(path, problem.GetProperty("path").GetString());
        }

        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_NamesLineAndColumn()
    {
        var (_, _, text) = await Post("{\"resourceType\":\"Bundle\",\n\"type\":");

        var problem = Problem(text);
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
    }

    public static TheoryData<string> PhiBundles()
    {
        string m = Samples.Marker;
        return
        [
            // free text and ids of a patient in a well-formed Bundle
            FhirBundles.OneVisit(extraEncounter: $"\"subject\":{{\"display\":\"{m}\"}},\"identifier\":[{{\"value\":\"{m}\"}}],", extraProcedure: $"\"note\":[{{\"text\":\"{m}\"}}],", extraClaim: $"\"insurance\":[{{\"sequence\":1,\"focal\":true,\"identifier\":{{\"value\":\"{m}\"}},\"coverage\":{{\"display\":\"{m}\"}}}}],"),
            // PHI where the SDK refuses the Bundle: an element name, a code value, a date
            FhirBundles.OneVisit(extraProcedure: $"\"{m}\":true,"),
            FhirBundles.OneVisit().Replace("\"status\":\"completed\"", $"\"status\":\"{m}\"", StringComparison.Ordinal),
            FhirBundles.OneVisit().Replace("\"status\":\"active\"", $"\"status\":\"{m}\"", StringComparison.Ordinal),
            FhirBundles.OneVisit().Replace("\"value\":3", $"\"value\":\"{m}\"", StringComparison.Ordinal),
            FhirBundles.OneVisit().Replace("2026-03-10T09:23:00-05:00", m, StringComparison.Ordinal),
            $"{{\"resourceType\":\"{m}\"}}",
            $"{{\"resourceType\":\"Bundle\",\"type\":\"{m}\"}}",
            // an unmappable code and a modifier carrying the marker
            FhirBundles.OneVisit().Replace("\"code\":\"GP\"", $"\"code\":\"{m}\"", StringComparison.Ordinal),
            FhirBundles.OneVisit().Replace("\"code\":\"97535\"}]},\"subject\"", $"\"code\":\"{m}\"}}]}},\"subject\"", StringComparison.Ordinal),
        ];
    }

    [Theory]
    [MemberData(nameof(PhiBundles))]
    public async Task Response_NeverContainsPatientData(string body)
    {
        var (_, _, text) = await Post(body);

        Assert.DoesNotContain(Samples.Marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }
}
