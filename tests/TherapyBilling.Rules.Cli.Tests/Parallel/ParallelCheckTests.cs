using System.Globalization;
using System.Text;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Parallel;

/// <summary>Issue 17: <c>check --parallel N</c> writes byte for byte what <c>--parallel 1</c> writes, in every format.</summary>
public sealed class ParallelCheckTests : IDisposable
{
    private static readonly string[] s_formats = ["text", "json", "ndjson", "junit", "html"];
    private static readonly string[] s_codes = ["97535", "97530", "97110", "97112", "97140", "97116", "97999", "9711O"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-par-{Guid.NewGuid():N}");

    public ParallelCheckTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The CLI corpus and the samples, each in every output format.</summary>
    public static TheoryData<string, string> CorpusAndFormats()
    {
        var data = new TheoryData<string, string>();
        string[] inputs =
        [
            CliRunner.Corpus("bad-records.json"), CliRunner.Corpus("bad-records.ndjson"), CliRunner.Corpus("clean.json"), CliRunner.Corpus("findings.json"),
            Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.json"), Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.ndjson"),
            Path.Combine(CliRunner.RepoDir, "samples", "data", "bad-input.ndjson"), Path.Combine(CliRunner.RepoDir, "samples", "data", "payer-sample.json"),
            Path.Combine(CliRunner.RepoDir, "samples", "data", "documentation-sample.json"),
        ];
        foreach (string input in inputs)
        {
            foreach (string format in s_formats)
            {
                data.Add(input, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusAndFormats))]
    public void Corpus_Parallel4_SameBytesAsParallel1(string input, string format) => AssertSameAtEveryN(input, format);

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("ndjson")]
    [InlineData("junit")]
    [InlineData("html")]
    public void GeneratedNdjson_Parallel4_SameBytesAsParallel1(string format)
    {
        string input = Path.Combine(_dir, "generated.ndjson");
        File.WriteAllText(input, Generated(3_000));
        AssertSameAtEveryN(input, format);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("ndjson")]
    public void GeneratedJsonDocument_Parallel4_SameBytesAsParallel1(string format)
    {
        // One JSON document: every record an element of the same document, which outlives the reader only as a copy.
        string input = Path.Combine(_dir, "generated.json");
        var records = Generated(2_000).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{') && l.EndsWith('}'));
        File.WriteAllText(input, "{\"encounters\":[" + string.Join(",\n", records) + "]}");
        AssertSameAtEveryN(input, format);
    }

    [Fact]
    public void GeneratedNdjson_Parallel4_ResultsInInputOrder()
    {
        // Byte identity with --parallel 1 implies order; this states it directly, so a lost order names itself.
        string input = Path.Combine(_dir, "ordered.ndjson");
        File.WriteAllText(input, Generated(3_000));
        var run = CliRunner.Run("check", input, "--format", "ndjson", "--fail-on", "never", "--parallel", "4");
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ids = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(e => e.GetProperty("id").GetString())
            .ToList();
        var expected = Enumerable.Range(0, 3_000).Where(i => i % 97 != 13).Select(i => "gen-" + i.ToString("D5", CultureInfo.InvariantCulture));
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("257")]
    public void Parallel_OutOfRange_UsageError(string n)
    {
        var run = CliRunner.Run("check", CliRunner.Corpus("clean.json"), "--parallel", n);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--parallel must be from 1 to 256", run.Stderr, StringComparison.Ordinal);
    }

    private static void AssertSameAtEveryN(string input, string format)
    {
        var one = CliRunner.Run("check", input, "--format", format, "--parallel", "1");
        foreach (string n in new[] { "2", "4" })
        {
            var many = CliRunner.Run("check", input, "--format", format, "--parallel", n);
            Assert.Equal(one.ExitCode, many.ExitCode);
            Assert.Equal(one.Stdout, many.Stdout);
            Assert.Equal(one.Stderr, many.Stderr);
        }
    }

    /// <summary>
    /// Records that differ from each other (id, codes, minutes, times, payer), with a malformed line, a record with a
    /// bad date and an unknown code now and then, so that any two records swapped change the output.
    /// </summary>
    private static string Generated(int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            string id = "gen-" + i.ToString("D5", CultureInfo.InvariantCulture);
            if (i % 97 == 13)
            {
                sb.Append("{\"id\":\"").Append(id).Append("\",\"segments\":[\n");
                continue;
            }

            string date = i % 89 == 7 ? "2026-02-30" : "2026-03-" + (1 + (i % 28)).ToString("D2", CultureInfo.InvariantCulture);
            int segments = 1 + (i % 4);
            sb.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{id}\",\"dateOfService\":\"{date}\",\"method\":\"{(i % 5 == 0 ? "ama" : "cms")}\",\"discipline\":\"{(i % 2 == 0 ? "OT" : "PT")}\"");
            if (i % 3 == 0)
            {
                sb.Append(",\"payer\":\"medicare\"");
            }

            sb.Append(",\"segments\":[");
            for (int s = 0; s < segments; s++)
            {
                string code = s_codes[(i + (s * 3)) % s_codes.Length];
                int minutes = 3 + ((i * 7) + (s * 11)) % 40;
                sb.Append(s == 0 ? "{" : ",{").Append(CultureInfo.InvariantCulture, $"\"code\":\"{code}\",\"minutes\":{minutes},\"modifiers\":[\"{(i % 2 == 0 ? "GO" : "GP")}\"]}}");
            }

            sb.Append("]}\n");
        }

        return sb.ToString();
    }
}
