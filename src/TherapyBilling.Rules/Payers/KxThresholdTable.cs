using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>The KX and targeted medical review amounts of one calendar year.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="PhysicalTherapyAndSpeech">The KX threshold for PT and SLP combined, in dollars.</param>
/// <param name="OccupationalTherapy">The KX threshold for OT, in dollars.</param>
/// <param name="TargetedReview">The targeted medical review threshold (each bucket), in dollars.</param>
/// <param name="Source">Where the amounts come from, with confidence tags.</param>
public sealed record KxThreshold(int Year, decimal PhysicalTherapyAndSpeech, decimal OccupationalTherapy, decimal TargetedReview, string Source)
{
    /// <summary>Gets the KX threshold of a bucket.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <returns>The amount in dollars.</returns>
    public decimal For(TherapyBucket bucket) =>
        bucket == TherapyBucket.OccupationalTherapy ? OccupationalTherapy : PhysicalTherapyAndSpeech;
}

/// <summary>
/// The yearly KX thresholds (BBA 2018 §50202; CPM ch. 5 §10.2-10.3.3) as data. The shipped table
/// (<c>Data/kx-thresholds.tsv</c>) covers 2021-2026 with the sources of rules-reference §5; 2018-2020 are not shipped
/// because their amounts are unverified, and 2026 is [L/M]. Load a checked table with <see cref="Load"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class KxThresholdTable
{
    private const string ResourceName = "TherapyBilling.Rules.Data.kx-thresholds.tsv";
    private static readonly Lazy<KxThresholdTable> s_default = new(static () => LoadEmbedded(ResourceName, "embedded:kx-thresholds.tsv"));
    private readonly FrozenDictionary<int, KxThreshold> _byYear;

    private KxThresholdTable(string version, string source, ImmutableArray<KxThreshold> years)
    {
        Version = version;
        Source = source;
        Years = years;
        _byYear = years.ToFrozenDictionary(static y => y.Year);
    }

    /// <summary>Gets the shipped table.</summary>
    public static KxThresholdTable Default => s_default.Value;

    /// <summary>Gets the version.</summary>
    public string Version { get; }

    /// <summary>Gets where the table came from.</summary>
    public string Source { get; }

    /// <summary>Gets the years, in the order given.</summary>
    public ImmutableArray<KxThreshold> Years { get; }

    /// <summary>Creates a table.</summary>
    /// <param name="version">The version.</param>
    /// <param name="source">Where it comes from.</param>
    /// <param name="years">The years; a year must appear once.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">A year appears twice or an entry is <see langword="null"/>.</exception>
    public static KxThresholdTable Create(string version, string source, IEnumerable<KxThreshold> years)
    {
        Guard.NotNull(version);
        Guard.NotNull(source);
        var list = Guard.NotNull(years).ToList();
        if (list.Any(static y => y is null) || list.Select(static y => y.Year).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("Years must be non-null and each year must appear once.", nameof(years));
        }

        return new KxThresholdTable(version, source, [.. list]);
    }

    /// <summary>Looks a year up.</summary>
    /// <param name="year">The calendar year.</param>
    /// <param name="threshold">The amounts when found.</param>
    /// <returns><see langword="true"/> when the table has the year.</returns>
    public bool TryGet(int year, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KxThreshold? threshold) =>
        _byYear.TryGetValue(year, out threshold);

    /// <summary>
    /// Reads a table: <c># version: …</c> header comment, then rows of year, PT+SLP amount, OT amount, targeted review
    /// amount and source, tab-separated; amounts use a dot as decimal separator.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The file name, for messages and <see cref="Source"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ReferenceDataException">A row is malformed.</exception>
    public static KxThresholdTable Load(TextReader reader, string sourceName)
    {
        var (version, rows) = Tsv.Read(reader, sourceName, 5, "year, ptSlp, ot, targetedReview, source");
        var years = new List<KxThreshold>();
        var seen = new HashSet<int>();
        foreach (var (line, fields) in rows)
        {
            int year = Tsv.Year(fields[0], sourceName, line);
            if (!seen.Add(year))
            {
                throw new ReferenceDataException(sourceName, line, $"year {year} appears twice.");
            }

            years.Add(new KxThreshold(year, Tsv.Amount(fields[1], sourceName, line), Tsv.Amount(fields[2], sourceName, line), Tsv.Amount(fields[3], sourceName, line), fields[4].Trim()));
        }

        return new KxThresholdTable(version, sourceName, [.. years]);
    }

    private static KxThresholdTable LoadEmbedded(string resource, string name)
    {
        using var reader = Tsv.OpenEmbedded(resource);
        return Load(reader, name);
    }
}
