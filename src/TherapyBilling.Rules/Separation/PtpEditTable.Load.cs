using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

public sealed partial class PtpEditTable
{
    /// <summary>
    /// Reads a table in the library's tab-separated format: <c># version: …</c> and <c># source: …</c> header comments,
    /// then one row per edit: column 1, column 2, effective date (<c>YYYYMMDD</c>), deletion date (<c>YYYYMMDD</c> or
    /// <c>*</c>), modifier indicator (<c>0</c>, <c>1</c> or <c>9</c>), rationale, source with confidence.
    /// </summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The file name, used in error messages and as <see cref="Source"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ReferenceDataException">A row is malformed; the message names the line.</exception>
    public static PtpEditTable Load(TextReader reader, string sourceName)
    {
        Guard.NotNull(reader);
        Guard.NotNull(sourceName);
        var (version, lines) = Tsv.Read(reader, sourceName, 7, "column1, column2, effective, deletion, indicator, rationale, source", allowEmpty: true);
        var rows = new List<PtpEdit>(lines.Count);
        foreach (var (lineNumber, fields) in lines)
        {
            var column1 = ParseCode(fields[0], sourceName, lineNumber, "column 1");
            var column2 = ParseCode(fields[1], sourceName, lineNumber, "column 2");
            var effective = ParseDate(fields[2].AsSpan().Trim(), sourceName, lineNumber, "effective date");
            var deletion = ParseDeletion(fields[3].AsSpan().Trim(), sourceName, lineNumber);
            var indicator = ParseIndicator(fields[4].AsSpan().Trim(), sourceName, lineNumber);
            rows.Add(CreateRow(column1, column2, effective, deletion, indicator, fields[5].Trim(), fields[6].Trim(), sourceName, lineNumber));
        }

        var (packed, texts) = Pack(rows, nameof(reader));
        return new PtpEditTable(version, sourceName, packed, texts);
    }

    private static CptCode ParseCode(ReadOnlySpan<char> text, string sourceName, int lineNumber, string field)
    {
        var trimmed = text.Trim();
        return CptCode.TryParse(trimmed, out var code)
            ? code
            : throw new ReferenceDataException(sourceName, lineNumber, $"{field} '{Excerpt(trimmed)}' is not a CPT/HCPCS code.");
    }

    private static LocalDate ParseDate(ReadOnlySpan<char> text, string sourceName, int lineNumber, string field)
    {
        if (text.Length == 8 && int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            && int.TryParse(text[4..6], NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            && int.TryParse(text[6..], NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            && year is >= 1900 and <= 9999 && month is >= 1 and <= 12
            && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return new LocalDate(year, month, day);
        }

        throw new ReferenceDataException(sourceName, lineNumber, $"{field} '{Excerpt(text)}' is not a date in the form YYYYMMDD.");
    }

    private static LocalDate? ParseDeletion(ReadOnlySpan<char> text, string sourceName, int lineNumber) =>
        text is "*" ? null : ParseDate(text, sourceName, lineNumber, "deletion date");

    private static ModifierIndicator ParseIndicator(ReadOnlySpan<char> text, string sourceName, int lineNumber) => text switch
    {
        "0" => ModifierIndicator.NotAllowed,
        "1" => ModifierIndicator.Allowed,
        "9" => ModifierIndicator.NotApplicable,
        _ => throw new ReferenceDataException(sourceName, lineNumber, $"modifier indicator '{Excerpt(text)}' must be 0, 1 or 9."),
    };

    private static PtpEdit CreateRow(CptCode column1, CptCode column2, LocalDate effective, LocalDate? deletion, ModifierIndicator indicator, string rationale, string source, string sourceName, int lineNumber)
    {
        if (column1 == column2)
        {
            throw new ReferenceDataException(sourceName, lineNumber, $"column 1 and column 2 are the same code ({column1}).");
        }

        if (deletion is { } d && d < effective)
        {
            throw new ReferenceDataException(sourceName, lineNumber, "the deletion date is before the effective date.");
        }

        return new PtpEdit(column1, column2, effective, deletion, indicator, rationale, source);
    }
}
