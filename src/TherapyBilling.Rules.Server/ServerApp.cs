using Microsoft.AspNetCore.Http.HttpResults;
using TherapyBilling.Rules.Server.Api;
using TherapyBilling.Rules.Server.Configuration;
using TherapyBilling.Rules.Server.Http;
using TherapyBilling.Rules.Server.Reference;

namespace TherapyBilling.Rules.Server;

/// <summary>Builds the service: configuration, reference data, the routes and the pipeline.</summary>
public static class ServerApp
{
    /// <summary>Builds the application from the command line, appsettings and environment variables.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The application, ready to run.</returns>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        Configure(builder);
        var app = builder.Build();
        MapAll(app);
        return app;
    }

    /// <summary>Registers the services.</summary>
    /// <param name="builder">The builder.</param>
    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<RulesServerOptions>(builder.Configuration.GetSection(RulesServerOptions.Section));
        services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        services.Configure<CdsHooksOptions>(builder.Configuration.GetSection(CdsHooksOptions.Section));
        services.AddSingleton<ReferenceData>();
        services.AddHostedService<ReferenceDataLoader>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<CdsHooks.CdsTokenValidator>();
        services.AddSingleton<CdsHooks.JwksKeySource>();
        services.AddHttpClient("fhir", client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(CdsHooks.JwksKeySource.HttpClientName, (provider, client) =>
                client.Timeout = TimeSpan.FromSeconds(Math.Max(1, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CdsHooksOptions>>().Value.JwksTimeoutSeconds)))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddOperationTransformer(OpenApiBodies.Describe).AddOperationTransformer(OpenApiSecurity.ApplyToOperation).AddDocumentTransformer(OpenApiSecurity.DescribeSchemes).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TherapyBilling.Rules service";
            document.Info.Version = "v1";
            document.Info.Description = "Billing rules for timed therapy codes over HTTP: JSON API, CDS Hooks 2.0 and a page. Rules routes need an API key in the X-Api-Key header.";
            // The server URL depends on how the service is reached; leave it to the client.
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
            // Optional members (a card's suggestions, a fix's modifier) are left out rather than written as null.
            options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        // Kestrel's own limit stays above the service's, so the service answers 413 as a problem document itself.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = 64L << 20);
    }

    /// <summary>Maps the middleware and the routes.</summary>
    /// <param name="app">The application.</param>
    public static void MapAll(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // No stack trace and no input ever leaves the service: unhandled errors become a bare 500 problem.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(ServerMetrics.Middleware);

        app.MapGet("/healthz", () => TypedResults.Ok(new HealthDto("ok"))).WithTags("health").WithName("healthz").ExcludeFromDescription();
        app.MapGet("/readyz", Ready).WithTags("health").WithName("readyz").ExcludeFromDescription();
        app.MapOpenApi();
        RulesEndpoints.Map(app);
        CdsHooks.CdsHooksEndpoints.Map(app);
        Page.PageEndpoints.Map(app);
    }

    private static Results<Ok<HealthDto>, ProblemHttpResult> Ready(ReferenceData data) =>
        data.IsReady ? TypedResults.Ok(new HealthDto("ready")) : Problems.NotReady();
}

/// <summary>The body of <c>/healthz</c> and <c>/readyz</c>.</summary>
/// <param name="Status">ok or ready.</param>
public sealed record HealthDto(string Status);
