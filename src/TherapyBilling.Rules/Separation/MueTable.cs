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
/// <para>Limits are kept packed (20 bytes a row: the code's rank, the units, the dates as day numbers, the indicator and
/// a shared rationale), with a frozen map from the code to its first row.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed partial class MueTable
{
    private readonly MueRow[] _rows;
    private readonly string[] _rationales;
    private readonly FrozenDictionary<int, int> _firstRowOfCode;
    private readonly MueLimit?[] _built;

    private MueTable(string version, string source, ImmutableArray<string> parts, MueLimit[] limits)
    {
        Version = version;
        Source = source;
        Parts = parts;

        // Packed rows sorted by code, then effective date (stable); the public MueLimit of a row is built when first read.
        var rationales = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new MueRow[limits.Length];
        for (int i = 0; i < limits.Length; i++)
        {
            var limit = limits[i];
            if (!rationales.TryGetValue(limit.Rationale, out int text))
            {
                text = rationales.Count;
                rationales.Add(limit.Rationale, text);
            }

            rows[i] = new MueRow(limit, text);
        }

        var order = Enumerable.Range(0, rows.Length).OrderBy(i => rows[i].Code).ThenBy(i => rows[i].SortDay).ToArray();
        _rows = [.. order.Select(i => rows[i])];
        _rationales = new string[rationales.Count];
        foreach (var rationale in rationales)
        {
            _rationales[rationale.Value] = rationale.Key;
        }

        var first = new Dictionary<int, int>();
        for (int i = _rows.Length - 1; i >= 0; i--)
        {
            first[_rows[i].Code] = i;
        }

        _firstRowOfCode = first.ToFrozenDictionary();
        _built = new MueLimit?[_rows.Length];
        Limits = new LimitList(this);
    }

    /// <summary>Gets the table's version, echoed in reports (by default the file name without extension).</summary>
    public string Version { get; }

    /// <summary>Gets where the table came from.</summary>
    public string Source { get; }

    /// <summary>Gets the files or zip entries that were read.</summary>
    public ImmutableArray<string> Parts { get; }

    /// <summary>Gets every limit, ordered by code then effective date.</summary>
    /// <value>A read-only list; the table keeps packed rows and builds each <see cref="MueLimit"/> when it is first read.</value>
    public IReadOnlyList<MueLimit> Limits { get; }

    /// <summary>Gets the number of limits.</summary>
    public int Count => _rows.Length;

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
        if (code.IsDefault || !_firstRowOfCode.TryGetValue(CodeRanks.Of(code), out int start))
        {
            return null;
        }

        int end = start + 1;
        while (end < _rows.Length && _rows[end].Code == _rows[start].Code)
        {
            end++;
        }

        int day = DayNumbers.Of(dateOfService);
        for (int i = end - 1; i >= start; i--)
        {
            if (_rows[i].IsInForceOn(day))
            {
                return LimitAt(i);
            }
        }

        return null;
    }

    private MueLimit LimitAt(int index)
    {
        var built = Volatile.Read(ref _built[index]);
        if (built is null)
        {
            built = _rows[index].ToLimit(_rationales);
            Volatile.Write(ref _built[index], built); // a race builds an equal limit twice; either is kept
        }

        return built;
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

    /// <summary>The limits as <see cref="MueLimit"/>s, each built when first read.</summary>
    private sealed class LimitList(MueTable table) : IReadOnlyList<MueLimit>
    {
        public int Count => table._rows.Length;

        public MueLimit this[int index] => (uint)index < (uint)table._rows.Length ? table.LimitAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<MueLimit> GetEnumerator()
        {
            for (int i = 0; i < table._rows.Length; i++)
            {
                yield return table.LimitAt(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
