using System.Globalization;
using System.Text;

namespace TherapyBilling.Rules.Benchmarks;

/// <summary>
/// A full-size synthetic practitioner PTP file in the CMS layout (rules reference §4.1): the copyright preamble and
/// multi-line header, then about 1.25 million tab-separated rows sorted by column 1 and column 2.
/// </summary>
/// <remarks>
/// <para>Rows: Category III column-1 codes first (valid in the file, skipped by the loader), then every even numeric
/// code 10000–99998 with 27 column-2 codes each, then 200 HCPCS G codes; one pair in 50 has two rows (an old edit
/// deleted in 2015, then the current one); 1 row in 3 has the "in existence prior to 1996" star. The default table's
/// therapy edits are written at their sorted places, and no synthetic row pairs two therapy codes (97010–97799), so
/// pair checks of therapy encounters give the same findings with this table as with <see cref="PtpEditTable.Default"/>.</para>
/// <para>The file is written once into the temp folder and reused across benchmark processes and runs (its name
/// carries a format version); generation takes a few seconds and about 80 MB of disk.</para>
/// </remarks>
internal static class SyntheticCmsTable
{
    public const int NumericColumn2PerCode = 27;
    private const string FileName = "ccipra-synthetic-v1-f1.txt";

    private static readonly string[] s_rationales =
    [
        "Standards of medical / surgical practice",
        "Mutually exclusive procedures",
        "CPT Manual or CMS manual coding instructions",
        "Misuse of column two code with column one code",
        "HCPCS/CPT procedure code definition",
        "Designated as a component of the column one code",
        "More extensive procedure",
        "Sex specific procedures",
    ];

    private static readonly Lazy<string> s_path = new(Create);
    private static readonly Lazy<PtpEditTable> s_table = new(() => PtpEditTable.LoadCms(Path));

    /// <summary>Gets the path of the file, writing it on first use unless a previous run left it.</summary>
    public static string Path => s_path.Value;

    /// <summary>Gets the table loaded from the file (once per process).</summary>
    public static PtpEditTable Table => s_table.Value;

