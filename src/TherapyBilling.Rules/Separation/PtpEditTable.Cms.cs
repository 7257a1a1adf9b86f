using NodaTime;

namespace TherapyBilling.Rules;

public sealed partial class PtpEditTable
{
    /// <summary>The longest excerpt of a file's text an error message quotes.</summary>
    internal const int ExcerptLength = 40;

    /// <summary>
    /// Reads a CMS practitioner PTP release from a path: one part (<c>ccipra-v321r0-f1.txt</c>), a folder holding the
    /// parts, or the release zip as downloaded.
    /// </summary>
    /// <param name="path">A text part, a folder or a <c>.zip</c>.</param>
    /// <param name="keepOnlyCodes">When given, only rows whose column 1 or column 2 is in this set are kept.</param>
    /// <param name="version">The version to echo in reports; by default the release name (the part name without <c>-fN</c>).</param>
    /// <returns>The table; <see cref="Parts"/> lists what was read.</returns>
    /// <remarks>See <see cref="LoadCms(IEnumerable{string}, IEnumerable{CptCode}?, string?)"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A data row is malformed, or nothing read holds an edit row; the message names the part, the zip entry and the line.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static PtpEditTable LoadCms(string path, IEnumerable<CptCode>? keepOnlyCodes = null, string? version = null)
    {
        Guard.NotNull(path);
        return LoadCms([path], keepOnlyCodes, version);
    }

    /// <summary>
    /// Reads a CMS practitioner PTP release given as several paths (each a text part, a folder or the release zip) and
    /// merges the parts into one table.
    /// </summary>
    /// <param name="paths">The parts, folders or zips, such as the four files <c>ccipra-v321r0-f1.txt</c> … <c>-f4.txt</c>.</param>
    /// <param name="keepOnlyCodes">When given, only rows whose column 1 or column 2 is in this set are kept.</param>
    /// <param name="version">The version to echo in reports; by default the release name (the part name without <c>-fN</c>).</param>
    /// <returns>The merged table; <see cref="Parts"/> lists the parts read, <see cref="IsComplete"/> says whether f1…fN were all there.</returns>
    /// <remarks>
    /// <para>A folder or zip contributes its <c>.txt</c> entries (zips inside a folder are opened too); spreadsheets,
    /// PDFs and other entries are ignored. A text entry without edit rows (a readme) is skipped unless its name is a
    /// part's (<c>…-fN.txt</c>); a part without edit rows, or a set of paths without any, is refused.</para>
    /// <para>Each part is read with its own preamble and header. A pair that appears in two parts with the same
    /// effective date, deletion date and indicator is kept once; rows with different windows are all kept, and the row
    /// in force on the date of service is chosen (<see cref="FindInForce"/>).</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty or holds <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A data row is malformed, or no edit row was found; the message names the part, the zip entry and the line.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static PtpEditTable LoadCms(IEnumerable<string> paths, IEnumerable<CptCode>? keepOnlyCodes = null, string? version = null)
    {
        Guard.NotNull(paths);
        string[] list = [.. paths];
        if (list.Length == 0 || Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentException("Give at least one path, and no null.", nameof(paths));
        }

        var reader = new CmsPtpReader(keepOnlyCodes);
        CmsFiles.Read(list, ".txt", reader.ReadEntry);
        return reader.ToTable(version, string.Join(", ", list), list[0]);
    }

