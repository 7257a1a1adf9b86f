using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>The small reader shared by every versioned tab-separated reference table (catalog, pair table, payer tables).</summary>
internal static class Tsv
{
    /// <summary>Opens an embedded resource of this assembly as text.</summary>
    public static StreamReader OpenEmbedded(string resourceName)
    {
        var stream = typeof(Tsv).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from the assembly.");
        return new StreamReader(stream);
    }

    public static (string Version, List<(int Line, string[] Fields)> Rows) Read(TextReader reader, string sourceName, int columns, string columnNames, bool allowEmpty = false, int optionalColumns = 0)
    {
        Guard.NotNull(reader);
        Guard.NotNull(sourceName);
        string version = "unversioned";
        var rows = new List<(int, string[])>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var comment = line.AsSpan(1).Trim();
                if (comment.StartsWith("version:", StringComparison.OrdinalIgnoreCase))
                {
                    version = comment["version:".Length..].Trim().ToString();
                }

                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != columns && fields.Length != columns + optionalColumns)
            {
                throw new ReferenceDataException(sourceName, lineNumber, $"expected {columns} tab-separated fields ({columnNames}), found {fields.Length}.");
            }

            rows.Add((lineNumber, fields));
        }

        if (rows.Count == 0 && !allowEmpty)
        {
            throw new ReferenceDataException(sourceName, lineNumber, "the table has no rows.");
        }

        return (version, rows);
    }

    public static int Year(string text, string sourceName, int line) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1900 and <= 9999
            ? year
            : throw new ReferenceDataException(sourceName, line, $"'{text}' is not a year.");

    public static decimal Amount(string text, string sourceName, int line) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount)
            ? amount
            : throw new ReferenceDataException(sourceName, line, $"'{text}' is not an amount (digits, optional '.' decimals).");
}