    private static string Create()
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "therapybilling-bench");
        string path = System.IO.Path.Combine(folder, FileName);
        if (File.Exists(path) && new FileInfo(path).Length > 0)
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        string temp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" })
        {
            Write(writer);
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>Writes the whole file.</summary>
    public static void Write(TextWriter writer)
    {
        writer.WriteLine("CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved.");
        writer.WriteLine("Applicable FARS\\DFARS Restrictions Apply to Government Use.");
        writer.WriteLine("Fee schedules, relative value units, conversion factors and/or related components are not assigned by the AMA.");
        writer.WriteLine();
        writer.WriteLine("Column1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale");
        writer.WriteLine("\t\tprior to 1996\tDate\tDate\t0=not allowed\t");
        writer.WriteLine("\t\t\t\t*=no data\t1=allowed\t");
        writer.WriteLine("\t\t\t\t\t9=not applicable\t");

        var therapy = PtpEditTable.Default.Edits.GroupBy(e => e.Column1.Value).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int row = 0;
        for (int c = 100; c < 600; c++)
        {
            string column1 = "0" + c.ToString("D3", CultureInfo.InvariantCulture) + "T";
            WriteSynthetic(writer, column1, 20000 + (c * 37), 4, ref row);
        }

        var column1Codes = new SortedSet<string>(StringComparer.Ordinal);
        for (int code = 10000; code < 100000; code += 2)
        {
            column1Codes.Add(code.ToString(CultureInfo.InvariantCulture));
        }

        column1Codes.UnionWith(therapy.Keys);
        foreach (string column1 in column1Codes)
        {
            if (therapy.TryGetValue(column1, out var edits))
            {
                WriteWithTherapyRows(writer, column1, edits, ref row);
            }
            else
            {
                WriteSynthetic(writer, column1, int.Parse(column1, CultureInfo.InvariantCulture), NumericColumn2PerCode, ref row);
            }
        }

        for (int g = 100; g < 300; g++)
        {
            WriteSynthetic(writer, "G0" + g.ToString("D3", CultureInfo.InvariantCulture), 30000 + (g * 101), NumericColumn2PerCode, ref row);
        }
    }

    /// <summary>The column-2 codes of a synthetic column-1 code: spread over 10000–99999, sorted, never a therapy pair.</summary>
    public static List<int> Column2Codes(string column1, int seed, int count)
    {
        bool therapyColumn1 = IsTherapy(column1);
        var codes = new SortedSet<int>();
        for (int j = 0; codes.Count < count; j++)
        {
            int code = 10000 + (int)(((long)seed * 7919 + (j * 3301L) + 17) % 90000);
            if (code.ToString(CultureInfo.InvariantCulture) != column1 && !(therapyColumn1 && IsTherapy(code)))
            {
                codes.Add(code);
            }
        }

        return [.. codes];
    }

    private static bool IsTherapy(string code) => code.Length == 5 && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && IsTherapy(n);

    private static bool IsTherapy(int code) => code is >= 97010 and <= 97799;

    private static void WriteSynthetic(TextWriter writer, string column1, int seed, int count, ref int row)
    {
        foreach (int column2 in Column2Codes(column1, seed, count))
        {
            WriteRows(writer, column1, column2.ToString(CultureInfo.InvariantCulture), ref row);
        }
    }

    private static void WriteWithTherapyRows(TextWriter writer, string column1, List<PtpEdit> edits, ref int row)
    {
        var byColumn2 = new SortedDictionary<string, List<PtpEdit>>(StringComparer.Ordinal);
        foreach (int column2 in Column2Codes(column1, int.Parse(column1, CultureInfo.InvariantCulture), NumericColumn2PerCode))
        {
            byColumn2[column2.ToString(CultureInfo.InvariantCulture)] = [];
        }

        foreach (var edit in edits)
        {
            if (!byColumn2.TryGetValue(edit.Column2.Value, out var list))
            {
                byColumn2[edit.Column2.Value] = list = [];
            }

            list.Add(edit);
        }

        foreach (var (column2, list) in byColumn2)
        {
            if (list.Count == 0)
            {
                WriteRows(writer, column1, column2, ref row);
                continue;
            }

            foreach (var edit in list)
            {
                writer.Write(column1);
                writer.Write('\t');
                writer.Write(column2);
                writer.Write("\t\t");
                writer.Write(Ymd(edit.EffectiveDate));
                writer.Write('\t');
                writer.Write(edit.DeletionDate is { } d ? Ymd(d) : "*");
                writer.Write('\t');
                writer.Write((int)edit.Indicator);
                writer.Write('\t');
                writer.WriteLine(edit.Rationale);
                row++;
            }
        }
    }

    private static void WriteRows(TextWriter writer, string column1, string column2, ref int row)
    {
        bool twoRows = row % 50 == 0;
        if (twoRows)
        {
            Row(writer, column1, column2, star: true, "19960101", "20150101", '0', row);
            row++;
        }

        Row(writer, column1, column2, star: row % 3 == 0, twoRows ? "20150101" : (row % 7 == 0 ? "20210401" : "20020101"), "*", row % 4 == 0 ? '0' : '1', row);
        row++;
    }

    private static void Row(TextWriter writer, string column1, string column2, bool star, string effective, string deletion, char indicator, int row)
    {
        writer.Write(column1);
        writer.Write('\t');
        writer.Write(column2);
        writer.Write(star ? "\t*\t" : "\t\t");
        writer.Write(effective);
        writer.Write('\t');
        writer.Write(deletion);
        writer.Write('\t');
        writer.Write(indicator);
        writer.Write('\t');
        writer.WriteLine(s_rationales[row % s_rationales.Length]);
    }

    private static string Ymd(NodaTime.LocalDate date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
