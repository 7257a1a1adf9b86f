using System.Net;
using System.Text.Json;
using TherapyBilling.Rules.Server.Tests.Support;

namespace TherapyBilling.Rules.Server.Tests.Api;

public sealed class AuthTests
{
    public static TheoryData<string, string?> RulesRoutes() => new()
    {
        { "/v1/check", Samples.Clean },
        { "/v1/units", Samples.Clean },
        { "/v1/reference", null },
        { "/v1/fhir/check", FhirBundles.OneVisit() },
    };

    public static TheoryData<string> OpenRoutes() => ["/healthz", "/readyz", "/openapi/v1.json", "/v1/diagnostics/TBR108", "/cds-services", "/"];

    private static async Task<HttpResponseMessage> Call(HttpClient client, string route, string? body) =>
        body is null
            ? await client.GetAsync(new Uri(route, UriKind.Relative))
            : await client.PostAsync(new Uri(route, UriKind.Relative), ServerFactory.Json(body));

    [Theory]
    [MemberData(nameof(RulesRoutes))]
    public async Task NoConfiguration_RulesRoutesAre401(string route, string? body)
    {
        using var factory = new ServerFactory();
        var client = await factory.ReadyClientAsync();

        var response = await Call(client, route, body);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("TBR085", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(OpenRoutes))]
    public async Task NoConfiguration_OpenRoutesAnswer(string route)
    {
        using var factory = new ServerFactory();
        var client = await factory.ReadyClientAsync();

        var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RulesRoutes))]
    public async Task ConfiguredKey_IsAccepted(string route, string? body)
    {
        using var factory = ServerFactory.Keyed();
        var client = await factory.ReadyClientAsync(ServerFactory.TestKey);

        var response = await Call(client, route, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("test-key-012345678")]
    [InlineData("")]
    public async Task WrongOrMissingKey_Is401(string key)
    {
        using var factory = ServerFactory.Keyed();
        var client = await factory.ReadyClientAsync(key);

        var response = await Call(client, "/v1/check", Samples.Clean);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheKeyItself_IsNotAcceptedAsAHash()
    {
        // Configuration holds hashes: a configured "hash" that is really the key must not let the key in.
        using var factory = new ServerFactory(new() { ["Auth:ApiKeyHashes:0"] = ServerFactory.TestKey });
        var client = await factory.ReadyClientAsync(ServerFactory.TestKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(client, "/v1/check", Samples.Clean)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(RulesRoutes))]
    public async Task AnonymousExplicitlyEnabled_NeedsNoKey(string route, string? body)
    {
        using var factory = ServerFactory.Anonymous();
        var client = await factory.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await Call(client, route, body)).StatusCode);
    }
}
