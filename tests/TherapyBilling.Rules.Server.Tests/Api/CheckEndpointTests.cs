using System.Net;
using System.Text.Json;
using TherapyBilling.Rules.Server.Tests.Support;

namespace TherapyBilling.Rules.Server.Tests.Api;

public sealed class CheckEndpointTests : IClassFixture<CheckEndpointTests.Fixture>
{
    private readonly Fixture _fixture;

    public CheckEndpointTests(Fixture fixture) => _fixture = fixture;

    public sealed class Fixture : IDisposable
    {
        public ServerFactory Factory { get; } = ServerFactory.Anonymous(new() { ["Rules:MaxEncounters"] = "3", ["Rules:MaxBodyBytes"] = "20000", ["Rules:MaxDepth"] = "16" });

        public void Dispose() => Factory.Dispose();
    }

    private async Task<(HttpStatusCode Status, string MediaType, JsonElement Body)> Post(string route, string json, string mediaType = "application/json")
    {
        var client = await _fixture.Factory.ReadyClientAsync();
        var response = await client.PostAsync(new Uri(route, UriKind.Relative), ServerFactory.Json(json, mediaType));
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Check_OneEncounter_ReturnsUnitsFindingsAndCertainFixes()
    {
        var (status, _, body) = await Post("/v1/check", Samples.Split);

        Assert.Equal(HttpStatusCode.OK, status);
        var report = Assert.Single(body.GetProperty("reports").EnumerateArray());
        Assert.Equal("e1", report.GetProperty("id").GetString());
        Assert.True(report.GetProperty("checked").GetBoolean());
        Assert.Equal(3, report.GetProperty("totalUnits").GetInt32());
        var ids = report.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Contains("TBR108", ids);
        Assert.Contains("TBR310", ids);
        var fixes = report.GetProperty("fixes").EnumerateArray().ToList();
        Assert.Contains(fixes, f => f.GetProperty("action").GetString() == "setUnits" && f.GetProperty("units").GetInt32() == 2 && f.GetProperty("line").GetInt32() == 0);
        Assert.Contains(fixes, f => f.GetProperty("action").GetString() == "addModifier" && f.GetProperty("modifier").GetString() == "GP" && f.GetProperty("line").GetInt32() == 1);
        // 97530/97535 is a row of the shipped subset tagged [L]: the pair finding is a "verify" warning and no modifier
        // fix is offered from it (advice must never cause a denial; loading the CMS file makes it ordinary).
        var pair = report.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "TBR303");
        Assert.Equal("warning", pair.GetProperty("severity").GetString());
        Assert.DoesNotContain(fixes, f => f.GetProperty("diagnosticId").GetString() == "TBR303");
        Assert.NotEmpty(report.GetProperty("explanation").EnumerateArray());
        Assert.Contains(body.GetProperty("rules").EnumerateArray(), t => t.GetProperty("name").GetString() == "pairTable");
    }

