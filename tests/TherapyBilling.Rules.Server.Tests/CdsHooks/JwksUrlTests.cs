using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TherapyBilling.Rules.Server.Tests.Support;

namespace TherapyBilling.Rules.Server.Tests.CdsHooks;

/// <summary>CDS Hooks tokens checked with keys the server fetches from the EHR's JWKS URL (a loopback endpoint here).</summary>
public sealed class JwksUrlTests : IDisposable
{
    private const string Route = "/cds-services/therapy-billing-discharge";
    private readonly EhrKeys _keys = new();

    public void Dispose() => _keys.Dispose();

    private static Dictionary<string, string?> Settings(Uri jwks, int refreshMinutes = 5, int timeoutSeconds = 5, int maxAgeMinutes = 60) => new()
    {
        ["CdsHooks:JwksMaxAgeMinutes"] = maxAgeMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CdsHooks:BaseUrl"] = EhrKeys.BaseUrl,
        ["CdsHooks:Issuers:0:Issuer"] = EhrKeys.Issuer,
        ["CdsHooks:Issuers:0:JwksUrl"] = jwks.ToString(),
        ["CdsHooks:JwksRefreshMinutes"] = refreshMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["CdsHooks:JwksTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<(HttpStatusCode Status, string Text)> Call(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = ServerFactory.Json(FhirSamples.Request()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task KeyFromTheUrl_IsAccepted_AndCached()
    {
        await using var jwks = await JwksEndpoint.StartAsync(_keys.Jwks());
        using var factory = new ServerFactory(Settings(jwks.Url));
        var client = await factory.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await Call(client, _keys.Token())).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(client, _keys.Token())).Status);
        Assert.Equal(1, jwks.Fetches);
    }

    [Fact]
    public async Task RotatedKey_UnknownKid_FetchesAgain()
    {
        await using var jwks = await JwksEndpoint.StartAsync(_keys.Jwks());
        using var factory = new ServerFactory(Settings(jwks.Url, refreshMinutes: 0));
        var client = await factory.ReadyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await Call(client, _keys.Token())).Status);

        jwks.Jwks = _keys.Jwks(rotated: true);
        var (status, _) = await Call(client, _keys.Token(nextKey: true));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, jwks.Fetches);
    }

    [Fact]
    public async Task UnknownKid_FetchesAtMostOncePerInterval_AndIsRefused()
    {
        await using var jwks = await JwksEndpoint.StartAsync(_keys.Jwks());
        using var factory = new ServerFactory(Settings(jwks.Url, refreshMinutes: 5));
        var client = await factory.ReadyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await Call(client, _keys.Token())).Status);

        // A key the EHR never published: the first unknown kid fetches again, the next ones within 5 minutes do not.
        for (int i = 0; i < 3; i++)
        {
            var (status, text) = await Call(client, _keys.Token(otherKey: true, keyId: "ehr-9"));
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("TBR088", JsonDocument.Parse(text).RootElement.GetProperty("id").GetString());
        }

        // The first call fetched once; the first unknown kid may not refetch either: the interval counts from the last fetch.
        Assert.Equal(1, jwks.Fetches);
        Assert.Equal(HttpStatusCode.OK, (await Call(client, _keys.Token())).Status);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    public async Task FetchFailure_RefusesTheToken(int status)
    {
        await using var jwks = await JwksEndpoint.StartAsync(_keys.Jwks());
        jwks.Status = status;
        using var factory = new ServerFactory(Settings(jwks.Url));
        var client = await factory.ReadyClientAsync();

        var (answer, text) = await Call(client, _keys.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, answer);
        Assert.Contains("issuer keys unavailable", text, StringComparison.Ordinal);
        Assert.Equal(1, jwks.Fetches);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SlowEndpoint_TimesOut_AndRefusesTheToken(bool slowBody)
    {
        // Slow headers, or headers at once and then a trickling body: the timeout covers the whole fetch.
        await using var jwks = await JwksEndpoint.StartAsync(_keys.Jwks());
        if (slowBody)
        {
            jwks.BodyDelay = TimeSpan.FromSeconds(20);
        }
        else
        {
            jwks.Delay = TimeSpan.FromSeconds(20);
        }

        using var factory = new ServerFactory(Settings(jwks.Url, timeoutSeconds: 1));
        var client = await factory.ReadyClientAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (status, text) = await Call(client, _keys.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("issuer keys unavailable", text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"the call took {clock.Elapsed}");
    }

    [Fact]
    public async Task KeyRemovedFromTheJwks_IsRefusedOnceTheCacheIsOld()
    {
        // A compromised key the EHR drops from its JWKS must stop working even if tokens keep naming it.
        await using var jwks = await JwksEndpoint.StartAsync(_keys.Jwks());
        using var factory = new ServerFactory(Settings(jwks.Url, refreshMinutes: 0, maxAgeMinutes: 0));
        var client = await factory.ReadyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await Call(client, _keys.Token())).Status);

        jwks.Jwks = _keys.JwksWithoutTheFirstKey();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(client, _keys.Token())).Status);
        Assert.Equal(HttpStatusCode.OK, (await Call(client, _keys.Token(nextKey: true))).Status);
    }

    [Fact]
    public async Task NotAJwks_RefusesTheToken()
    {
        await using var jwks = await JwksEndpoint.StartAsync("<html>not keys</html>");
        using var factory = new ServerFactory(Settings(jwks.Url));
        var client = await factory.ReadyClientAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Call(client, _keys.Token())).Status);
    }

    [Fact]
    public async Task PlainHttpToAnotherHost_IsNeverFetched()
    {
        using var factory = new ServerFactory(Settings(new Uri("http://jwks.example.org/.well-known/jwks.json")));
        var client = await factory.ReadyClientAsync();

        var (status, text) = await Call(client, _keys.Token());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("issuer keys unavailable", text, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyHttpsOrLoopbackHttp_IsAllowed()
    {
        Assert.True(Rules.Server.CdsHooks.JwksKeySource.IsAllowed("https://ehr.example.org/jwks", out _));
        Assert.True(Rules.Server.CdsHooks.JwksKeySource.IsAllowed("http://127.0.0.1:5000/jwks", out _));
        Assert.False(Rules.Server.CdsHooks.JwksKeySource.IsAllowed("http://ehr.example.org/jwks", out _));
        Assert.False(Rules.Server.CdsHooks.JwksKeySource.IsAllowed("file:///etc/passwd", out _));
        Assert.False(Rules.Server.CdsHooks.JwksKeySource.IsAllowed("not a url", out _));
    }
}
