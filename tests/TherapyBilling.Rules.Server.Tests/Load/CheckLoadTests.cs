using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TherapyBilling.Rules.Server.Tests.Support;
using Xunit.Abstractions;

namespace TherapyBilling.Rules.Server.Tests.Load;

/// <summary>
/// Bounded load test for <c>POST /v1/check</c> on the loopback interface only: a fixed number of requests at 1, 8 and
/// 64 concurrent clients, each level stopped by a time limit. Opt-in (THERAPY_RULES_LOAD=1), not in the default run.
/// Writes .ci/out/server-load.md.
/// </summary>
public sealed class CheckLoadTests(ITestOutputHelper output)
{
    private const int RequestsPerLevel = 3000;
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(90);

    [LoadFact]
    public async Task Check_AtOneEightAndSixtyFourClients()
    {
        await using var server = await KestrelServer.StartAsync(new() { ["Auth:ApiKeyHashes:0"] = Http.ApiKeyFilter.Hash(ServerFactory.TestKey) });
        Assert.True(System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(server.Address.Host)), "the load test runs on loopback only");
        var bodies = Encounters();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerFactory.TestKey);

        await Run(http, bodies, 4, 200); // warm-up (JIT, connection pool); not reported
        var report = new StringBuilder("| clients | requests | failed | seconds | requests/s | p50 ms | p99 ms | managed heap after (MB) |\n|---|---|---|---|---|---|---|---|\n");
        foreach (int clients in (int[])[1, 8, 64])
        {
            var (latencies, failed, elapsed) = await Run(http, bodies, clients, RequestsPerLevel);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            latencies.Sort();
            report.Append(CultureInfo.InvariantCulture, $"| {clients} | {latencies.Count + failed} | {failed} | {elapsed.TotalSeconds:F1} | {latencies.Count / elapsed.TotalSeconds:F0} | {Percentile(latencies, 0.50):F2} | {Percentile(latencies, 0.99):F2} | {GC.GetTotalMemory(false) / 1048576.0:F1} |\n");
            Assert.Equal(0, failed);
            Assert.Equal(RequestsPerLevel, latencies.Count);
        }

        output.WriteLine(report.ToString());
        Directory.CreateDirectory(RepoPaths.CiOut);
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.CiOut, "server-load.md"), report.ToString());
    }

    private static async Task<(List<double> Latencies, int Failed, TimeSpan Elapsed)> Run(HttpClient http, string[] bodies, int clients, int requests)
    {
        var latencies = new List<double>(requests);
        int next = -1, failed = 0;
        using var stop = new CancellationTokenSource(s_limit);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && !stop.IsCancellationRequested)
            {
                long start = Stopwatch.GetTimestamp();
                using var content = new StringContent(bodies[i % bodies.Length], Encoding.UTF8, "application/json");
                try
                {
                    using var response = await http.PostAsync(new Uri("/v1/check", UriKind.Relative), content, stop.Token);
                    await response.Content.ReadAsByteArrayAsync(stop.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                        continue;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    continue;
                }

                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }
        })));
        return (latencies, failed, clock.Elapsed);
    }

    /// <summary>The repository's sample encounters (full documentation and payer sections) and the split visit, one per request.</summary>
    private static string[] Encounters()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "data", "encounters.json")));
        return [.. document.RootElement.GetProperty("encounters").EnumerateArray().Select(e => e.GetRawText()), Samples.Split];
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Runs only when THERAPY_RULES_LOAD=1.</summary>
public sealed class LoadFactAttribute : FactAttribute
{
    public LoadFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("THERAPY_RULES_LOAD") != "1")
        {
            Skip = "Opt-in load test: set THERAPY_RULES_LOAD=1.";
        }
    }
}