    [Fact]
    public async Task Check_Batch_ReturnsOneReportPerEncounterInOrder()
    {
        var (status, _, body) = await Post("/v1/check", $$"""{"encounters":[{{Samples.Clean}},{{Samples.Split}}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var reports = body.GetProperty("reports").EnumerateArray().ToList();
        Assert.Equal(["e2", "e1"], reports.Select(r => r.GetProperty("id").GetString()));
        Assert.Empty(reports[0].GetProperty("diagnostics").EnumerateArray());
    }

    [Fact]
    public async Task Check_EncounterWithInputErrors_IsReportedUnchecked()
    {
        var (status, _, body) = await Post("/v1/check", """{"encounters":[{"id":"e9","segments":[]}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var report = Assert.Single(body.GetProperty("reports").EnumerateArray());
        Assert.False(report.GetProperty("checked").GetBoolean());
        Assert.Contains(report.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "TBR003");
    }

    [Theory]
    [InlineData("{\"id\":\"e1\",", 400, "TBR080")]
    [InlineData("", 400, "TBR080")]
    [InlineData("[1,2]", 400, "TBR080")]
    [InlineData("{\"encounters\":{}}", 400, "TBR080")]
    public async Task Check_MalformedBody_Is400WithTheTbrId(string json, int expected, string id)
    {
        var (status, media, body) = await Post("/v1/check", json);

        Assert.Equal(expected, (int)status);
        Assert.Equal("application/problem+json", media);
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal("/v1/diagnostics/" + id, body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Check_MalformedBody_NamesLineAndColumn()
    {
        var (_, _, body) = await Post("/v1/check", "{\n  \"id\": \"e1\",\n  \"dateOfService\" 5\n}");

        Assert.Equal(3, body.GetProperty("line").GetInt32());
        Assert.Equal(19, body.GetProperty("column").GetInt32());
        Assert.Contains("line 3, column 19", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TooDeep_Is400NamingWhere()
    {
        string json = "{\"a\":" + new string('[', 40) + new string(']', 40) + "}";
        var (status, _, body) = await Post("/v1/check", json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("TBR082", body.GetProperty("id").GetString());
        Assert.Equal(1, body.GetProperty("line").GetInt32());
        Assert.Equal(16, body.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Check_TooLarge_Is413()
    {
        string json = "{\"encounters\":[" + string.Join(',', Enumerable.Repeat(Samples.Split, 80)) + "]}";
        var (status, media, body) = await Post("/v1/check", json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("application/problem+json", media);
        Assert.Equal("TBR081", body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Check_TooManyEncounters_Is413()
    {
        string json = "{\"encounters\":[" + string.Join(',', Enumerable.Repeat(Samples.Clean, 4)) + "]}";
        var (status, _, body) = await Post("/v1/check", json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("TBR084", body.GetProperty("id").GetString());
        Assert.Equal(3, body.GetProperty("limit").GetInt32());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Check_WrongContentType_Is415(string mediaType)
    {
        var (status, _, body) = await Post("/v1/check", Samples.Clean, mediaType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("TBR083", body.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Units_ReturnsLinesAndExplanation()
    {
        var (status, _, body) = await Post("/v1/units", Samples.Split);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, body.GetProperty("totalUnits").GetInt32());
        Assert.Equal("cms", body.GetProperty("method").GetString());
        Assert.Contains(body.GetProperty("lines").EnumerateArray(), l => l.GetProperty("code").GetString() == "97535" && l.GetProperty("units").GetInt32() == 2);
        Assert.Contains(body.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("8-minute", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Units_InvalidEncounter_Is422WithTheInputDiagnostics()
    {
        var (status, media, body) = await Post("/v1/units", """{"id":"e1","dateOfService":"2026-13-40","segments":[]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("application/problem+json", media);
        Assert.Equal("TBR005", body.GetProperty("id").GetString());
        Assert.Equal("dateOfService", body.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Diagnostics_KnownId_ServesTheHelpPage()
    {
        var client = await _fixture.Factory.ReadyClientAsync();

        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/v1/diagnostics/TBR108", UriKind.Relative))).RootElement;
        Assert.Equal("TBR108", json.GetProperty("id").GetString());
        Assert.StartsWith("# TBR108", json.GetProperty("markdown").GetString(), StringComparison.Ordinal);

        using var markdownRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/diagnostics/TBR108");
        markdownRequest.Headers.Accept.ParseAdd("text/markdown");
        var markdown = await client.SendAsync(markdownRequest);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("## How to fix", await markdown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var htmlRequest = new HttpRequestMessage(HttpMethod.Get, "/v1/diagnostics/TBR108");
        htmlRequest.Headers.Accept.ParseAdd("text/html");
        var html = await client.SendAsync(htmlRequest);
        Assert.Contains("<h2>How to fix</h2>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TBR999")]
    [InlineData("nonsense")]
    public async Task Diagnostics_UnknownId_Is404Problem(string id)
    {
        var client = await _fixture.Factory.ReadyClientAsync();
        var response = await client.GetAsync(new Uri("/v1/diagnostics/" + id, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal("TBR086", JsonDocument.Parse(text).RootElement.GetProperty("id").GetString());
        Assert.DoesNotContain(id, text.Replace("TBR086", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_ListsTheLoadedTables()
    {
        var client = await _fixture.Factory.ReadyClientAsync();
        var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/v1/reference", UriKind.Relative))).RootElement;

        var names = json.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Contains("codeCatalog", names);
        Assert.Contains("pairTable", names);
        Assert.Contains("payerProfiles", names);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("serverVersion").GetString()));
    }

    [Fact]
    public async Task Health_And_Readiness_Answer()
    {
        var client = await _fixture.Factory.ReadyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task UnknownRoute_IsAProblemDocument()
    {
        var client = await _fixture.Factory.ReadyClientAsync();
        var response = await client.GetAsync(new Uri("/v2/nothing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
