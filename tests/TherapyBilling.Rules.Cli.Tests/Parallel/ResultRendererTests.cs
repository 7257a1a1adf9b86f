using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Parallel;

/// <summary>
/// Issue 17: under <c>--parallel</c> a result is rendered on the worker that checked it (<see cref="IResultRenderer"/>);
/// the bytes must be those the writer's own <c>Write</c> produces, for every result of the corpora, in colour and not,
/// at several widths.
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
    public void Text_Render_SameBytesAsWrite(string file, bool color, int width) =>
        AssertRenderMatchesWrite(file, stream => new TextReportWriter(stream, color, width));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Ndjson_Render_SameBytesAsWrite(string file, bool color, int width)
    {
        _ = (color, width); // the JSON lines have neither
        AssertRenderMatchesWrite(file, stream => new JsonReportWriter(stream, lines: true));
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

    private static void AssertRenderMatchesWrite(string file, Func<Stream, IReportWriter> create)
    {
        var results = Results(file);
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            using var written = new MemoryStream();
            using (var writer = create(written))
            {
                writer.Write(result);
            }

            using var viaRender = new MemoryStream();
            using (var writer = create(viaRender))
            {
                var renderer = (IResultRenderer)writer;
                Assert.True(renderer.CanRender);
                renderer.WriteRendered(result, renderer.Render(result));
            }

            Assert.Equal(written.ToArray(), viaRender.ToArray());
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
