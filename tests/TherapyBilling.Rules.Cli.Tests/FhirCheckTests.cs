using System.Diagnostics;
using System.Globalization;
using System.Text;
using TherapyBilling.Rules.Cli.Tests.Support;
using TherapyBilling.Rules.Tests.Support;
using Xunit.Abstractions;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary><c>--input-format fhir</c> and <c>--format fhir</c>: golden files over samples/data/fhir and a streaming run.</summary>
public sealed class FhirCheckTests(ITestOutputHelper output)
{
    private static string Sample(string name) => Path.Combine(CliRunner.RepoDir, "samples", "data", "fhir", name);

    public static TheoryData<string, string> Cases() => new()
    {
        { "bundle.json", "text" },
        { "bundle.json", "json" },
        { "bundle.json", "fhir" },
        { "export.ndjson", "text" },
        { "export.ndjson", "fhir" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FhirInput_MatchesGoldenFile(string file, string format)
    {
        var run = CliRunner.Run("check", Sample(file), "--input-format", "fhir", "--format", format);

        // The bundle has a visit with findings (exit 1); the export adds one that cannot be mapped (exit 2, one stderr line).
        bool unmappable = file.EndsWith(".ndjson", StringComparison.Ordinal);
        Assert.Equal(unmappable ? 2 : 1, run.ExitCode);
        string stderr = run.Stderr.Replace(Sample(string.Empty), "{fhir}/", StringComparison.Ordinal);
        Snapshot.Verify(CliRunner.Scrub(run.Stdout) + (unmappable ? "\n--- stderr ---\n" + stderr : string.Empty), $"{file}_{format}");
    }

    [Fact]
    public void JsonContractInput_FormatFhir_IsABundleOfOperationOutcomes()
    {
        var run = CliRunner.Run("check", Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.json"), "--format", "fhir");
        Assert.Equal(0, run.ExitCode); // the same exit code as --format json: the sample has no error-level finding since the merges
        Assert.StartsWith("{\"resourceType\":\"Bundle\",\"type\":\"collection\"", run.Stdout, StringComparison.Ordinal);
        Snapshot.Verify(CliRunner.Scrub(run.Stdout));
    }

    [Fact]
    public void NdjsonInput_FormatFhir_IsOneOperationOutcomePerLine()
    {
        var run = CliRunner.Run("check", Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.ndjson"), "--format", "fhir");
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(File.ReadAllLines(Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.ndjson")).Count(l => l.Length > 0), lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{\"resourceType\":\"OperationOutcome\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public void FailOnNever_AndOutputFile_WorkTheSame()
    {
        string path = Path.Combine(Path.GetTempPath(), "tbr-fhir-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var run = CliRunner.Run("check", Sample("bundle.json"), "--input-format", "fhir", "--fail-on", "never", "--format", "fhir", "--output", path);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("\"TBR108\"", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MalformedBundle_IsAnInputError()
    {
        var run = CliRunner.Run(["check", "-", "--input-format", "fhir"], "{\"resourceType\":\"Bundle\",\n\"type\":");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a FHIR R4 resource", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// A large FHIR NDJSON export streams: resources that are not relevant (here Observations) are parsed and dropped,
    /// so peak memory does not grow with them; only Encounter/Procedure/Claim are kept until the end of the file.
    /// </summary>
    [Fact]
    public void LargeNdjson_Streams_MemoryDoesNotGrowWithIrrelevantResources()
    {
        var small = Measure(encounters: 2_000, observations: 0);
        var large = Measure(encounters: 2_000, observations: 40_000);
        output.WriteLine($"2,000 encounters (8,000 resources, {small.Bytes / 1_048_576.0:F1} MB): peak managed heap {small.PeakMb:F0} MB, {small.Seconds:F1} s");
        output.WriteLine($"same + 40,000 Observations ({large.Bytes / 1_048_576.0:F1} MB): peak managed heap {large.PeakMb:F0} MB, {large.Seconds:F1} s");
        Assert.True(large.PeakMb < small.PeakMb + 40, $"peak grew from {small.PeakMb:F0} MB to {large.PeakMb:F0} MB with irrelevant resources");
        Assert.True(large.PeakMb < 400, $"peak {large.PeakMb:F0} MB");
    }

    private static (long Bytes, double PeakMb, double Seconds) Measure(int encounters, int observations)
    {
        string path = Path.Combine(Path.GetTempPath(), "tbr-fhir-stream-" + Guid.NewGuid().ToString("N") + ".ndjson");
        try
        {
            WriteExport(path, encounters, observations);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long peak = GC.GetTotalMemory(forceFullCollection: true);
            using var done = new ManualResetEventSlim();
            var sampler = new Thread(() =>
            {
                while (!done.Wait(5))
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false));
                }
            });
            sampler.Start();
            var clock = Stopwatch.StartNew();
            using (var input = File.OpenRead(path))
            {
                var run = CliRunner.Run(["check", "-", "--input-format", "fhir", "--format", "fhir", "--fail-on", "never"], input, Stream.Null);
                Assert.Equal(0, run.ExitCode);
            }

            done.Set();
            sampler.Join();
            return (new FileInfo(path).Length, peak / 1_048_576.0, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void WriteExport(string path, int encounters, int observations)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        const string Cpt = "http://www.ama-assn.org/go/cpt";
        for (int i = 0; i < observations; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $$$"""{"resourceType":"Observation","id":"o{{{i}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"subject":{"reference":"Patient/p1"},"valueQuantity":{"value":{{{60 + (i % 40)}}},"unit":"/min"}}"""));
        }

        for (int i = 0; i < encounters; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $$$"""{"resourceType":"Encounter","id":"e{{{i}}}","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"period":{"start":"2026-03-02T09:00:00-05:00"}}"""));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $$$"""{"resourceType":"Procedure","id":"e{{{i}}}-a","status":"completed","code":{"coding":[{"system":"{{{Cpt}}}","code":"97530"}]},"subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e{{{i}}}"},"performedPeriod":{"start":"2026-03-02T09:00:00-05:00","end":"2026-03-02T09:25:00-05:00"}}"""));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $$$"""{"resourceType":"Procedure","id":"e{{{i}}}-b","status":"completed","code":{"coding":[{"system":"{{{Cpt}}}","code":"97110"}]},"subject":{"reference":"Patient/p1"},"encounter":{"reference":"Encounter/e{{{i}}}"},"performedDateTime":"2026-03-02","extension":[{"url":"urn:therapybilling-rules:extension:minutes","valueInteger":15}]}"""));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $$$"""{"resourceType":"Claim","id":"c{{{i}}}","status":"active","use":"claim","item":[{"sequence":1,"productOrService":{"coding":[{"system":"{{{Cpt}}}","code":"97530"}]},"modifier":[{"coding":[{"code":"GP"}]}],"quantity":{"value":2},"encounter":[{"reference":"Encounter/e{{{i}}}"}]},{"sequence":2,"productOrService":{"coding":[{"system":"{{{Cpt}}}","code":"97110"}]},"modifier":[{"coding":[{"code":"GP"}]}],"quantity":{"value":1},"encounter":[{"reference":"Encounter/e{{{i}}}"}]}]}"""));
        }
    }
}
