namespace TherapyBilling.Rules;

public sealed partial class PtpEditTable
{
    /// <summary>Reads an official CMS practitioner PTP file (tab-delimited text) from a path.</summary>
    /// <param name="path">The file, such as <c>ccipra-v321r0-f1.txt</c>.</param>
    /// <param name="keepOnlyCodes">When given, only rows whose column 1 or column 2 is in this set are kept.</param>
    /// <param name="version">The version to echo in reports; by default the file name without extension.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A data row is malformed; the message names the line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PtpEditTable LoadCms(string path, IEnumerable<CptCode>? keepOnlyCodes = null, string? version = null)
    {
        Guard.NotNull(path);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16), System.Text.Encoding.Latin1, detectEncodingFromByteOrderMarks: true);
        string name = Path.GetFileName(path);
        return LoadCms(reader, name, keepOnlyCodes, version ?? Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>
    /// Reads an official CMS practitioner PTP file (tab-delimited text), streaming, keeping only what is asked for.
    /// </summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The file name, used in error messages and as <see cref="Source"/>.</param>
    /// <param name="keepOnlyCodes">When given, only rows whose column 1 or column 2 is in this set are kept.</param>
    /// <param name="version">The version to echo in reports; by default <paramref name="sourceName"/>.</param>
    /// <returns>The table.</returns>
    /// <remarks>
    /// <para>Layout (rules reference §4.1): a preamble (copyright lines, a header that can span several lines), then
    /// one row per edit with the columns Column 1, Column 2, <c>*</c> (in existence before 1996, or empty), Effective
    /// Date (<c>YYYYMMDD</c>), Deletion Date (<c>YYYYMMDD</c>, or <c>*</c> for none), Modifier (<c>0</c>, <c>1</c> or
    /// <c>9</c>), PTP Edit Rationale.</para>
    /// <para>Every line before the first data row (a line whose first field is a five-character code and that has a
    /// tab) is preamble and skipped. From the first data row on, every non-blank line must be a well-formed row;
    /// otherwise a <see cref="ReferenceDataException"/> names the 1-based line. Rows whose codes are five letters and
    /// digits but not in <see cref="CptCode"/>'s form (Category III codes such as <c>0591T</c>, PLA codes such as
    /// <c>0001U</c>) cannot match a therapy line and are skipped.</para>
    /// <para>Memory is proportional to the rows kept: lines are parsed as spans of a reused buffer (no string per line),
    /// codes are shared instances and rationales are shared per distinct text.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="sourceName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A data row is malformed.</exception>
    public static PtpEditTable LoadCms(TextReader reader, string sourceName, IEnumerable<CptCode>? keepOnlyCodes = null, string? version = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(sourceName);
        var rows = new List<PtpEdit>();
        var rationales = new SpanStringPool();
        HashSet<CptCode>? keep = keepOnlyCodes is null ? null : [.. keepOnlyCodes];
        bool inData = false;
        int lineNumber = 0;
        Span<Range> fields = stackalloc Range[9];
        var lines = new SpanLineReader(reader);
        string previousColumn1 = string.Empty;
        CptCode previousCode = default;
        while (lines.TryReadLine(out var text))
        {
            lineNumber++;
            if (text.IsWhiteSpace())
            {
                continue;
            }

            int count = text.Split(fields, '\t');
            if (!inData)
            {
                if (count < 2 || !IsCodeShaped(text[fields[0]].Trim()))
                {
                    continue;
                }

                inData = true;
            }

            if (count < 7)
            {
                throw new ReferenceDataException(sourceName, lineNumber, $"expected 7 tab-separated fields (Column 1, Column 2, *, Effective Date, Deletion Date, Modifier, PTP Edit Rationale), found {count}.");
            }

            if (count > 7 && !text[fields[7].Start..].IsWhiteSpace())
            {
                throw new ReferenceDataException(sourceName, lineNumber, "more than 7 tab-separated fields.");
            }

            var first = text[fields[0]].Trim();
            var second = text[fields[1]].Trim();
            if (!IsCodeShaped(first) || !IsCodeShaped(second))
            {
                throw new ReferenceDataException(sourceName, lineNumber, $"'{first.ToString()}' / '{second.ToString()}' is not a pair of five-character codes.");
            }

            var existed = text[fields[2]].Trim();
            if (!existed.IsEmpty && existed is not "*")
            {
                throw new ReferenceDataException(sourceName, lineNumber, $"the 'in existence prior to 1996' field must be '*' or empty, not '{existed.ToString()}'.");
            }

            var effective = ParseDate(text[fields[3]].Trim(), sourceName, lineNumber, "effective date");
            var deletion = ParseDeletion(text[fields[4]].Trim(), sourceName, lineNumber);
            var indicator = ParseIndicator(text[fields[5]].Trim(), sourceName, lineNumber);
            if (deletion is { } d && d < effective)
            {
                throw new ReferenceDataException(sourceName, lineNumber, "the deletion date is before the effective date.");
            }

            // CMS files are sorted by column 1, so the same column-1 code repeats on dozens of rows in a row.
            CptCode column1;
            if (first.SequenceEqual(previousColumn1))
            {
                column1 = previousCode;
            }
            else if (CptCode.TryParse(first, out column1))
            {
                previousColumn1 = column1.Value;
                previousCode = column1;
            }
            else
            {
                continue; // Category III / PLA codes: valid in the file, never a therapy line.
            }

            if (!CptCode.TryParse(second, out var column2))
            {
                continue;
            }

            if (column1 == column2)
            {
                throw new ReferenceDataException(sourceName, lineNumber, $"column 1 and column 2 are the same code ({column1}).");
            }

            if (keep is not null && !keep.Contains(column1) && !keep.Contains(column2))
            {
                continue;
            }

            var rationaleText = text[fields[6]].Trim();
            if (!rationales.TryGet(rationaleText, out var rationale))
            {
                rationale = rationales.GetOrAdd(rationaleText.ToString());
            }

            rows.Add(new PtpEdit(column1, column2, effective, deletion, indicator, rationale, sourceName));
        }

        return new PtpEditTable(version ?? sourceName, sourceName, [.. rows]);
    }

    /// <summary>
    /// Splits a reader into lines as <see cref="TextReader.ReadLine"/> does (<c>\n</c>, <c>\r</c> or <c>\r\n</c>; no
    /// empty line after a final line break) without allocating a string per line: each line is a span into a buffer
    /// that is valid until the next call.
    /// </summary>
    private sealed class SpanLineReader(TextReader reader)
    {
        private char[] _buffer = new char[1 << 16];
        private int _start;
        private int _end;
        private bool _endOfInput;
        private bool _skipLineFeed;

        public bool TryReadLine(out ReadOnlySpan<char> line)
        {
            while (true)
            {
                var pending = _buffer.AsSpan(_start, _end - _start);
                if (_skipLineFeed && !pending.IsEmpty)
                {
                    _skipLineFeed = false;
                    if (pending[0] == '\n')
                    {
                        _start++;
                        pending = pending[1..];
                    }
                }

                int at = pending.IndexOfAny('\r', '\n');
                if (at >= 0)
                {
                    line = pending[..at];
                    _start += at + 1;
                    if (pending[at] == '\r')
                    {
                        if (at + 1 < pending.Length)
                        {
                            _start += pending[at + 1] == '\n' ? 1 : 0;
                        }
                        else
                        {
                            _skipLineFeed = true;
                        }
                    }

                    return true;
                }

                if (_endOfInput)
                {
                    line = pending;
                    _start = _end;
                    return !pending.IsEmpty;
                }

                Fill();
            }
        }

        private void Fill()
        {
            int length = _end - _start;
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, length);
                _start = 0;
                _end = length;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
            }

            int read = reader.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfInput = true;
            }
            else
            {
                _end += read;
            }
        }
    }

    private static bool IsCodeShaped(ReadOnlySpan<char> text)
    {
        if (text.Length != 5)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
