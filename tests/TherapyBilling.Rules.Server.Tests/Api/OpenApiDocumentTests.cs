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
    }
}
