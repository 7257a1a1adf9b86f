using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Exit codes, bad-input classes, input order, options of <c>check</c>.</summary>
public sealed class CheckCommandTests
{
    // Realistic OT visits (discipline and GO), so each fixture has exactly the findings its name says.
    private const string Good = """{"id":"g","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]}]}""";
    private const string InfoOnly = """{"id":"i","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]},{"code":"97530","minutes":5,"modifiers":["GO"]}]}""";
    private const string WarningOnly = """{"id":"w","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":5,"modifiers":["GO"]}]}""";
    private const string ErrorOne = """{"id":"e","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23}],"lines":[{"code":"97535","units":3,"modifiers":["GO"]}]}""";

    private static string Doc(params string[] encounters) => "{\"encounters\":[" + string.Join(",", encounters) + "]}";

    private static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    [Theory]
    [InlineData("error", Good, 0)]
    [InlineData("error", InfoOnly, 0)]
    [InlineData("error", WarningOnly, 0)]
    [InlineData("error", ErrorOne, 1)]
    [InlineData("warning", InfoOnly, 0)]
    [InlineData("warning", WarningOnly, 1)]
    [InlineData("warning", ErrorOne, 1)]
    [InlineData("info", Good, 0)]
    [InlineData("info", InfoOnly, 1)]
    [InlineData("never", ErrorOne, 0)]
    [InlineData("never", "{\"dateOfService\":\"2026-01-05\"}", 2)] // bad input: exit 2 and the record fails whatever the threshold
    [InlineData("error", "{\"dateOfService\":\"2026-01-05\"}", 2)]
    public void Check_FailOnThreshold_ExitCodeAndStatusFollowIt(string failOn, string encounter, int expected)
    {
        var run = CliRunner.Run(["check", "-", "--format", "json", "--fail-on", failOn], Doc(encounter));

        Assert.Equal(expected, run.ExitCode);
        // Under "never" the status is the verdict at error: an error never shows pass, though the exit code is 0.
        bool errorUnderNever = failOn == "never" && encounter == ErrorOne;
        Assert.Equal(expected == 0 && !errorUnderNever ? "pass" : "fail", Json(run).GetProperty("encounters")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Check_DefaultFailOn_IsError()
    {
        Assert.Equal(0, CliRunner.Run(["check", "-"], Doc(WarningOnly)).ExitCode);
        Assert.Equal(1, CliRunner.Run(["check", "-"], Doc(ErrorOne)).ExitCode);
    }

    [Fact]
    public void Check_EmptyEncounters_ExitsZeroWithZeroSummary()
    {
        var run = CliRunner.Run(["check", "-", "--format", "json"], "{\"encounters\":[]}");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0, Json(run).GetProperty("summary").GetProperty("encounters").GetInt32());
    }

    [Theory]
    [InlineData("{\"encounters\":[{\"id\":\"a\",}]}", 1, 26)]
    [InlineData("{\"encounters\":[\n  {\"id\": \"a\"\n  {\"id\": \"b\"}]}", 3, 3)]
    [InlineData("", 1, 1)]
    public void Check_MalformedJson_OneLineNamingLineAndColumn_ExitTwo(string input, int line, int column)
    {
        var run = CliRunner.Run(["check", "-", "--format", "json"], input);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains($"<stdin>:{line}:{column}: malformed JSON at line {line}, column {column}", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })] // not UTF-8
    [InlineData(new byte[] { 0xC3 })] // a truncated UTF-8 sequence
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })] // an unpaired surrogate escape
    public void Check_JsonDocumentWithInvalidText_OneLineNamingLineAndColumn_ExitTwo(byte[] bad)
    {
        byte[] input = [.. "{\"encounters\":[\n{\"id\":\"a"u8, .. bad, .. "\",\"dateOfService\":\"2026-01-05\",\"segments\":[]}]}"u8];
        using var stdin = new MemoryStream(input);
        using var stdout = new MemoryStream();

        var run = CliRunner.Run(["check", "-", "--format", "json"], stdin, stdout);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(0, stdout.Length);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("<stdin>:2:7: text that is not valid UTF-8", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NdjsonLineWithInvalidText_IsAMalformedRecordAndTheOthersAreChecked_ExitTwo()
    {
        byte[] input = [
            .. System.Text.Encoding.UTF8.GetBytes(Good + "\r\n"),
            .. "{\"id\":\"x"u8, 0xFF, .. "\",\"dateOfService\":\"2026-01-05\"}\n"u8,
            .. "{\"id\":\"\\udc00\",\"dateOfService\":\"2026-01-05\"}\n"u8,
            .. System.Text.Encoding.UTF8.GetBytes(Good.Replace("\"g\"", "\"g2\"", StringComparison.Ordinal)),
        ];
        using var stdin = new MemoryStream(input);
        using var stdout = new MemoryStream();

        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson"], stdin, stdout);

        Assert.Equal(2, run.ExitCode);
        var lines = System.Text.Encoding.UTF8.GetString(stdout.ToArray()).TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        var results = lines[..4].Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["g", null, null, "g2"], results.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["pass", "fail", "fail", "pass"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(DiagnosticIds.InputMalformedRecord, results[1].GetProperty("diagnostics")[0].GetProperty("id").GetString());
        Assert.Equal(DiagnosticIds.InputMalformedRecord, results[2].GetProperty("diagnostics")[0].GetProperty("id").GetString());
        Assert.Equal(["<stdin>:2:7: malformed JSON", "<stdin>:3:7: malformed JSON"], run.Stderr.TrimEnd('\n').Split('\n').Select(l => l["therapy-rules: ".Length..][..27]));
    }

    [Theory]
    [InlineData("junit")]
    [InlineData("text")]
    public void Check_IdWithControlCharacters_OutputStaysValidAndPrintable(string format)
    {
        // \u0001 cannot be written in XML; ESC would reach the terminal; a line break would split the stderr line.
        const string Id = "a\\u0001b\\u001b[31m\\nc";
        string input = Doc(
            Good.Replace("\"g\"", "\"" + Id + "\"", StringComparison.Ordinal),
            "{\"id\":\"" + Id + "\",\"dateOfService\":\"05/01/2026\"}");

        var run = CliRunner.Run(["check", "-", "--format", format], input);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("therapy-rules: <stdin>: encounters[1]: encounter a\uFFFDb\uFFFD[31m\uFFFDc: input error TBR005", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain('\u0001', run.Stdout);
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.Contains("a\uFFFDb\uFFFD[31m\uFFFDc", run.Stdout, StringComparison.Ordinal);
        if (format == "junit")
        {
            var xml = System.Xml.Linq.XDocument.Parse(run.Stdout);
            Assert.Equal(2, xml.Descendants("testcase").Count());
        }
    }

    [Fact]
    public void Check_IdWithControlCharacters_JsonKeepsTheIdExactly()
    {
        var run = CliRunner.Run(["check", "-", "--format", "json"], Doc(Good.Replace("\"g\"", "\"a\\u0001\\nb\"", StringComparison.Ordinal)));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("a\u0001\nb", Json(run).GetProperty("encounters")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Check_MalformedNdjsonLine_NamesTheFileLine_ExitTwo()
    {
        string input = Good + "\n\n" + Good.Replace("\"g\"", "\"g2\"", StringComparison.Ordinal) + "\n{\"id\": nope}\n" + Good;
        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson"], input);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("<stdin>:4:9: malformed JSON", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nope", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"items\":[]}", "no \"encounters\" array")]
    [InlineData("{\"encounters\":{}}", "no \"encounters\" array")]
    public void Check_DocumentWithoutEncountersArray_ExitTwo(string input, string expected)
    {
        var run = CliRunner.Run(["check", "-"], input);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "x.json", "--format", "xml")]
    [InlineData("check", "x.json", "--fail-on", "sometimes")]
    [InlineData("check", "x.json", "--input-format", "csv")]
    [InlineData("frobnicate")]
    [InlineData("units", "--method", "cms")]
    [InlineData("units", "97535")]
    [InlineData("units", "97535=-1")]
    [InlineData("units", "ABC=10")]
    public void Run_UsageError_ExitTwoWithoutStackTrace(params string[] args)
    {
        var run = CliRunner.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("therapy-rules: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_ExitTwo() => Assert.Equal(2, CliRunner.Run().ExitCode);

    [Fact]
    public void Run_Help_ExitZero()
    {
        var run = CliRunner.Run("check", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--fail-on", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingInputFile_ExitTwoNamingIt()
    {
        var run = CliRunner.Run("check", "no-such-file.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("therapy-rules: no-such-file.json: cannot read the input (file not found).\n", run.Stderr);
    }

    [Fact]
    public void Check_BadRecords_EveryEncounterReportedInInputOrder_OthersStillChecked()
    {
        var run = CliRunner.Run("check", CliRunner.Corpus("bad-records.json"), "--format", "json");
        var encounters = Json(run).GetProperty("encounters").EnumerateArray().ToList();

        Assert.Equal(2, run.ExitCode); // bad input: exit 2, every good record still checked
        Assert.Equal(9, run.Stderr.TrimEnd('\n').Split('\n').Length); // one line per bad record, naming where it is
        Assert.All(run.Stderr.TrimEnd('\n').Split('\n'), l => Assert.Contains("bad-records.json: encounters[", l, StringComparison.Ordinal));
        Assert.Equal(11, encounters.Count);
        Assert.Equal(
            ["good-1", null, null, null, "bad-date", "bad-method", "bad-segments", "bad-lines", "bad-types", "bad-extensions", "good-2"],
            encounters.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal("pass", encounters[0].GetProperty("status").GetString());
        Assert.Equal(2, encounters[0].GetProperty("totalUnits").GetInt32());
        Assert.Equal("pass", encounters[10].GetProperty("status").GetString());
        Assert.Equal(3, encounters[10].GetProperty("totalUnits").GetInt32());
        Assert.All(encounters.Skip(1).Take(9), e =>
        {
            Assert.Equal("fail", e.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, e.GetProperty("totalUnits").ValueKind);
            Assert.Contains(e.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString()!.StartsWith("TBR0", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Check_ManyEncounters_OutputKeepsInputOrder()
    {
        var ids = Enumerable.Range(0, 300).Select(i => ((i * 7919) % 1000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        string ndjson = string.Join("\n", ids.Select((id, i) => i % 10 == 3
            ? $"{{\"id\":\"{id}\",\"dateOfService\":\"bad\"}}"
            : $"{{\"id\":\"{id}\",\"dateOfService\":\"2026-01-05\",\"segments\":[{{\"code\":\"97535\",\"minutes\":{i % 60}}}]}}"));

        foreach (string format in new[] { "json", "ndjson" })
        {
            var fromNdjson = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", format], ndjson);
            var lines = format == "json"
                ? Json(fromNdjson).GetProperty("encounters").EnumerateArray().Select(e => e.GetProperty("id").GetString())
                : fromNdjson.Stdout.TrimEnd('\n').Split('\n').SkipLast(1).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
            Assert.Equal(ids, lines);
        }

        var fromJson = CliRunner.Run(["check", "-", "--format", "json"], "{\"encounters\":[" + ndjson.Replace("\n", ",", StringComparison.Ordinal) + "]}");
        Assert.Equal(ids, Json(fromJson).GetProperty("encounters").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public void Check_Json_SummaryCountsFindingsBySeverity()
    {
        var run = CliRunner.Run(["check", "-", "--format", "json"], Doc(Good, InfoOnly, WarningOnly, ErrorOne, "{}"));
        var summary = Json(run).GetProperty("summary");

        Assert.Equal(5, summary.GetProperty("encounters").GetInt32());
        Assert.Equal(3, summary.GetProperty("passed").GetInt32());
        Assert.Equal(2, summary.GetProperty("failed").GetInt32());
        Assert.Equal(3, summary.GetProperty("errors").GetInt32());   // TBR108 + 2 x TBR003 (id, dateOfService)
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32()); // TBR105
        Assert.Equal(1, summary.GetProperty("infos").GetInt32());    // TBR106
    }

    [Fact]
    public void Check_Json_LinesAreComputedLinesInFirstAppearanceOrderWithZeroUnitAndUntimedLines()
    {
        string encounter = """{"id":"x","dateOfService":"2026-01-05","segments":[{"code":"97530","minutes":5,"modifiers":["GP"]},{"code":"92521","minutes":40},{"code":"97535","minutes":20},{"code":"97530","minutes":4}]}""";
        var e = Json(CliRunner.Run(["check", "-", "--format", "json"], Doc(encounter))).GetProperty("encounters")[0];

        var lines = e.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("code").GetString(), l.GetProperty("minutes").GetInt32(), l.GetProperty("units").GetInt32())).ToList();
        Assert.Equal([("97530", 9, 1), ("92521", 40, 1), ("97535", 20, 1)], lines);
        Assert.Equal(29, e.GetProperty("timedMinutes").GetInt32());
        Assert.Equal(3, e.GetProperty("totalUnits").GetInt32());
        Assert.Equal("cms", e.GetProperty("method").GetString());
        Assert.Equal(["GP"], e.GetProperty("lines")[0].GetProperty("modifiers").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Check_OutputFile_WritesFileAndNothingOnStdout()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tbr-{Guid.NewGuid():N}.xml");
        try
        {
            var run = CliRunner.Run(["check", "-", "--format", "junit", "--output", path], Doc(Good, ErrorOne));
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            var xml = System.Xml.Linq.XDocument.Load(path);
            Assert.Equal(2, xml.Descendants("testcase").Count());
            Assert.Single(xml.Descendants("failure"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_OutputFileIsTheInputFile_ExitTwoAndInputKept()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"tbr-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "encounters.json");
        try
        {
            string input = Doc(Good);
            File.WriteAllText(path, input);
            string sameFileOtherSpelling = Path.Combine(dir, ".", "encounters.json");

            var run = CliRunner.Run(["check", path, "--format", "json", "--output", sameFileOtherSpelling], stdin: null);

            Assert.Equal(2, run.ExitCode);
            Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("--output names the input file", run.Stderr, StringComparison.Ordinal);
            Assert.Equal(input, File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Check_OutputFile_MalformedLineMidStream_EveryRecordWrittenAndExitTwo()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tbr-{Guid.NewGuid():N}.json");
        try
        {
            var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "json", "--output", path], Good + "\n{oops\n" + Good.Replace("\"g\"", "\"g3\"", StringComparison.Ordinal) + "\n");
            Assert.Equal(2, run.ExitCode);
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var encounters = document.RootElement.GetProperty("encounters").EnumerateArray().ToList();
            Assert.Equal(3, encounters.Count);
            Assert.Equal("fail", encounters[1].GetProperty("status").GetString());
            Assert.Equal(DiagnosticIds.InputMalformedRecord, encounters[1].GetProperty("diagnostics")[0].GetProperty("id").GetString());
            Assert.Equal("g3", encounters[2].GetProperty("id").GetString());
            Assert.Equal("pass", encounters[2].GetProperty("status").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_Catalog_ReplacesTheShippedCatalogAndIsNamedInRules()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tbr-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "# version: test-7\n97535\ttimed\ttrue\tSelf-care\ttest\n");
        try
        {
            var run = CliRunner.Run(["check", "-", "--format", "json", "--catalog", path], Doc(InfoOnly));
            var root = Json(run);
            Assert.Equal("test-7", root.GetProperty("rules").GetProperty("codeCatalog").GetProperty("version").GetString());
            Assert.Equal(path, root.GetProperty("rules").GetProperty("codeCatalog").GetProperty("source").GetString());
            Assert.Contains(root.GetProperty("encounters")[0].GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == DiagnosticIds.UnknownCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_BadCatalog_ExitTwoNamingFileAndLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tbr-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "# version: broken\n97535\ttimed\ttrue\tSelf-care\ttest\n97530\tsometimes\ttrue\tx\ty\n");
        try
        {
            var run = CliRunner.Run(["check", "-", "--catalog", path], Doc(Good));
            Assert.Equal(2, run.ExitCode);
            Assert.Equal(string.Empty, run.Stdout);
            Assert.StartsWith($"therapy-rules: {path}:3: ", run.Stderr, StringComparison.Ordinal);
            Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }

        var missing = CliRunner.Run(["check", "-", "--catalog", "no-such-catalog.tsv"], Doc(Good));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-catalog.tsv: cannot read the code catalog file (file not found)", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InputFormat_ByExtensionOrOption()
    {
        string path = Path.Combine(Path.GetTempPath(), $"tbr-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, Good + "\n" + ErrorOne + "\n");
        try
        {
            var run = CliRunner.Run("check", path, "--format", "json");
            Assert.Equal(2, Json(run).GetProperty("summary").GetProperty("encounters").GetInt32());
            var forced = CliRunner.Run("check", path, "--input-format", "json");
            Assert.Equal(2, forced.ExitCode); // two documents on two lines are not one JSON document
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_Text_ColourOnlyOnATerminalWithoutNoColor()
    {
        string doc = Doc(Good, ErrorOne);
        Assert.Contains("\u001b[", CliRunner.Run(["check", "-"], doc, outIsTerminal: true).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(["check", "-"], doc, outIsTerminal: true, noColor: true).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", CliRunner.Run(["check", "-"], doc, outIsTerminal: false).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Progress_OnlyWhenStderrIsATerminal()
    {
        string ndjson = string.Join("\n", Enumerable.Repeat(Good, 10_000));
        var terminal = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson"], ndjson, errorIsTerminal: true);
        var redirected = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson"], ndjson, errorIsTerminal: false);

        Assert.Contains("10000 encounters checked", terminal.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, redirected.Stderr);
        Assert.Equal(terminal.Stdout, redirected.Stdout);
    }
}
