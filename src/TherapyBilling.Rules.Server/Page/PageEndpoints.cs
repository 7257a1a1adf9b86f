namespace TherapyBilling.Rules.Server.Page;

/// <summary>Serves the page for people (<c>GET /</c>) and its CSS and JS, embedded in the server; no CDN, and a strict content security policy.</summary>
internal static class PageEndpoints
{
    private static readonly (string Route, string Resource, string ContentType)[] s_files =
    [
        ("/", "page/index.html", "text/html; charset=utf-8"),
        ("/page/app.css", "page/app.css", "text/css; charset=utf-8"),
        ("/page/app.js", "page/app.js", "text/javascript; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (route, resource, contentType) in s_files)
        {
            byte[] bytes = Read(resource);
            app.MapGet(route, (HttpContext context) =>
            {
                context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Bytes(bytes, contentType);
            }).ExcludeFromDescription();
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("The page resource " + resource + " is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
