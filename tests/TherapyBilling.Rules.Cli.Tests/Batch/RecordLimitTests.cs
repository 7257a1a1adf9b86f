using System.Text;
using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Batch;

/// <summary>Issue 12: a record over a limit is refused unread (TBR016); an NDJSON line over the byte limit is skipped while streaming, not buffered.</summary>
public sealed class RecordLimitTests
{
    private const string Good = """{"id":"ID","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]}]}""";

    private static string G(string id) => Good.Replace("ID", id, StringComparison.Ordinal);

    private static List<JsonElement> Records(CliRun run) =>
        [.. run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.TryGetProperty("status", out _))];

    private static string FirstId(JsonElement record) => record.GetProperty("diagnostics")[0].GetProperty("id").GetString()!;

    [Fact]
    public void Ndjson_LineOverTheByteLimit_Tbr016_OthersChecked_ExitTwo()
    {
        string big = "{\"id\":\"big\",\"note\":\"" + new string('x', 5000) + "\"}";
        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson", "--max-record-bytes", "1000"], G("a") + "\n" + big + "\n" + G("c") + "\n");

        Assert.Equal(2, run.ExitCode);
        var records = Records(run);
        Assert.Equal(3, records.Count);
        Assert.Equal("pass", records[0].GetProperty("status").GetString());
        Assert.Equal("fail", records[1].GetProperty("status").GetString());
        Assert.Equal(DiagnosticIds.RecordTooLarge, FirstId(records[1]));
        Assert.Equal("c", records[2].GetProperty("id").GetString());
        Assert.Contains(":2: input error TBR016", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_HugeLine_IsSkippedNotBuffered()
    {
        // 256 MiB on one line, produced lazily: with a 64 KiB limit the reader must allocate far less than the line.
        const long LineBytes = 256L << 20;
        using var input = new ConcatStream(Encoding.UTF8.GetBytes(G("a") + "\n{\"id\":\"big\",\"note\":\""), LineBytes, Encoding.UTF8.GetBytes("\"}\n" + G("c") + "\n"));
        using var output = new MemoryStream();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson", "--max-record-bytes", "65536"], input, output);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, run.ExitCode);
        Assert.True(allocated < 64L << 20, $"allocated {allocated:N0} bytes for a {LineBytes:N0}-byte line");
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"TBR016\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"id\":\"c\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_LineExactlyAtTheLimit_IsRead()
    {
        string line = G("a");
        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson", "--max-record-bytes", Encoding.UTF8.GetByteCount(line).ToString(System.Globalization.CultureInfo.InvariantCulture)], line + "\n");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Json_ElementOverTheByteLimit_Tbr016()
    {
        string big = "{\"id\":\"big\",\"note\":\"" + new string('x', 5000) + "\"}";
        var run = CliRunner.Run(["check", "-", "--format", "ndjson", "--max-record-bytes", "1000"], "{\"encounters\":[" + G("a") + "," + big + "," + G("c") + "]}");
        Assert.Equal(2, run.ExitCode);
        var records = Records(run);
        Assert.Equal(3, records.Count);
        Assert.Equal(DiagnosticIds.RecordTooLarge, FirstId(records[1]));
        Assert.Contains("encounters[1]", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-segments", "segments", "{\"code\":\"97110\",\"minutes\":1}", "lines")]
    [InlineData("--max-lines", "lines", "{\"code\":\"97110\",\"units\":1}", "segments")]
    public void TooManySegmentsOrLines_Tbr016NamingTheArray(string option, string array, string item, string other)
    {
        string record = "{\"id\":\"many\",\"dateOfService\":\"2026-01-05\",\"" + array + "\":[" + string.Join(',', Enumerable.Repeat(item, 4)) + "],\"" + other + "\":[]}";
        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson", option, "3"], record + "\n" + G("b") + "\n");
        Assert.Equal(2, run.ExitCode);
        var records = Records(run);
        var finding = records[0].GetProperty("diagnostics")[0];
        Assert.Equal(DiagnosticIds.RecordTooLarge, finding.GetProperty("id").GetString());
        Assert.Equal(array, finding.GetProperty("path").GetString());
        Assert.Equal("many", records[0].GetProperty("id").GetString());
        Assert.Equal("pass", records[1].GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("--max-record-bytes", "0")]
    [InlineData("--max-record-bytes", "2147483648")]
    [InlineData("--max-segments", "-1")]
    [InlineData("--max-lines", "abc")]
    public void Limits_OutOfRange_UsageErrorExitTwo(string option, string value)
    {
        var run = CliRunner.Run(["check", "-", option, value], "{\"encounters\":[]}");
        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
    }

    /// <summary>A head, then <c>count</c> bytes of 'x' made on the fly, then a tail.</summary>
    private sealed class ConcatStream(byte[] head, long count, byte[] tail) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int length)
        {
            int written = 0;
            while (written < length)
            {
                long at = _position;
                if (at < head.Length)
                {
                    buffer[offset + written++] = head[at];
                }
                else if (at < head.Length + count)
                {
                    int run = (int)Math.Min(length - written, head.Length + count - at);
                    buffer.AsSpan(offset + written, run).Fill((byte)'x');
                    written += run;
                    _position += run;
                    continue;
                }
                else if (at < head.Length + count + tail.Length)
                {
                    buffer[offset + written++] = tail[at - head.Length - count];
                }
                else
                {
                    break;
                }

                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
