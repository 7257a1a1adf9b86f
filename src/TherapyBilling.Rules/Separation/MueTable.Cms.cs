using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

public sealed partial class MueTable
{
    /// <summary>Reads the CMS practitioner MUE file from a path: the CSV, a folder holding it, or the zip as downloaded.</summary>
    /// <param name="path">A <c>.csv</c> file, a folder or a <c>.zip</c>.</param>
    /// <param name="version">The version to echo in reports; by default the first file name without extension.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A row is malformed, or no MUE row was found; the message names the file (and zip entry) and the line.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static MueTable LoadCms(string path, string? version = null)
    {
        Guard.NotNull(path);
        return LoadCms([path], version);
    }

    /// <summary>Reads the CMS practitioner MUE file from several paths (each a CSV, a folder or a zip) into one table.</summary>
    /// <param name="paths">The files, folders or zips.</param>
    /// <param name="version">The version to echo in reports; by default the first file name without extension.</param>
    /// <returns>The table.</returns>
    /// <remarks>
    /// <para>Folders and zips contribute their <c>.csv</c> entries; other entries (spreadsheets, PDFs, readmes) are
    /// ignored, and a CSV entry without MUE rows is skipped. Nothing with an MUE row is refused.</para>
    /// <para>Layout (CMS practitioner services MUE table, CSV): copyright and notice lines, a header with the columns
    /// <c>HCPCS/CPT Code</c>, <c>Practitioner Services MUE Values</c>, <c>MUE Adjudication Indicator</c> (text that
    /// starts with the digit 1, 2 or 3, such as <c>3 Date of Service Edit: Clinical</c>) and <c>MUE Rationale</c>, then
    /// one row per code. Columns are found by their header names when the header is there; optional columns whose
    /// header contains "Effective" or "End" / "Deletion" give dates (<c>YYYYMMDD</c> or <c>MM/DD/YYYY</c>). Codes that
    /// are not CPT/HCPCS-shaped for this library (Category III, PLA) are skipped.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty or holds <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A row is malformed, a code has two values for the same dates, or no MUE row was found.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static MueTable LoadCms(IEnumerable<string> paths, string? version = null)
    {
        Guard.NotNull(paths);
        string[] list = [.. paths];
        if (list.Length == 0 || Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentException("Give at least one path, and no null.", nameof(paths));
        }

        var reader = new CmsMueReader();
        CmsFiles.Read(list, ".csv", reader.ReadEntry);
        return reader.ToTable(version, string.Join(", ", list), list[0]);
    }

    /// <summary>Reads the CMS practitioner MUE CSV from text (see <see cref="LoadCms(IEnumerable{string}, string?)"/> for the layout).</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The file name, for messages and <see cref="Source"/>.</param>
    /// <param name="version">The version to echo in reports; by default <paramref name="sourceName"/> without extension.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="sourceName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A row is malformed, or there is none.</exception>
    public static MueTable LoadCms(TextReader reader, string sourceName, string? version = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(sourceName);
        var cms = new CmsMueReader();
        cms.ReadEntry(new CmsFiles.Entry(sourceName, Path.GetFileName(sourceName), FromArchive: false), reader);
        return cms.ToTable(version, sourceName, sourceName);
    }

    private sealed class CmsMueReader
    {
        private readonly Dictionary<CptCode, List<(MueLimit Limit, string Where)>> _limits = [];
        private readonly Dictionary<string, string> _rationales = new(StringComparer.Ordinal);
        private readonly List<string> _parts = [];

        public void ReadEntry(CmsFiles.Entry entry, TextReader reader)
        {
            int rows = ReadFile(reader, entry.DisplayName);
            if (rows == 0)
            {
                if (entry.FromArchive)
                {
                    return; // another CSV of the release, not the MUE table
                }

                throw new ReferenceDataException(entry.DisplayName, 0, "no MUE row found: this is not the CMS practitioner MUE file (expected CSV rows: HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication Indicator, MUE Rationale).");
            }

            _parts.Add(Path.GetFileNameWithoutExtension(entry.FileName));
        }

        public MueTable ToTable(string? version, string source, string firstName)
        {
            if (_parts.Count == 0)
            {
                throw new ReferenceDataException(firstName, 0, "no CMS practitioner MUE file found: expected a .csv such as MCR_MUE_PractitionerServices_Eff_01-01-2026.csv.");
            }

            return new MueTable(version ?? string.Join("+", _parts), source, [.. _parts], [.. _limits.Values.SelectMany(static l => l.Select(static x => x.Limit))]);
        }

