using System.Text.Json;
using System.Text.RegularExpressions;
using TherapyBilling.Rules.Cli.Tests.Support;
using TherapyBilling.Rules.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Issue 14: <c>check --format html</c>, one self-contained page; golden files, escaping, nothing fetched.</summary>
public sealed partial class HtmlReportWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-html-{Guid.NewGuid():N}");

    public HtmlReportWriterTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("findings.json")]
    [InlineData("bad-records.ndjson")]
    public void Check_CorpusFile_Html_MatchesGoldenFile(string file)
    {
        var run = CliRunner.Run("check", CliRunner.Corpus(file), "--format", "html");

        Assert.Equal(file.StartsWith("bad-", StringComparison.Ordinal) ? 2 : 1, run.ExitCode);
        Snapshot.Verify(CliRunner.Scrub(run.Stdout), file);
    }

    [Fact]
    public void Check_Html_DataBlock_HoldsEveryEncounterAsTheJsonFormatCountsThem()
    {
        var html = CliRunner.Run("check", CliRunner.Corpus("bad-records.ndjson"), "--format", "html").Stdout;
        var json = CliRunner.Run("check", CliRunner.Corpus("bad-records.ndjson"), "--format", "json").Stdout;

        var data = JsonDocument.Parse(Block(html, "tbr-data")).RootElement;
        var encounters = JsonDocument.Parse(json).RootElement.GetProperty("encounters");
        Assert.Equal(encounters.GetArrayLength(), data.GetArrayLength());
        for (int i = 0; i < data.GetArrayLength(); i++)
        {
            var expected = encounters[i];
            Assert.Equal(expected.GetProperty("status").GetString(), data[i].GetProperty("s").GetString());
            Assert.Equal(
                expected.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()),
                data[i].GetProperty("f").EnumerateArray().Select(f => f[0].GetString()));
        }

        // A record that is not an object is a row with its input finding and a name, never dropped.
        Assert.Contains(data.EnumerateArray(), e => e.GetProperty("id").GetString() == "(no id, line 3)" && e.GetProperty("s").GetString() == "fail"
            && !e.TryGetProperty("l", out _) && e.GetProperty("f")[0][0].GetString() == "TBR002");
    }

    [Fact]
    public void Check_Html_RecordOverTheByteLimit_IsARowWithTbr016()
    {
        const string Good = """{"id":"a","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]}]}""";
        string big = "{\"id\":\"big\",\"note\":\"" + new string('x', 5000) + "\"}";

        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "html", "--max-record-bytes", "1000"], Good + "\n" + big + "\n");

        Assert.Equal(2, run.ExitCode);
        var data = JsonDocument.Parse(Block(run.Stdout, "tbr-data")).RootElement;
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("(no id, line 2)", data[1].GetProperty("id").GetString());
        Assert.Equal(DiagnosticIds.RecordTooLarge, data[1].GetProperty("f")[0][0].GetString());
        Assert.DoesNotContain("xxxxxxxx", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_InternalErrorRecord_IsARowWithTbr015AndTheTypeOnly()
    {
        using var doc = JsonDocument.Parse("""{"id":"boom","dateOfService":"2026-01-05"}""");
        var result = Checker.CheckIsolated(new InputRecord(0, 1, doc.RootElement), ComplianceOptions.Default, Severity.Error, RecordLimits.Default, (_, _, _, _) => throw new OverflowException("patient Jane Doe 1961"));
        using var stream = new MemoryStream();
        var summary = new CheckSummary();
        summary.Add(result);
        using (var writer = new HtmlReportWriter(stream))
        {
            writer.Begin(new RunInfo("0.0.0", [], Severity.Error, "input.ndjson"));
            writer.Write(result);
            writer.End(summary);
        }

        string html = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var row = JsonDocument.Parse(Block(html, "tbr-data")).RootElement[0];
        Assert.Equal(("boom", "fail", DiagnosticIds.InternalError), (row.GetProperty("id").GetString(), row.GetProperty("s").GetString(), row.GetProperty("f")[0][0].GetString()));
        Assert.Contains("OverflowException", Text(html, row.GetProperty("f")[0][3]), StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", html, StringComparison.Ordinal);
        Assert.Contains("<b id=\"count-failed\">1</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Html_IsSelfContained()
    {
        var html = CliRunner.Run("check", CliRunner.Corpus("findings.json"), "--format", "html").Stdout;

        // Nothing to fetch: no src, href, link, import or url(); the only URL is the SVG namespace, which is a name.
        Assert.DoesNotMatch(SourceAttribute(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["http://www.w3.org/2000/svg"], Url().Matches(html).Select(m => m.Value).Distinct());
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileIds() => new()
    {
        "</script><img src=x onerror=alert(1)>",
        "</SCRIPT ><svg onload=alert(1)>",
        "<!--<script>",
        "a\"b'c&d`e${f}",
        "x\u2028y\u2029z",
        "]</script><script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public void Check_Html_HostileIdsAndCodes_NeverAppearRaw(string hostile)
    {
        string record = "{\"id\":" + JsonSerializer.Serialize(hostile) + ",\"dateOfService\":\"2026-01-05\",\"discipline\":\"OT\","
            + "\"segments\":[{\"code\":\"97535\",\"minutes\":23,\"modifiers\":[\"GO\"]},{\"code\":" + JsonSerializer.Serialize(hostile) + ",\"minutes\":10}],"
            + "\"lines\":[{\"code\":" + JsonSerializer.Serialize(hostile) + ",\"units\":1,\"modifiers\":[" + JsonSerializer.Serialize(hostile) + "]}]}";
        string path = Path.Combine(_dir, "report.html");

        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "html", "-o", path], record + "\n{\"id\":" + JsonSerializer.Serialize(hostile) + ",\"dateOfService\":\"bad\"}\n");

        Assert.InRange(run.ExitCode, 1, 2);
        string html = File.ReadAllText(path);
        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u2028', html);
        Assert.DoesNotContain('\u2029', html);

        // Exactly the page's own script blocks end: three data blocks and the script.
        Assert.Equal(4, ScriptEnd().Count(html));

        // The data still holds the id exactly (as text, the page sets it with textContent).
        var data = JsonDocument.Parse(Block(html, "tbr-data")).RootElement;
        Assert.Equal(Printable.Of(hostile), data[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Check_Html_SameBytesForParallel1And2_AndForStdoutAndFile()
    {
        string input = Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.ndjson");
        string path = Path.Combine(_dir, "out", "report.html");
        var one = CliRunner.Run("check", input, "--format", "html", "--parallel", "1");
        var two = CliRunner.Run("check", input, "--format", "html", "--parallel", "2", "--output", path);

        Assert.Equal(one.ExitCode, two.ExitCode);
        Assert.Equal(one.Stdout, File.ReadAllText(path));
    }

    [Fact]
    public void HtmlText_Escape_EscapesTheFiveCharacters() =>
        Assert.Equal("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;", HtmlText.Escape("<a href=\"x\" title='y'>&</a>"));

    /// <summary>A value of the data that may be a number into the string table (<c>tbr-strings</c>), as text.</summary>
    internal static string Text(string html, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? JsonDocument.Parse(Block(html, "tbr-strings")).RootElement[value.GetInt32()].GetString()! : value.GetString()!;

    /// <summary>The text of a <c>&lt;script type="application/json" id="…"&gt;</c> block.</summary>
    internal static string Block(string html, string id)
    {
        string start = "<script type=\"application/json\" id=\"" + id + "\">";
        int from = html.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return html[from..html.IndexOf("</script>", from, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"\s(src|href|action|formaction|srcset|poster)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SourceAttribute();

    [GeneratedRegex(@"(https?|ftp|file)://[^""'\s<>]*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex("</script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptEnd();
}
