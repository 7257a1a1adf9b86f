using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TherapyBilling.Rules.Server.Tests.Support;

/// <summary>An EHR's JWKS endpoint on Kestrel at 127.0.0.1 (loopback only): serves what the test sets, counts the fetches.</summary>
public sealed class JwksEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _fetches;

    private JwksEndpoint(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Gets or sets the JWKS served.</summary>
    public string Jwks { get; set; } = "{\"keys\":[]}";

    /// <summary>Gets or sets the status answered (200 serves <see cref="Jwks"/>).</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    /// <summary>Gets or sets how long each answer waits.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Gets or sets how long the body waits after the headers and its first byte were sent (a slow body).</summary>
    public TimeSpan BodyDelay { get; set; }

    public int Fetches => Volatile.Read(ref _fetches);

    public static async Task<JwksEndpoint> StartAsync(string jwks)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new JwksEndpoint(app) { Jwks = jwks };
        app.MapGet("/.well-known/jwks.json", async (HttpContext context) =>
        {
            Interlocked.Increment(ref endpoint._fetches);
            if (endpoint.Delay > TimeSpan.Zero)
            {
                await Task.Delay(endpoint.Delay, context.RequestAborted);
            }

            context.Response.StatusCode = endpoint.Status;
            context.Response.ContentType = "application/json";
            string body = endpoint.Status == StatusCodes.Status200OK ? endpoint.Jwks : "{}";
            if (endpoint.BodyDelay > TimeSpan.Zero)
            {
                await context.Response.WriteAsync(body[..1], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(endpoint.BodyDelay, context.RequestAborted);
                body = body[1..];
            }

            await context.Response.WriteAsync(body, context.RequestAborted);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Url = new Uri(new Uri(address), "/.well-known/jwks.json");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