    /// <summary>
    /// Reads one part of an official CMS practitioner PTP file (tab-delimited text), streaming, keeping only what is asked for.
    /// </summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The file name, used in error messages and as <see cref="Source"/>.</param>
    /// <param name="keepOnlyCodes">When given, only rows whose column 1 or column 2 is in this set are kept.</param>
    /// <param name="version">The version to echo in reports; by default the release name (<paramref name="sourceName"/> without extension and <c>-fN</c>).</param>
    /// <returns>The table.</returns>
    /// <remarks>
    /// <para>Layout (rules reference §4.1): a preamble (copyright lines, a header that can span several lines), then
    /// one row per edit with the columns Column 1, Column 2, <c>*</c> (in existence before 1996, or empty), Effective
    /// Date (<c>YYYYMMDD</c>), Deletion Date (<c>YYYYMMDD</c>, or <c>*</c> for none), Modifier (<c>0</c>, <c>1</c> or
    /// <c>9</c>), PTP Edit Rationale.</para>
    /// <para>Every line before the first data row (a line whose first field is a five-character code and that has a
    /// tab) is preamble and skipped. From the first data row on, every non-blank line must be a well-formed row, or
    /// the copyright line that starts the next part's preamble (parts concatenated into one file); otherwise a
    /// <see cref="ReferenceDataException"/> names the 1-based line and quotes at most a short excerpt. Rows whose codes
    /// are five letters and digits but not in <see cref="CptCode"/>'s form (Category III codes such as <c>0591T</c>,
    /// PLA codes such as <c>0001U</c>) cannot match a therapy line and are skipped. Text without any edit row (empty,
    /// binary, JSON) is refused.</para>
    /// <para>Memory is proportional to the rows kept, about 27 bytes per row: lines are parsed as spans of a reused
    /// buffer (no string per line), each row is kept packed (see <see cref="PtpEditTable"/>) and rationales are shared
    /// per distinct text.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="sourceName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A data row is malformed, or there is none.</exception>
    public static PtpEditTable LoadCms(TextReader reader, string sourceName, IEnumerable<CptCode>? keepOnlyCodes = null, string? version = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(sourceName);
        var cms = new CmsPtpReader(keepOnlyCodes);
        cms.ReadEntry(new CmsFiles.Entry(sourceName, Path.GetFileName(sourceName), FromArchive: false), reader);
        return cms.ToTable(version, sourceName, sourceName);
    }

    /// <summary>Accumulates the rows of one or more parts.</summary>
    private sealed class CmsPtpReader(IEnumerable<CptCode>? keepOnlyCodes)
    {
        private readonly HashSet<CptCode>? _keep = keepOnlyCodes is null ? null : [.. keepOnlyCodes];
        private readonly PtpRowsBuilder _rows = new();
        private readonly SpanStringPool _rationales = new();
        private readonly List<string> _parts = [];
        private readonly List<string> _skipped = [];
        private LocalDate? _latestEffective;
        private string _previousColumn1 = string.Empty;
        private CptCode _previousCode;

        public void ReadEntry(CmsFiles.Entry entry, TextReader reader)
        {
            string partName = Path.GetFileNameWithoutExtension(entry.FileName);
            int rows = ReadPart(reader, entry.DisplayName);
            if (rows == 0)
            {
                if (entry.FromArchive && PartNumber(partName) is null)
                {
                    _skipped.Add(entry.FileName); // a readme or notice inside the release
                    return;
                }

                throw new ReferenceDataException(entry.DisplayName, 0, "no PTP edit row found: this is not a part of a CMS practitioner PTP file (expected tab-separated rows: Column 1, Column 2, *, Effective Date, Deletion Date, Modifier, PTP Edit Rationale).");
            }

            _parts.Add(partName);
        }

        public PtpEditTable ToTable(string? version, string source, string firstName)
        {
            if (_parts.Count == 0)
            {
                string skipped = _skipped.Count == 0 ? string.Empty : $" (text entries without edit rows: {Excerpt(string.Join(", ", _skipped))})";
                throw new ReferenceDataException(firstName, 0, $"no CMS PTP part found: expected .txt parts such as ccipra-v321r0-f1.txt{skipped}.");
            }

            string release = string.Join("+", _parts.Select(ReleaseName).Distinct(StringComparer.OrdinalIgnoreCase));
            var origin = new TableOrigin(PairTableKind.CmsRelease, [.. _parts], _latestEffective is { } latest ? QuarterOf(latest) : null, IsWholeRelease(_parts));
            var (rows, texts) = _rows.Build();
            return new PtpEditTable(version ?? release, source, rows, texts, origin);
        }

