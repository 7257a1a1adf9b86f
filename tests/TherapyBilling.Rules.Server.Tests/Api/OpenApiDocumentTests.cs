using TherapyBilling.Rules.Server.Tests.Support;

namespace TherapyBilling.Rules.Server.Tests.Api;

/// <summary>The committed OpenAPI document (src/TherapyBilling.Rules.Server/openapi/v1.json) is what the server generates. UPDATE_SNAPSHOTS=1 rewrites it.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task CommittedDocument_EqualsTheGeneratedOne()
    {
        using var factory = new ServerFactory();
        var client = factory.CreateClient();
        string generated = (await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).ReplaceLineEndings("\n").TrimEnd() + "\n";
        string path = Path.Combine(RepoPaths.Root, "src", "TherapyBilling.Rules.Server", "openapi", "v1.json");

        string committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (committed != generated && Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, generated);
            return;
        }

        Assert.True(committed == generated, $"{path} is out of date: run the tests with UPDATE_SNAPSHOTS=1 and review the diff.");
        Assert.Contains("\"/v1/check\"", generated, StringComparison.Ordinal);
        Assert.Contains("\"/cds-services\"", generated, StringComparison.Ordinal);
        Assert.Contains("\"/v1/fhir/check\"", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyScheme_IsDeclared_AndAppliedToTheRulesRoutesOnly()
    {
        using var factory = new ServerFactory();
        var document = System.Text.Json.JsonDocument.Parse(await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var jwt = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("cdsHooksJwt");
        Assert.Equal(("http", "bearer"), (jwt.GetProperty("type").GetString(), jwt.GetProperty("scheme").GetString()));

        string? Security(string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).TryGetProperty("security", out var security)
                ? string.Join(",", security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)))
                : null;

        Assert.Equal("apiKey", Security("/v1/check", "post"));
        Assert.Equal("apiKey", Security("/v1/units", "post"));
        Assert.Equal("apiKey", Security("/v1/reference", "get"));
        Assert.Equal("apiKey", Security("/v1/fhir/check", "post"));
        Assert.Equal("cdsHooksJwt", Security("/cds-services/therapy-billing-discharge", "post"));
        Assert.Null(Security("/v1/diagnostics/{id}", "get"));
        Assert.Null(Security("/cds-services", "get"));
    }
}
