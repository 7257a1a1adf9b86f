using System.Diagnostics.Metrics;
using System.Net;
using TherapyBilling.Rules.Server.Tests.Support;

namespace TherapyBilling.Rules.Server.Tests.Api;

public sealed class ReadinessAndMetricsTests
{
    [Fact]
    public async Task BadReferenceFile_ReadyzAndRulesRoutesAre503()
    {
        using var factory = ServerFactory.Anonymous(new() { ["Rules:PairTableFile"] = "/nonexistent/ccipra-v321r0-f1.txt" });
        var client = factory.CreateClient();
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        var check = await client.PostAsync(new Uri("/v1/check", UriKind.Relative), ServerFactory.Json(Samples.Clean));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, check.StatusCode);
        Assert.Contains("TBR089", await check.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_AreCountedByRouteAndStatus()
    {
        var seen = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "TherapyBilling.Rules.Server")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (seen)
            {
                seen.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();

        using var factory = ServerFactory.Anonymous();
        var client = await factory.ReadyClientAsync();
        await client.PostAsync(new Uri("/v1/check", UriKind.Relative), ServerFactory.Json(Samples.Split));

        lock (seen)
        {
            Assert.Contains(seen, m => m.Instrument == "therapy_rules.requests" && (string?)m.Tags["route"] == "/v1/check" && (int?)m.Tags["status"] == 200);
            Assert.Contains(seen, m => m.Instrument == "therapy_rules.encounters" && m.Value == 1);
        }
    }
}
