using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TherapyBilling.Rules.Server.Tests.Support;

namespace TherapyBilling.Rules.Server.Tests.CdsHooks;

public sealed class CdsHooksTests : IClassFixture<CdsHooksTests.Fixture>
{
    private const string Route = "/cds-services/therapy-billing-discharge";
    private readonly Fixture _fixture;

    public CdsHooksTests(Fixture fixture) => _fixture = fixture;

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Keys = new EhrKeys();
            Factory = new ServerFactory(Keys.Settings());
        }

        public EhrKeys Keys { get; }

        public ServerFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            Keys.Dispose();
        }
    }

    private async Task<HttpResponseMessage> Call(string body, string? token)
    {
        var client = await _fixture.Factory.ReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = ServerFactory.Json(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Discovery_ListsTheDischargeServiceWithItsPrefetch()
    {
        var client = await _fixture.Factory.ReadyClientAsync();
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/cds-services", UriKind.Relative))).RootElement;

        var service = Assert.Single(json.GetProperty("services").EnumerateArray());
        Assert.Equal("encounter-discharge", service.GetProperty("hook").GetString());
        Assert.Equal("therapy-billing-discharge", service.GetProperty("id").GetString());
        var prefetch = service.GetProperty("prefetch");
        Assert.Equal("Encounter/{{context.encounterId}}", prefetch.GetProperty("encounter").GetString());
        Assert.Equal("Procedure?encounter={{context.encounterId}}", prefetch.GetProperty("procedures").GetString());
        Assert.Equal("Claim?encounter={{context.encounterId}}", prefetch.GetProperty("claim").GetString());
    }

    [Fact]
    public async Task FullPrefetch_AnswersCardsWithClaimUpdateSuggestions()
    {
        var response = await Call(FhirSamples.Request(), _fixture.Keys.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("cards").EnumerateArray().ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, c =>
        {
            Assert.True(c.GetProperty("summary").GetString()!.Length < 140);
            Assert.Contains(c.GetProperty("indicator").GetString(), (string[])["info", "warning", "critical"]);
            Assert.Equal("TherapyBilling.Rules", c.GetProperty("source").GetProperty("label").GetString());
        });

        var units = Assert.Single(cards, c => c.GetProperty("summary").GetString()!.StartsWith("TBR108", StringComparison.Ordinal));
        Assert.Equal("critical", units.GetProperty("indicator").GetString());
        Assert.Equal(EhrKeys.BaseUrl + "/v1/diagnostics/TBR108", units.GetProperty("source").GetProperty("url").GetString());
        Assert.Equal("at-most-one", units.GetProperty("selectionBehavior").GetString());
        var action = Assert.Single(Assert.Single(units.GetProperty("suggestions").EnumerateArray()).GetProperty("actions").EnumerateArray());
        Assert.Equal("update", action.GetProperty("type").GetString());
        Assert.Equal("Claim", action.GetProperty("resource").GetProperty("resourceType").GetString());
        Assert.Equal(2, action.GetProperty("resource").GetProperty("item")[0].GetProperty("quantity").GetProperty("value").GetInt32());

        // 97530/97535 is a shipped [L] row: a "verify" warning card with no suggestion (no modifier is proven by [L] data).
        var pair = Assert.Single(cards, c => c.GetProperty("summary").GetString()!.StartsWith("TBR303", StringComparison.Ordinal));
        Assert.Equal("warning", pair.GetProperty("indicator").GetString());
        Assert.False(pair.TryGetProperty("suggestions", out var noPairFix) && noPairFix.ValueKind == JsonValueKind.Array && noPairFix.GetArrayLength() > 0);

        // The FHIR adapter reads the discipline from the GP on the 97535 item, so the library proves GP for 97530: the
        // card's suggestion adds it to that Claim item (the minimal mapper it replaced knew no discipline and offered none).
        var gp = Assert.Single(cards, c => c.GetProperty("summary").GetString()!.StartsWith("TBR310", StringComparison.Ordinal));
        var addGp = Assert.Single(Assert.Single(gp.GetProperty("suggestions").EnumerateArray()).GetProperty("actions").EnumerateArray());
        var item = addGp.GetProperty("resource").GetProperty("item")[1];
        Assert.Equal("97530", item.GetProperty("productOrService").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Contains(item.GetProperty("modifier").EnumerateArray(), m => m.GetProperty("coding")[0].GetProperty("code").GetString() == "GP");
    }

    [Fact]
    public async Task ProcedureWithoutCpt_IsACardOfTheAdapter()
    {
        string request = FhirSamples.Request().Replace("\"code\":\"97530\"}]},\"performedPeriod\"", "\"code\":\"97530\",\"system\":\"http://snomed.info/sct\"}]},\"performedPeriod\"", StringComparison.Ordinal)
            .Replace("{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97530\",\"system\":\"http://snomed.info/sct\"}", "{\"system\":\"http://snomed.info/sct\",\"code\":\"229065009\"}", StringComparison.Ordinal);
        Assert.Contains("229065009", request, StringComparison.Ordinal);
        var response = await Call(request, _fixture.Keys.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("cards").EnumerateArray().ToList();
        Assert.Contains(cards, c => c.GetProperty("summary").GetString()!.StartsWith(DiagnosticIds.FhirProcedureNoCpt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnreadablePrefetch_IsACard_NotAnError()
    {
        // An element given twice: the SDK cannot read the Procedures at all.
        string request = FhirSamples.Request().Replace("\"id\":\"p2\",", "\"id\":\"p2\",\"performedPeriod\":[],", StringComparison.Ordinal);
        var response = await Call(request, _fixture.Keys.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("cards").EnumerateArray().ToList();
        Assert.True(cards.Exists(c => c.GetProperty("summary").GetString()!.StartsWith(DiagnosticIds.FhirUnreadableResource, StringComparison.Ordinal)), string.Join("\n", cards.Select(c => c.GetProperty("summary").GetString())));
    }

    [Fact]
    public async Task MissingPrefetch_NoFhirAccess_Is412NamingTheKey()
    {
        var response = await Call(FhirSamples.Request(withProcedures: false), _fixture.Keys.Token());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("TBR087", body.GetProperty("id").GetString());
        Assert.Equal("prefetch.procedures", body.GetProperty("path").GetString());
    }

    [Fact]
    public async Task MissingPrefetch_WithFhirServerButFetchNotAllowed_Is412WithoutNetwork()
    {
        string extra = "\"fhirServer\":\"https://127.0.0.1:9/fhir\",\"fhirAuthorization\":{\"access_token\":\"x\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"user/Procedure.read\",\"subject\":\"cds\"},";
        var response = await Call(FhirSamples.Request(withProcedures: false, extra: extra), _fixture.Keys.Token());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task NoClaim_StillChecksTheProcedures()
    {
        var response = await Call(FhirSamples.Request(withClaim: false), _fixture.Keys.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> BadTokens() => ["signature", "audience", "expired", "issuer", "lifetime", "none", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadToken_IsRefused(string spoil)
    {
        var keys = _fixture.Keys;
        string? token = spoil switch
        {
            "signature" => keys.Token(otherKey: true),
            "audience" => keys.Token(audience: "https://elsewhere.example.org/cds-services/therapy-billing-discharge"),
            "expired" => keys.Token(issuedAt: DateTime.UtcNow.AddMinutes(-10), lifetime: TimeSpan.FromMinutes(5)),
            "issuer" => keys.Token(issuer: "https://unknown-ehr.example.org"),
            "lifetime" => keys.Token(lifetime: TimeSpan.FromHours(1)),
            "garbage" => "not-a-token",
            _ => null,
        };

        var response = await Call(FhirSamples.Request(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal("TBR088", JsonDocument.Parse(text).RootElement.GetProperty("id").GetString());
        string expectedReason = spoil switch
        {
            "signature" => "bad signature",
            "audience" => "wrong audience",
            "expired" => "expired",
            "issuer" => "unknown issuer",
            "lifetime" => "lifetime",
            "none" => "no bearer token",
            _ => "not a JWT",
        };
        Assert.Contains(expectedReason, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoIssuerConfigured_HookIs401()
    {
        using var factory = new ServerFactory();
        var client = await factory.ReadyClientAsync();

        var response = await client.PostAsync(new Uri(Route, UriKind.Relative), ServerFactory.Json(FhirSamples.Request()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"encounterId\":\"e\"}}")]
    [InlineData("{\"hook\":\"encounter-discharge\",\"hookInstance\":\"x\",\"context\":{}}")]
    [InlineData("[]")]
    public async Task MalformedHookRequest_Is400(string body)
    {
        var response = await Call(body, _fixture.Keys.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("TBR080", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cards_NeverEchoPatientData()
    {
        string request = FhirSamples.Request().Replace("1288992", Samples.Marker, StringComparison.Ordinal).Replace("\"status\":\"finished\"", "\"status\":\"finished\",\"subject\":{\"display\":\"" + Samples.Marker + "\"}", StringComparison.Ordinal);
        var response = await Call(request, _fixture.Keys.Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(Samples.Marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
