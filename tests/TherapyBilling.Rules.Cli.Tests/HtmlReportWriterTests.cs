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

        // Bad records (malformed line, refused record) are rows with their input finding and a name, never dropped.
        Assert.Contains(data.EnumerateArray(), e => e.GetProperty("id").GetString()!.StartsWith("(no id, line ", StringComparison.Ordinal)
            && e.GetProperty("f").EnumerateArray().Any(f => f[0].GetString() == DiagnosticIds.InputMalformedRecord));
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

        // Exactly the page's own script blocks end: two data blocks and the script.
        Assert.Equal(3, ScriptEnd().Count(html));

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
