using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Parallel;

/// <summary>
/// Issue 17: under <c>--parallel</c> a result is rendered on the worker that checked it (<see cref="IResultRenderer"/>);
/// the bytes must be those a console or a JSON writer on the output stream produces (as the writers did before), for
/// every result of the corpora, in colour and not, at several widths, and the same on several threads at once.
/// </summary>
public sealed class ResultRendererTests
{
    public static TheoryData<string, bool, int> Inputs()
    {
        var data = new TheoryData<string, bool, int>();
        foreach (string file in new[] { "findings.json", "bad-records.ndjson", "clean.json" })
        {
            data.Add(file, false, 80);
            data.Add(file, true, 80);
            data.Add(file, true, 200);
            data.Add(file, false, 40);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Text_Render_SameBytesAsAConsoleOnTheOutputStream(string file, bool color, int width)
    {
        // The reference: the result written by a console on a UTF-8 StreamWriter over the output, as the writer did
        // before rendering moved to the workers (a console on a string could differ in encoding or width handling).
        using var renderer = new TextReportWriter(Stream.Null, color, width);
        foreach (var result in Results(file))
        {
            using var expected = new MemoryStream();
            using (var text = new StreamWriter(expected, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
            {
                renderer.WriteResult(TextReportWriter.CreateConsole(text, color, width), result);
            }

            Assert.Equal(expected.ToArray(), renderer.Render(result));
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Ndjson_Render_SameBytesAsAJsonWriterOnTheOutputStream(string file, bool color, int width)
    {
        _ = (color, width); // the JSON lines have neither
        using var renderer = new JsonReportWriter(Stream.Null, lines: true);
        foreach (var result in Results(file))
        {
            using var expected = new MemoryStream();
            using (var json = new System.Text.Json.Utf8JsonWriter(expected, new System.Text.Json.JsonWriterOptions { Indented = false, Encoder = SafeJsonEncoder.Instance }))
            {
                JsonReportWriter.WriteResult(json, result);
            }

            expected.WriteByte((byte)'\n');
            Assert.Equal(expected.ToArray(), renderer.Render(result));
        }
    }

    [Fact]
    public void IndentedJson_CannotRender()
    {
        using var writer = new JsonReportWriter(Stream.Null, lines: false);
        Assert.False(writer.CanRender);
    }

    [Fact]
    public void Text_RenderOnSeveralThreadsAtOnce_SameBytesAsWrite()
    {
        var results = Results("findings.json");
        using var expected = new MemoryStream();
        using (var writer = new TextReportWriter(expected, color: true, width: 100))
        {
            foreach (var result in results)
            {
                writer.Write(result);
            }
        }

        using var renderer = new TextReportWriter(Stream.Null, color: true, width: 100);
        var rendered = new byte[results.Count * 50][];
        System.Threading.Tasks.Parallel.For(0, rendered.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => rendered[i] = renderer.Render(results[i % results.Count]));

        var once = rendered.Take(results.Count).SelectMany(b => b).ToArray();
        Assert.Equal(expected.ToArray(), once);
        for (int i = 0; i < rendered.Length; i++)
        {
            Assert.Equal(rendered[i % results.Count], rendered[i]);
        }
    }

    private static List<CheckResult> Results(string file)
    {
        using var input = File.OpenRead(CliRunner.Corpus(file));
        var format = EncounterSource.Detect(null, file);
        return EncounterSource.Read(input, format, file)
            .Select(record => Checker.CheckIsolated(record, ComplianceOptions.Default, Severity.Error, RecordLimits.Default))
            .ToList();
    }
}
