using System.Text;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>NDJSON is streamed: results are written while the input is still being read.</summary>
/// <remarks>
/// No clock is involved: the input stream counts the lines it has handed out, and the output stream records that count
/// at its first write. The writers flush after a bounded amount of output (JSON 32 KB, text per encounter table), so
/// the first write comes after a bounded number of encounters whatever the machine's load. 2,000 lines keep the text
/// format (the slowest renderer) to a few seconds on a loaded 2-core CI machine.
/// </remarks>
public sealed class StreamingTests
{
    private const int Lines = 2_000;

    /// <summary>An input stream that generates NDJSON lines on demand and counts how many it has produced.</summary>
    private sealed class GeneratedInput : Stream
    {
        private byte[] _pending = [];
        private int _offset;

        public int Produced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (Produced == Lines)
                {
                    return 0;
                }

                Produced++;
                _pending = Encoding.UTF8.GetBytes($"{{\"id\":\"s{Produced}\",\"dateOfService\":\"2026-01-05\",\"discipline\":\"OT\",\"segments\":[{{\"code\":\"97535\",\"minutes\":{Produced % 90},\"modifiers\":[\"GO\"]}}]}}\n");
                _offset = 0;
            }

            int n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>An output stream that records how much input had been produced at its first write, and counts bytes.</summary>
    private sealed class WatchingOutput(GeneratedInput input) : Stream
    {
        public int ProducedAtFirstWrite { get; private set; } = -1;

        public long Bytes { get; private set; }

        public long NewLines { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Bytes;

        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (ProducedAtFirstWrite < 0 && count > 0)
            {
                ProducedAtFirstWrite = input.Produced;
            }

            Bytes += count;
            NewLines += buffer.AsSpan(offset, count).Count((byte)'\n');
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData("ndjson")]
    [InlineData("json")]
    [InlineData("text")]
    public void Check_NdjsonInput_WritesResultsBeforeTheInputIsFullyRead(string format)
    {
        var input = new GeneratedInput();
        var output = new WatchingOutput(input);

        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", format], input, output);

        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Lines, input.Produced);
        Assert.InRange(output.ProducedAtFirstWrite, 1, Lines / 4);
        if (format == "ndjson")
        {
            Assert.Equal(Lines + 1, output.NewLines);
        }
    }
}
