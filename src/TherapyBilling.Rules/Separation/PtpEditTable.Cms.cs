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
    public static PtpEditTable LoadCms(string path, IReadOnlySet<CptCode>? keepOnlyCodes = null, string? version = null)
    {
        Guard.NotNull(path);
        using var reader = new StreamReader(path, System.Text.Encoding.Latin1, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
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
    /// <para>Memory is proportional to the rows kept: lines are parsed as spans, codes are shared instances and
    /// rationales are shared per distinct text.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="sourceName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A data row is malformed.</exception>
    public static PtpEditTable LoadCms(TextReader reader, string sourceName, IReadOnlySet<CptCode>? keepOnlyCodes = null, string? version = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(sourceName);
        var rows = new List<PtpEdit>();
        var rationales = new Dictionary<string, string>(StringComparer.Ordinal);
        var rationaleLookup = rationales.GetAlternateLookup<ReadOnlySpan<char>>();
        bool inData = false;
        int lineNumber = 0;
        Span<Range> fields = stackalloc Range[9];
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan();
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

            if (!CptCode.TryParse(first, out var column1) || !CptCode.TryParse(second, out var column2))
            {
                continue; // Category III / PLA codes: valid in the file, never a therapy line.
            }

            if (column1 == column2)
            {
                throw new ReferenceDataException(sourceName, lineNumber, $"column 1 and column 2 are the same code ({column1}).");
            }

            if (keepOnlyCodes is not null && !keepOnlyCodes.Contains(column1) && !keepOnlyCodes.Contains(column2))
            {
                continue;
            }

            var rationaleText = text[fields[6]].Trim();
            if (!rationaleLookup.TryGetValue(rationaleText, out var rationale))
            {
                rationale = rationaleText.ToString();
                rationales.Add(rationale, rationale);
            }

            rows.Add(new PtpEdit(column1, column2, effective, deletion, indicator, rationale, sourceName));
        }

        return new PtpEditTable(version ?? sourceName, sourceName, [.. rows]);
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
