using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// A table of medically unlikely edits (MUE): per code, the most units on a line (MAI 1) or on a date of service
/// (MAI 2, MAI 3). Load the CMS practitioner MUE file with <see cref="LoadCms(string, string?)"/>.
/// </summary>
/// <remarks>
/// <para>No MUE values ship with the library: none were found in a citable source (rules reference §4.2), so without
/// a loaded table the MUE check is "not checked", never a pass.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed partial class MueTable
{
    private readonly FrozenDictionary<CptCode, MueLimit[]> _byCode;

    private MueTable(string version, string source, ImmutableArray<string> parts, MueLimit[] limits)
    {
        Version = version;
        Source = source;
        Parts = parts;
        _byCode = limits
            .GroupBy(static l => l.Code)
            .ToFrozenDictionary(static g => g.Key, static g => g.OrderBy(static l => l.EffectiveDate ?? LocalDate.MinIsoValue).ToArray());
        Limits = [.. limits.OrderBy(static l => l.Code).ThenBy(static l => l.EffectiveDate ?? LocalDate.MinIsoValue)];
    }

    /// <summary>Gets the table's version, echoed in reports (by default the file name without extension).</summary>
    public string Version { get; }

    /// <summary>Gets where the table came from.</summary>
    public string Source { get; }

    /// <summary>Gets the files or zip entries that were read.</summary>
    public ImmutableArray<string> Parts { get; }

    /// <summary>Gets every limit, ordered by code then effective date.</summary>
    public ImmutableArray<MueLimit> Limits { get; }

    /// <summary>Gets the number of limits.</summary>
    public int Count => Limits.Length;

    /// <summary>Gets the provenance in one line, such as <c>CMS practitioner MUE (MCR_MUE_PractitionerServices_Eff_01-01-2026, 14000 codes)</c>.</summary>
    public string Provenance => string.Create(CultureInfo.InvariantCulture, $"CMS practitioner MUE ({Version}, {Count} codes)");

    /// <summary>Creates a table from limits.</summary>
    /// <param name="version">The version to echo in reports.</param>
    /// <param name="source">Where the limits come from.</param>
    /// <param name="limits">The limits; a code may repeat only with disjoint effective windows.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A limit is <see langword="null"/>, or two limits of a code apply on the same date.</exception>
    public static MueTable Create(string version, string source, IEnumerable<MueLimit> limits)
    {
        Guard.NotNull(version);
        Guard.NotNull(source);
        Guard.NotNull(limits);
        var rows = limits.ToArray();
        if (Array.IndexOf(rows, null) >= 0)
        {
            throw new ArgumentException("Limits must not be null.", nameof(limits));
        }

        foreach (var group in rows.GroupBy(static l => l.Code))
        {
            if (FirstOverlap(group.ToArray()) is { } overlap)
            {
                throw new ArgumentException($"{overlap.Code}: two MUE values apply on the same dates.", nameof(limits));
            }
        }

        return new MueTable(version, source, [source], rows);
    }

    /// <summary>Finds the limit of a code in force on a date of service.</summary>
    /// <param name="code">The code.</param>
    /// <param name="dateOfService">The date of service.</param>
    /// <returns>The limit, or <see langword="null"/> when the table has none for the code on that date.</returns>
    public MueLimit? Find(CptCode code, LocalDate dateOfService)
    {
        if (code.IsDefault || !_byCode.TryGetValue(code, out var limits))
        {
            return null;
        }

        for (int i = limits.Length - 1; i >= 0; i--)
        {
            if (limits[i].IsInForceOn(dateOfService))
            {
                return limits[i];
            }
        }

        return null;
    }

    private static MueLimit? FirstOverlap(MueLimit[] limits)
    {
        for (int i = 0; i < limits.Length; i++)
        {
            for (int j = i + 1; j < limits.Length; j++)
            {
                var (a, b) = (limits[i], limits[j]);
                bool aBeforeB = a.EndDate is { } aEnd && b.EffectiveDate is { } bFrom && aEnd <= bFrom;
                bool bBeforeA = b.EndDate is { } bEnd && a.EffectiveDate is { } aFrom && bEnd <= aFrom;
                if (!aBeforeB && !bBeforeA && a != b)
                {
                    return b;
                }
            }
        }

        return null;
    }
}