        private int ReadPart(TextReader reader, string sourceName)
        {
            bool inData = false;
            int lineNumber = 0, rowCount = 0;
            Span<Range> fields = stackalloc Range[9];
            var lines = new SpanLineReader(reader);
            while (lines.TryReadLine(out var text))
            {
                lineNumber++;
                if (text.IsWhiteSpace())
                {
                    continue;
                }

                int count = text.Split(fields, '\t');
                bool codeFirst = count >= 2 && IsCodeShaped(text[fields[0]].Trim());
                if (!inData)
                {
                    if (!codeFirst)
                    {
                        continue;
                    }

                    inData = true;
                }
                else if (!codeFirst && text.Contains("copyright", StringComparison.OrdinalIgnoreCase))
                {
                    inData = false; // the next part's preamble (parts concatenated into one file)
                    continue;
                }

                if (count < 7)
                {
                    throw new ReferenceDataException(sourceName, lineNumber, $"expected 7 tab-separated fields (Column 1, Column 2, *, Effective Date, Deletion Date, Modifier, PTP Edit Rationale), found {count}: '{Excerpt(text)}'.");
                }

                if (count > 7 && !text[fields[7].Start..].IsWhiteSpace())
                {
                    throw new ReferenceDataException(sourceName, lineNumber, "more than 7 tab-separated fields.");
                }

                var first = text[fields[0]].Trim();
                var second = text[fields[1]].Trim();
                if (!IsCodeShaped(first) || !IsCodeShaped(second))
                {
                    throw new ReferenceDataException(sourceName, lineNumber, $"'{Excerpt(first)}' / '{Excerpt(second)}' is not a pair of five-character codes.");
                }

                var existed = text[fields[2]].Trim();
                if (!existed.IsEmpty && existed is not "*")
                {
                    throw new ReferenceDataException(sourceName, lineNumber, $"the 'in existence prior to 1996' field must be '*' or empty, not '{Excerpt(existed)}'.");
                }

                var effective = ParseDate(text[fields[3]].Trim(), sourceName, lineNumber, "effective date");
                var deletion = ParseDeletion(text[fields[4]].Trim(), sourceName, lineNumber);
                var indicator = ParseIndicator(text[fields[5]].Trim(), sourceName, lineNumber);
                if (deletion is { } d && d < effective)
                {
                    throw new ReferenceDataException(sourceName, lineNumber, "the deletion date is before the effective date.");
                }

                rowCount++;
                if (_latestEffective is not { } latest || effective > latest)
                {
                    _latestEffective = effective;
                }

                // CMS files are sorted by column 1, so the same column-1 code repeats on dozens of rows in a row.
                CptCode column1;
                if (first.SequenceEqual(_previousColumn1))
                {
                    column1 = _previousCode;
                }
                else if (CptCode.TryParse(first, out column1))
                {
                    _previousColumn1 = column1.Value;
                    _previousCode = column1;
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

                if (_keep is not null && !_keep.Contains(column1) && !_keep.Contains(column2))
                {
                    continue;
                }

                var rationaleText = text[fields[6]].Trim();
                if (!_rationales.TryGet(rationaleText, out var rationale))
                {
                    rationale = _rationales.GetOrAdd(rationaleText.ToString());
                }

                _rows.Add(CodeRanks.Of(column1), CodeRanks.Of(column2), DayNumbers.Of(effective), deletion is { } end ? DayNumbers.Of(end) : PtpRow.NoDeletion, indicator, rationale, sourceName);
            }

            return rowCount;
        }
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

    /// <summary>Quotes at most <see cref="ExcerptLength"/> characters of a file's text, control characters replaced, so an error never prints a huge field.</summary>
    internal static string Excerpt(ReadOnlySpan<char> text)
    {
        var cut = text.Length > ExcerptLength ? text[..ExcerptLength] : text;
        return string.Create(cut.Length + (text.Length > ExcerptLength ? 1 : 0), (cut.ToString(), text.Length > ExcerptLength), static (span, state) =>
        {
            for (int i = 0; i < state.Item1.Length; i++)
            {
                span[i] = char.IsControl(state.Item1[i]) ? ' ' : state.Item1[i];
            }

            if (state.Item2)
            {
                span[^1] = '\u2026';
            }
        });
    }
}
