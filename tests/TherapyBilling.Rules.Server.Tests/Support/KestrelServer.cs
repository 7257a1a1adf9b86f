using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TherapyBilling.Rules.Server.Tests.Support;

/// <summary>The server on Kestrel at 127.0.0.1 on a free port (a browser needs a real socket; the test server has none).</summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<KestrelServer> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        Rules.Server.ServerApp.Configure(builder);
        var app = builder.Build();
        Rules.Server.ServerApp.MapAll(app);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var server = new KestrelServer(app, new Uri(address));
        using var client = new HttpClient { BaseAddress = server.Address };
        // Reference data loads in the background: on a busy machine that can take seconds. A page test that starts before
        // /readyz answers 200 gets 503 from the rules routes, so wait for it (up to 60 s) and fail plainly if it never comes.
        bool ready = false;
        for (int i = 0; i < 2400 && !(ready = (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).IsSuccessStatusCode); i++)
        {
            await Task.Delay(25);
        }

        if (!ready)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("The test server did not become ready (/readyz) within 60 s.");
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
