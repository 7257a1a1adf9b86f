using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TherapyBilling.Rules.Server.Http;

/// <summary>
/// Request metrics (System.Diagnostics.Metrics, meter <c>TherapyBilling.Rules.Server</c>): requests by route and
/// status, their duration, and encounters checked. Tags hold routes and numbers only, never input.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "TherapyBilling.Rules.Server";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _encounters;
    private readonly Counter<long> _findings;

    public ServerMetrics(IMeterFactory factory)
    {
        _meter = factory.Create(MeterName);
        _requests = _meter.CreateCounter<long>("therapy_rules.requests", description: "Requests to the rules service, by route and status code.");
        _duration = _meter.CreateHistogram<double>("therapy_rules.request.duration", unit: "ms", description: "Time to answer a request.");
        _encounters = _meter.CreateCounter<long>("therapy_rules.encounters", description: "Encounters checked.");
        _findings = _meter.CreateCounter<long>("therapy_rules.findings", description: "Findings reported, by severity.");
    }

    public void Request(string route, int status, double milliseconds)
    {
        var tags = new TagList { { "route", route }, { "status", status } };
        _requests.Add(1, tags);
        _duration.Record(milliseconds, tags);
    }

    public void Checked(int encounters, IEnumerable<Api.ReportDto> reports)
    {
        _encounters.Add(encounters);
        foreach (var group in reports.SelectMany(r => r.Diagnostics).GroupBy(d => d.Severity, StringComparer.Ordinal))
        {
            _findings.Add(group.Count(), new KeyValuePair<string, object?>("severity", group.Key));
        }
    }

    public void Checked(int encounters, IEnumerable<Diagnostic> findings)
    {
        _encounters.Add(encounters);
        foreach (var group in findings.GroupBy(d => d.Severity))
        {
            _findings.Add(group.Count(), new KeyValuePair<string, object?>("severity", SeverityText.Of(group.Key)));
        }
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Middleware that counts every request by its route pattern (not its path, which can hold an id).</summary>
    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            string route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(none)";
            context.RequestServices.GetRequiredService<ServerMetrics>().Request(route, context.Response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
