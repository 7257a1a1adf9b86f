using Microsoft.AspNetCore.Http.HttpResults;

namespace TherapyBilling.Rules.Server.Http;

/// <summary>
/// Errors as <c>application/problem+json</c> (RFC 9457) built from a diagnostic: <c>type</c> is the help page of the
/// TBR id, <c>title</c> its title, <c>detail</c> its message (which never repeats input text), plus <c>id</c> and,
/// where known, <c>line</c>/<c>column</c> or <c>path</c>.
/// </summary>
internal static class Problems
{
    /// <summary>The route of the help pages, used as the problem <c>type</c>.</summary>
    public const string HelpRoute = "/v1/diagnostics/";

    public static ProblemHttpResult From(Diagnostic diagnostic, int status, IDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = diagnostic.Id };
        if (diagnostic.Path.Length > 0)
        {
            extensions["path"] = diagnostic.Path;
        }

        foreach (string name in (string[])["line", "column", "limit"])
        {
            if (diagnostic.GetArgument(name) is { } value && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out long number))
            {
                extensions[name] = number;
            }
        }

        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                extensions[key] = value;
            }
        }

        return TypedResults.Problem(
            detail: diagnostic.Message,
            statusCode: status,
            title: diagnostic.Descriptor.Title,
            type: HelpRoute + diagnostic.Id,
            extensions: extensions);
    }

    public static ProblemHttpResult Unauthorized() =>
        From(DiagnosticDescriptors.RequestNotAuthenticated.Create(string.Empty, Arg("header", Configuration.AuthOptions.ApiKeyHeader)), StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult NotReady() =>
        From(DiagnosticDescriptors.ServiceNotReady.Create(string.Empty), StatusCodes.Status503ServiceUnavailable);

    public static DiagnosticArgument Arg(string name, object value) =>
        new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
}
