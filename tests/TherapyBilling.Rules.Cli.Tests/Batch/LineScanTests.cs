using System.Text;
using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Batch;

/// <summary>
/// Issue 17: an NDJSON line within the limits is checked from its bytes without a document (<see cref="LineScan"/>).
/// The scan must decide exactly as the document did: the same malformed position, the same record-limit finding, and
/// the same bytes for the reader (the element's own text).
/// </summary>
public sealed class LineScanTests
{
    private static readonly RecordLimits s_small = new() { MaxSegments = 2, MaxBilledLines = 1 };

    public static TheoryData<string> Lines() =>
    [
        """{"id":"a","segments":[{"code":"97110","minutes":10}]}""",
        """  {"id":"a","segments":[{},{}]}  """ + "\r",
        """{"id":"a","segments":[{},{},{}]}""",
        """{"id":"a","lines":[{"code":"97110"},{"code":"97112"}]}""",
        """{"id":"a","segm\u0065nts":[1,2,3]}""",
        """{"id":"a","segments":[1,2],"segments":[1,2,3]}""",
        """{"id":"a","segments":[1,2,3],"segments":[]}""",
        """{"id":"a","lines":{"a":[1,2,3]},"segments":"x"}""",
        """{"id":"a","documentation":{"segments":[1,2,3,4],"lines":[1,2]}}""",
        """{"id":"a","segments":[[1,2,3],[4],{"lines":[1,2,3]}]}""",
        """{"id":"a","segments":[null,true,false,"s",1.5,[],{}]}""",
        """[{"segments":[1,2,3]}]""",
        "42",
        "\"text\"",
        """{"id":"a","segments":[1,2,3]""",
        """{"id":"a",}""",
        """{"id":"a"} {"id":"b"}""",
        """{"id":"\ud800"}""",
        """{"id":"ok","note":"\udc00x"}""",
        """{"\ud83d\ude00":1,"segments":[1,2,3]}""",
        """{"id":"a","segments":[1,2,3]} // comment""",
    ];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Scan_DecidesAsTheDocument(string line)
    {
        AssertSameAsDocument(Encoding.UTF8.GetBytes(line), s_small);
        AssertSameAsDocument(Encoding.UTF8.GetBytes(line), RecordLimits.Default);
    }

    [Fact]
    public void Scan_InvalidUtf8_SameColumnAsTheDocument()
    {
        byte[] line = [.. """{"id":"a","x":" """u8, 0xC3, 0x28, .. "\"}"u8];
        AssertSameAsDocument(line, RecordLimits.Default);
    }

    [Fact]
    public void Scan_DeepNesting_SameAsTheDocument()
    {
        string deep = "{\"a\":" + new string('[', 70) + new string(']', 70) + "}";
        AssertSameAsDocument(Encoding.UTF8.GetBytes(deep), RecordLimits.Default);
    }

    [Fact]
    public void Scan_TruncatedAndCorruptedCorpusLines_SameAsTheDocument()
    {
        // Every corpus and sample line, cut at many places and with bytes changed: the scan decides as the document.
        var random = new Random(1717);
        string[] files = [CliRunner.Corpus("bad-records.ndjson"), Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.ndjson")];
        int compared = 0;
        foreach (string file in files)
        {
            foreach (string text in File.ReadAllLines(file))
            {
                byte[] line = Encoding.UTF8.GetBytes(text);
                AssertSameAsDocument(line, s_small);
                for (int i = 0; i < 40 && line.Length > 0; i++)
                {
                    AssertSameAsDocument(line[..random.Next(line.Length)], s_small);
                    byte[] changed = [.. line];
                    changed[random.Next(changed.Length)] = (byte)"{}[]\",:0 a\\\u00ff"[random.Next(12)];
                    AssertSameAsDocument(changed, s_small);
                    compared += 2;
                }
            }
        }

        Assert.True(compared > 100);
    }

    /// <summary>The document's decision, as the CLI made it before the scan: the text check, the parse, the limits, the element's bytes.</summary>
    private static string ByDocument(byte[] line, RecordLimits limits)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !JsonText.IsValidText(ref reader))
                {
                    return "malformed at " + (reader.TokenStartIndex + 1);
                }
            }

            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 64 });
            var tooLarge = limits.Check(document.RootElement);
            return tooLarge is null
                ? "read " + Convert.ToBase64String(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(document.RootElement))
                : "too large " + tooLarge.Path + " " + tooLarge.Message;
        }
        catch (JsonException e)
        {
            return "malformed at " + ((e.BytePositionInLine ?? 0) + 1);
        }
    }

    private static string ByScan(byte[] line, RecordLimits limits)
    {
        using var parsed = EncounterSource.Parse(new InputRecord(0, 7, default, Utf8Line: line), limits);
        var record = parsed.Record;
        Assert.False(record.Unparsed);
        if (record.Malformed is { } at)
        {
            Assert.Equal(7, at.Line);
            return "malformed at " + at.Column;
        }

        var tooLarge = record.Scanned ? null : limits.Check(record.Element);
        return tooLarge is null ? "read " + Convert.ToBase64String(record.Utf8Json) : "too large " + tooLarge.Path + " " + tooLarge.Message;
    }

    private static void AssertSameAsDocument(byte[] line, RecordLimits limits) =>
        Assert.Equal(ByDocument(line, limits), ByScan(line, limits));
}
