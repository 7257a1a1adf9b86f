using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>Where a <see cref="PtpEditTable"/> comes from, which decides what its findings may assert.</summary>
public enum PairTableKind
{
    /// <summary>Built by the caller (<see cref="PtpEditTable.Create(string, string, IEnumerable{PtpEdit})"/>, <see cref="PtpEditTable.Empty"/>).</summary>
    Custom = 0,

    /// <summary>The subset that ships with the library (<see cref="PtpEditTable.Default"/>): some rows are [L], many real edits are missing.</summary>
    ShippedSubset = 1,

    /// <summary>Read from the CMS practitioner PTP release (one or more parts f1…f4).</summary>
    CmsRelease = 2,
}

public sealed partial class PtpEditTable
{
    /// <summary>Gets where the table comes from.</summary>
    public PairTableKind Kind => Origin.Kind;

    /// <summary>Gets the parts that were read (file or zip entry names), in reading order; empty unless <see cref="Kind"/> is <see cref="PairTableKind.CmsRelease"/>.</summary>
    public ImmutableArray<string> Parts => Origin.Parts;

    /// <summary>
    /// Gets whether the table holds every edit of its release, so that "no edit pairs these codes" may be asserted: a
    /// CMS release whose parts f1…fN were all read (at least f1 to f4), a CMS file without a part suffix, or a table
    /// created as complete. The shipped subset is never complete.
    /// </summary>
    public bool IsComplete => Origin.Complete;

    /// <summary>Gets the number of rows tagged [L] (single or dated secondary source; "verify in the current CMS file").</summary>
    public int LowConfidenceCount { get; }

    /// <summary>Gets the quarter of the latest effective date in a CMS release (such as <c>2026Q1</c>), or <see langword="null"/>.</summary>
    public string? EffectiveQuarter => Origin.EffectiveQuarter;

    /// <summary>
    /// Gets the table's provenance in one line: <c>shipped subset (version …, N rows, M [L])</c> or
    /// <c>CMS release (name, parts f1+f2+…, N rows, effective 2026Q1)</c>.
    /// </summary>
    public string Provenance => Origin.Kind switch
    {
        PairTableKind.ShippedSubset => string.Create(CultureInfo.InvariantCulture, $"shipped subset (version {Version}, {Count} rows, {LowConfidenceCount} [L])"),
        PairTableKind.CmsRelease => string.Create(CultureInfo.InvariantCulture, $"CMS release ({Version}, parts {(Parts.IsDefaultOrEmpty ? "-" : string.Join("+", Parts.Select(PartLabel)))}, {Count} rows, effective {EffectiveQuarter ?? "unknown"}{(IsComplete ? string.Empty : ", incomplete: not every part was loaded")})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"custom table ({Version}, {Count} rows)"),
    };

    private TableOrigin Origin { get; }

    internal static string ReleaseName(string partName)
    {
        int dash = partName.LastIndexOf("-f", StringComparison.OrdinalIgnoreCase);
        return dash > 0 && PartNumber(partName) is not null ? partName[..dash] : partName;
    }

    /// <summary>Gets the part number of a name such as <c>ccipra-v321r0-f2</c> (2), or <see langword="null"/>.</summary>
    internal static int? PartNumber(string partName)
    {
        int dash = partName.LastIndexOf("-f", StringComparison.OrdinalIgnoreCase);
        return dash > 0 && int.TryParse(partName.AsSpan(dash + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0 ? number : null;
    }

    /// <summary>Gets whether a set of part names is a whole release: no part suffix at all, or parts 1…N (N at least 4) with none missing.</summary>
    internal static bool IsWholeRelease(IReadOnlyCollection<string> partNames)
    {
        var numbers = partNames.Select(PartNumber).ToArray();
        if (numbers.All(static n => n is null))
        {
            return partNames.Count > 0;
        }

        if (numbers.Any(static n => n is null))
        {
            return false;
        }

        var distinct = numbers.Select(static n => n!.Value).Distinct().Order().ToArray();
        return distinct.Length >= 4 && distinct[0] == 1 && distinct[^1] == distinct.Length;
    }

    internal static string QuarterOf(NodaTime.LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}Q{((date.Month - 1) / 3) + 1}");

    private static string PartLabel(string part) => PartNumber(part) is int n ? string.Create(CultureInfo.InvariantCulture, $"f{n}") : part;

    private static int CountLowConfidence(PtpRow[] rows, PtpRowText[] texts)
    {
        int count = 0;
        foreach (var row in rows)
        {
            count += texts[row.Text].IsLowConfidence ? 1 : 0;
        }

        return count;
    }

    private static PtpRow[] WithoutRepeats(PtpRow[] sorted)
    {
        int kept = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (kept > 0 && sorted[kept - 1].SameWindow(sorted[i]))
            {
                continue;
            }

            sorted[kept++] = sorted[i];
        }

        return kept == sorted.Length ? sorted : sorted.AsSpan(0, kept).ToArray();
    }

    private sealed record TableOrigin(PairTableKind Kind, ImmutableArray<string> Parts, string? EffectiveQuarter, bool Complete);
}
