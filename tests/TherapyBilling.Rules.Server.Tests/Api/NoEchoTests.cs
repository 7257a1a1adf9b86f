using TherapyBilling.Rules.Server.Tests.Support;

namespace TherapyBilling.Rules.Server.Tests.Api;

/// <summary>No response ever repeats patient data: every error class and a full report, with a marker in every free-text field.</summary>
public sealed class NoEchoTests
{
    public static TheoryData<string, string, string> Cases()
    {
        string m = Samples.Marker;
        return new()
        {
            { "/v1/check", "application/json", Samples.WithPhi },
            { "/v1/check", "application/json", "{\"encounters\":[" + Samples.WithPhi + "]}" },
            { "/v1/units", "application/json", Samples.WithPhi },
            { "/v1/check", "application/json", "{\"id\":\"e1\",\"note\":\"" + m + "\"," },
            { "/v1/check", "application/json", "{\"note\":" + m + "}" },
            { "/v1/check", "application/json", "{\"note\":\"" + m + "\",\"deep\":" + new string('[', 50) + new string(']', 50) + "}" },
            { "/v1/check", "application/json", "{\"note\":\"" + m + "\",\"pad\":\"" + new string('x', 30_000) + "\"}" },
            { "/v1/check", "text/plain", "{\"note\":\"" + m + "\"}" },
            { "/v1/check", "application/json", "{\"encounters\":[" + string.Join(',', Enumerable.Repeat(Samples.WithPhi, 4)) + "]}" },
            { "/v1/check", "application/json", "{\"encounters\":\"" + m + "\"}" },
            { "/v1/check", "application/json", "\"" + m + "\"" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Response_NeverContainsTheMarker(string route, string mediaType, string body)
    {
        using var factory = ServerFactory.Anonymous(new() { ["Rules:MaxBodyBytes"] = "20000", ["Rules:MaxEncounters"] = "3" });
        var client = await factory.ReadyClientAsync();

        var response = await client.PostAsync(new Uri(route, UriKind.Relative), ServerFactory.Json(body, mediaType));
        string text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(Samples.Marker, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDiagnosticId_IsNotEchoed()
    {
        using var factory = ServerFactory.Anonymous();
        var client = await factory.ReadyClientAsync();

        string text = await (await client.GetAsync(new Uri("/v1/diagnostics/" + Samples.Marker, UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.DoesNotContain(Samples.Marker, text, StringComparison.Ordinal);
    }
}
