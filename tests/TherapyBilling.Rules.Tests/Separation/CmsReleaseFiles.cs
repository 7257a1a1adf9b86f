using System.IO.Compression;
using System.Text;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>Synthetic files in the exact layouts CMS publishes: PTP parts f1…f4 (each with its copyright preamble and header) and the practitioner MUE CSV.</summary>
internal static class CmsReleaseFiles
{
    /// <summary>The preamble and header every practitioner PTP part starts with (rules reference §4.1).</summary>
    public const string PtpPreamble =
        "CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved.\n" +
        "Applicable FARS\\DFARS Restrictions Apply to Government Use.\n" +
        "\n" +
        "Column1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n" +
        "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n" +
        "\t\t\t\t*=no data\t1=allowed\t\n" +
        "\t\t\t\t\t9=not applicable\t\n";

    /// <summary>The practitioner MUE CSV's preamble and header.</summary>
    public const string MuePreamble =
        "\"CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved.\"\n" +
        "\"Applicable FARS/DFARS Restrictions Apply to Government Use.\"\n" +
        "\n" +
        "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n";

    /// <summary>The four parts of a release: rows split by column-1 code range, the 97140/97530 pair repeated across f3 and f4.</summary>
    public static readonly string[] Parts =
    [
        "0001A\t0591T\t\t20210101\t*\t1\tMisuse of column two code with column one code\n" +
        "10000\t10001\t\t20100101\t*\t0\tMutually exclusive procedures\n",
        "20000\t20001\t\t20100101\t*\t1\tStandards of medical / surgical practice\n" +
        "97012\t97140\t\t20000101\t*\t1\tMutually exclusive procedures\n",
        "97110\t97164\t\t20201001\t*\t1\tCPT Manual or CMS manual coding instructions\n" +
        "97140\t97530\t*\t19960101\t20000101\t0\tMutually exclusive procedures\n" +
        "97140\t97530\t\t20000101\t*\t1\tMutually exclusive procedures\n",
        "97140\t97530\t\t20000101\t*\t1\tMutually exclusive procedures\n" +
        "97150\t97110\t\t20201001\t*\t1\tMutually exclusive procedures\n" +
        "97161\t97140\t\t20201001\t*\t1\tStandards of medical / surgical practice\n" +
        "97530\t97116\t\t20201001\t*\t1\tStandards of medical / surgical practice\n" +
        "97530\t97535\t\t20260101\t*\t1\tStandards of medical / surgical practice\n",
    ];

    public const string MueRows =
        "0001U,1,3 Date of Service Edit: Clinical,Code Descriptor / CPT Instruction\n" +
        "97110,6,3 Date of Service Edit: Clinical,Clinical: Data\n" +
        "97164,1,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction\n" +
        "97535,4,1 Line Edit,Clinical: Data\n";

    public static string PartName(int index) => $"ccipra-v321r0-f{index + 1}.txt";

    /// <summary>Writes the four parts into a folder.</summary>
    public static string[] WriteParts(string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new string[Parts.Length];
        for (int i = 0; i < Parts.Length; i++)
        {
            paths[i] = Path.Combine(folder, PartName(i));
            File.WriteAllText(paths[i], PtpPreamble + Parts[i], Encoding.Latin1);
        }

        return paths;
    }

    /// <summary>Writes the release zip as downloaded: the four parts, plus a spreadsheet, a PDF and a readme.</summary>
    public static string WriteZip(string path, IEnumerable<(string Name, string Text)>? replace = null)
    {
        var overrides = (replace ?? []).ToDictionary(static r => r.Name, static r => r.Text);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        for (int i = 0; i < Parts.Length; i++)
        {
            Add(archive, PartName(i), overrides.GetValueOrDefault(PartName(i), PtpPreamble + Parts[i]));
        }

        AddBytes(archive, "ccipra-v321r0-f1.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x09]);
        AddBytes(archive, "PTP_Coding_Policy.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n\t97140\t97530\n"));
        Add(archive, "README.txt", "This release contains the practitioner PTP edits in four parts.\nSee the CMS website.\n");
        return path;
    }

    public static void Add(ZipArchive archive, string name, string text) => AddBytes(archive, name, Encoding.Latin1.GetBytes(text));

    public static void AddBytes(ZipArchive archive, string name, byte[] bytes)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(bytes);
    }
}
