using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TherapyBilling.Rules.Server.Tests.Support;

/// <summary>Hosts the server in process with the given settings (nothing from the machine's environment beyond appsettings).</summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ServerFactory(Dictionary<string, string?>? settings = null, string environment = "Production")
    {
        _settings = settings ?? [];
        Environment = environment;
    }

    public string Environment { get; }

    /// <summary>The key the keyed factories accept.</summary>
    public const string TestKey = "test-key-0123456789";

    public static ServerFactory Anonymous(Dictionary<string, string?>? more = null) =>
        new(Merge(new() { ["Auth:AllowAnonymous"] = "true" }, more));

    public static ServerFactory Keyed(Dictionary<string, string?>? more = null) =>
        new(Merge(new() { ["Auth:ApiKeyHashes:0"] = Http.ApiKeyFilter.Hash(TestKey) }, more));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates a client and waits until the reference data is loaded.</summary>
    public async Task<HttpClient> ReadyClientAsync(string? apiKey = null)
    {
        var client = CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        for (int i = 0; i < 2400; i++) // up to 60 s: reference data loads in the background
        {
            if ((await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode)
            {
                return client;
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException("the server did not become ready");
    }

    public static StringContent Json(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> a, Dictionary<string, string?>? b)
    {
        foreach (var (k, v) in b ?? [])
        {
            a[k] = v;
        }

        return a;
    }
}