        private int ReadFile(TextReader reader, string sourceName)
        {
            var columns = Columns.Default;
            int lineNumber = 0, rows = 0;
            var fields = new List<string>(8);
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                SplitCsv(line, fields);
                string first = (columns.Code < fields.Count ? fields[columns.Code] : fields[0]).Trim();
                if (!IsCodeShaped(first))
                {
                    if (rows == 0)
                    {
                        columns = Columns.FromHeader(fields) ?? columns; // preamble or header
                        continue;
                    }

                    throw new ReferenceDataException(sourceName, lineNumber, $"'{PtpEditTable.Excerpt(first)}' is not a five-character HCPCS/CPT code.");
                }

                if (fields.Count <= columns.Max)
                {
                    throw new ReferenceDataException(sourceName, lineNumber, $"expected at least {columns.Max + 1} comma-separated fields (HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication Indicator, MUE Rationale), found {fields.Count}: '{PtpEditTable.Excerpt(line)}'.");
                }

                rows++;
                string unitsText = fields[columns.Units].Trim();
                if (!int.TryParse(unitsText, NumberStyles.None, CultureInfo.InvariantCulture, out int units))
                {
                    throw new ReferenceDataException(sourceName, lineNumber, $"MUE value '{PtpEditTable.Excerpt(unitsText)}' is not a whole number of units.");
                }

                string maiText = fields[columns.Indicator].Trim();
                var indicator = maiText.Length > 0 && maiText[0] is '1' or '2' or '3' && (maiText.Length == 1 || !char.IsAsciiDigit(maiText[1]))
                    ? (MueAdjudicationIndicator)(maiText[0] - '0')
                    : throw new ReferenceDataException(sourceName, lineNumber, $"MUE adjudication indicator '{PtpEditTable.Excerpt(maiText)}' must start with 1, 2 or 3.");
                var effective = columns.Effective is int e ? ParseDate(fields[e], sourceName, lineNumber, "effective date") : null;
                var end = columns.End is int d ? ParseDate(fields[d], sourceName, lineNumber, "end date") : null;
                if (!CptCode.TryParse(first, out var code))
                {
                    continue; // Category III / PLA codes: valid in the file, never a therapy line
                }

                string rationale = Share(columns.Rationale is int r && r < fields.Count ? fields[r].Trim() : string.Empty);
                MueLimit limit;
                try
                {
                    limit = new MueLimit(code, units, indicator, rationale, effective, end);
                }
                catch (ArgumentException)
                {
                    throw new ReferenceDataException(sourceName, lineNumber, "the end date is not after the effective date.");
                }

                Add(limit, sourceName, lineNumber);
            }

            return rows;
        }

        private void Add(MueLimit limit, string sourceName, int lineNumber)
        {
            string where = string.Create(CultureInfo.InvariantCulture, $"{sourceName}:{lineNumber}");
            if (!_limits.TryGetValue(limit.Code, out var list))
            {
                _limits.Add(limit.Code, [(limit, where)]);
                return;
            }

            foreach (var (existing, at) in list)
            {
                if (existing == limit)
                {
                    return; // the same row in a second copy of the file
                }

                if (FirstOverlap([existing, limit]) is not null)
                {
                    throw new ReferenceDataException(sourceName, lineNumber, $"{limit.Code} already has MUE {existing.Units} (MAI {(int)existing.Indicator}) for the same dates ({at}); load one MUE file per quarter.");
                }
            }

            list.Add((limit, where));
        }

        private string Share(string text)
        {
            if (!_rationales.TryGetValue(text, out var shared))
            {
                _rationales.Add(text, text);
                shared = text;
            }

            return shared;
        }

        private static LocalDate? ParseDate(string text, string sourceName, int lineNumber, string field)
        {
            var t = text.AsSpan().Trim();
            if (t.IsEmpty || t is "*")
            {
                return null;
            }

            string[] formats = ["yyyyMMdd", "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"];
            return DateTime.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? LocalDate.FromDateTime(parsed)
                : throw new ReferenceDataException(sourceName, lineNumber, $"{field} '{PtpEditTable.Excerpt(t)}' is not a date (YYYYMMDD or MM/DD/YYYY).");
        }

        private static bool IsCodeShaped(string text) => text.Length == 5 && text.All(char.IsAsciiLetterOrDigit) && text.Any(char.IsAsciiDigit);

        /// <summary>Splits one CSV line (RFC 4180 quoting; a quote left open runs to the end of the line).</summary>
        private static void SplitCsv(string line, List<string> fields)
        {
            fields.Clear();
            var field = new System.Text.StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
        }
    }

    /// <summary>Which field holds what; found from the header when there is one.</summary>
    private sealed record Columns(int Code, int Units, int Indicator, int? Rationale, int? Effective, int? End)
    {
        public static Columns Default { get; } = new(0, 1, 2, 3, null, null);

        public int Max => Math.Max(Math.Max(Code, Units), Indicator);

        public static Columns? FromHeader(List<string> fields)
        {
            int? code = null, units = null, indicator = null, rationale = null, effective = null, end = null;
            for (int i = 0; i < fields.Count; i++)
            {
                string name = fields[i].Trim();
                if (name.Contains("Adjudication", StringComparison.OrdinalIgnoreCase) || name.Equals("MAI", StringComparison.OrdinalIgnoreCase))
                {
                    indicator ??= i;
                }
                else if (name.Contains("Rationale", StringComparison.OrdinalIgnoreCase))
                {
                    rationale ??= i;
                }
                else if (name.Contains("MUE Value", StringComparison.OrdinalIgnoreCase))
                {
                    units ??= i;
                }
                else if (name.Contains("HCPCS", StringComparison.OrdinalIgnoreCase) || name.Contains("CPT", StringComparison.OrdinalIgnoreCase))
                {
                    code ??= i;
                }
                else if (name.Contains("Effective", StringComparison.OrdinalIgnoreCase))
                {
                    effective ??= i;
                }
                else if (name.Contains("End", StringComparison.OrdinalIgnoreCase) || name.Contains("Deletion", StringComparison.OrdinalIgnoreCase))
                {
                    end ??= i;
                }
            }

            return code is int c && units is int u && indicator is int m ? new Columns(c, u, m, rationale, effective, end) : null;
        }
    }
}
