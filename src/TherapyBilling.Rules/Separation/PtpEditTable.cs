using System.Collections;
using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// A versioned table of NCCI procedure-to-procedure (PTP) edits with constant-time lookup of the row in force for a
/// pair of codes on a date of service.
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> ships as an embedded resource (<c>Data/ptp-edits.tsv</c>): the pairs among 97535,
/// 97530, 97110, 97112 and their neighbours as far as the project's rules reference knows them, each row with its
/// source and confidence. It is a starting point, not the NCCI file: production use should load the current CMS
/// quarterly practitioner PTP file with <see cref="LoadCms(TextReader, string, IEnumerable{CptCode}?, string?)"/>.</para>
/// <para>The rows are kept compact (about 27 bytes per row for a full-size CMS file): packed 20-byte rows sorted by
/// pair and effective date, rationales and sources shared per distinct text, and an open-addressing hash of the packed
/// pair. <see cref="PtpEdit"/> objects are built on demand: a lookup builds the row it returns once and then returns
/// the same instance (a cache of up to 4,096 recent rows), and <see cref="Edits"/> builds each row as it is read.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed partial class PtpEditTable
{
    private const string ResourceName = "TherapyBilling.Rules.Data.ptp-edits.tsv";
    private const int CacheSize = 4096; // 2,048 sets of two recently built rows: 32 KB for a full-size table
    private static readonly Lazy<PtpEditTable> s_default = new(LoadDefault);
    private readonly PtpRow[] _rows;
    private readonly PtpRowText[] _texts;
    private readonly PtpPairIndex _index;
    private readonly CachedEdit?[] _cache;

    private PtpEditTable(string version, string source, PtpRow[] rows, PtpRowText[] texts, TableOrigin? origin = null)
    {
        Version = version;
        Source = source;
        rows = SortByPair(rows); // by column 1, column 2, effective date; CMS files arrive sorted, so usually a no-op
        if (origin is { Kind: PairTableKind.CmsRelease })
        {
            rows = WithoutRepeats(rows); // a pair repeated across parts with the same window and indicator
        }

        _rows = rows;
        _texts = texts;
        Origin = origin ?? new TableOrigin(PairTableKind.Custom, [], null, Complete: false);
        LowConfidenceCount = CountLowConfidence(rows, texts);
        _index = new PtpPairIndex(rows);
        int cache = 2;
        while (cache < CacheSize && cache < rows.Length * 2)
        {
            cache <<= 1;
        }

        _cache = new CachedEdit?[cache];
    }

    /// <summary>Gets the table that ships with the library (see the remarks of <see cref="PtpEditTable"/>).</summary>
    public static PtpEditTable Default => s_default.Value;

    /// <summary>Gets an empty table (no pair is edited).</summary>
    public static PtpEditTable Empty { get; } = new("empty", "empty", [], [], new TableOrigin(PairTableKind.Custom, [], null, Complete: false));

    /// <summary>Gets the table's version, echoed in reports.</summary>
    public string Version { get; }

    /// <summary>Gets where the table came from (the embedded resource or the user's file).</summary>
    public string Source { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Count => _rows.Length;

    /// <summary>Gets every row, ordered by column 1, column 2, then effective date.</summary>
    /// <value>A read-only list that builds each <see cref="PtpEdit"/> when it is read (the table keeps packed rows, not objects).</value>
    public IReadOnlyList<PtpEdit> Edits => new EditList(this);

    /// <summary>Creates a table from rows.</summary>
    /// <param name="version">The version to echo in reports.</param>
    /// <param name="source">Where the rows come from.</param>
    /// <param name="edits">The rows; a pair may repeat with different dates.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row is <see langword="null"/>.</exception>
    public static PtpEditTable Create(string version, string source, IEnumerable<PtpEdit> edits)
    {
        Guard.NotNull(version);
        Guard.NotNull(source);
        var (rows, texts) = Pack(edits, nameof(edits));
        return new PtpEditTable(version, source, rows, texts);
    }

    /// <summary>Creates a table from rows, saying whether it is complete (every edit of its release, so the absence of a pair is meaningful).</summary>
    /// <param name="version">The version to echo in reports.</param>
    /// <param name="source">Where the rows come from.</param>
    /// <param name="edits">The rows; a pair may repeat with different dates.</param>
    /// <param name="isComplete"><see langword="true"/> when the rows are a whole CMS release (see <see cref="IsComplete"/>).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row is <see langword="null"/>.</exception>
    public static PtpEditTable Create(string version, string source, IEnumerable<PtpEdit> edits, bool isComplete)
    {
        Guard.NotNull(version);
        Guard.NotNull(source);
        var (rows, texts) = Pack(edits, nameof(edits));
        return new PtpEditTable(version, source, rows, texts, isComplete ? new TableOrigin(PairTableKind.CmsRelease, [source], null, Complete: true) : null);
    }

    /// <summary>Gets every row for an ordered pair (column 1, column 2), ordered by effective date.</summary>
    /// <param name="column1">The column-1 code.</param>
    /// <param name="column2">The column-2 code.</param>
    /// <returns>The rows (built on each call); empty when the pair is not in the table.</returns>
    public ImmutableArray<PtpEdit> GetRows(CptCode column1, CptCode column2)
    {
        int start = FirstRow(column1, column2);
        if (start < 0)
        {
            return [];
        }

        var rows = ImmutableArray.CreateBuilder<PtpEdit>();
        for (int i = start; i < _rows.Length && _rows[i].SamePair(_rows[start]); i++)
        {
            rows.Add(_rows[i].ToEdit(column1, column2, _texts[_rows[i].Text]));
        }

        return rows.ToImmutable();
    }

    /// <summary>Finds the row in force on a date of service for an ordered pair (column 1, column 2).</summary>
    /// <param name="column1">The column-1 code.</param>
    /// <param name="column2">The column-2 code.</param>
    /// <param name="dateOfService">The date of service.</param>
    /// <returns>The row, or <see langword="null"/> when no row of the pair is in force on that date.</returns>
    /// <remarks>If rows of one pair overlap in time (a data error), the one with the latest effective date wins (of equal ones, the one given last).</remarks>
    public PtpEdit? FindInForce(CptCode column1, CptCode column2, LocalDate dateOfService)
    {
        int row = RowInForce(column1, column2, DayNumbers.Of(dateOfService));
        return row < 0 ? null : Edit(row, column1, column2);
    }

    /// <summary>Finds the row in force on a date of service that pairs two codes in either order.</summary>
    /// <param name="first">One code.</param>
    /// <param name="second">The other code.</param>
    /// <param name="dateOfService">The date of service.</param>
    /// <returns>The row (its <see cref="PtpEdit.Column1"/> says which code is column 1), or <see langword="null"/>.</returns>
    /// <remarks>Should both orders be in force (not expected in CMS data), the one with <paramref name="first"/> as column 1 is returned.</remarks>
    public PtpEdit? FindPairInForce(CptCode first, CptCode second, LocalDate dateOfService)
    {
        int day = DayNumbers.Of(dateOfService);
        int row = RowInForce(first, second, day);
        if (row >= 0)
        {
            return Edit(row, first, second);
        }

        row = RowInForce(second, first, day);
        return row < 0 ? null : Edit(row, second, first);
    }

    /// <summary>Returns a new table without the rows that match <paramref name="remove"/>.</summary>
    /// <param name="remove">Which rows to drop.</param>
    /// <param name="version">The new version; by default this version with <c>+custom</c>.</param>
    /// <returns>The smaller table.</returns>
    public PtpEditTable Without(Func<PtpEdit, bool> remove, string? version = null)
    {
        Guard.NotNull(remove);
        var kept = new List<PtpRow>();
        for (int i = 0; i < _rows.Length; i++)
        {
            if (!remove(EditAt(i)))
            {
                kept.Add(_rows[i]);
            }
        }

        return new PtpEditTable(version ?? Version + "+custom", Source, [.. kept], _texts, Origin);
    }

    /// <summary>Returns a new table with rows added.</summary>
    /// <param name="edits">The rows to add.</param>
    /// <param name="version">The new version; by default this version with <c>+custom</c>.</param>
    /// <returns>The larger table.</returns>
    public PtpEditTable With(IEnumerable<PtpEdit> edits, string? version = null)
    {
        Guard.NotNull(edits);
        var builder = new PtpRowsBuilder(_texts);
        builder.AddRange(_rows);
        AddAll(builder, edits, nameof(edits));
        var (rows, texts) = builder.Build();
        return new PtpEditTable(version ?? Version + "+custom", Source, rows, texts, Origin);
    }

    private static (PtpRow[] Rows, PtpRowText[] Texts) Pack(IEnumerable<PtpEdit> edits, string parameterName)
    {
        Guard.NotNull(edits, parameterName);
        var builder = new PtpRowsBuilder();
        AddAll(builder, edits, parameterName);
        return builder.Build();
    }

    private static void AddAll(PtpRowsBuilder builder, IEnumerable<PtpEdit> edits, string parameterName)
    {
        foreach (var edit in edits)
        {
            if (edit is null)
            {
                throw new ArgumentException("Rows must not be null.", parameterName);
            }

            builder.Add(edit);
        }
    }

    /// <summary>The first row of an ordered pair, or -1.</summary>
    private int FirstRow(CptCode column1, CptCode column2) =>
        column1.IsDefault || column2.IsDefault ? -1 : _index.Find(_rows, CodeRanks.Of(column1), CodeRanks.Of(column2));

    /// <summary>The last row of an ordered pair in force on a day, or -1.</summary>
    private int RowInForce(CptCode column1, CptCode column2, int day)
    {
        int start = FirstRow(column1, column2);
        if (start < 0)
        {
            return -1;
        }

        int end = start + 1;
        while (end < _rows.Length && _rows[end].SamePair(_rows[start]))
        {
            end++;
        }

        for (int i = end - 1; i >= start; i--)
        {
            if (_rows[i].IsInForceOn(day))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The public row of a found row, built once per row while it stays in the cache of recent rows: two-way sets, so
    /// two rows an encounter looks up again and again rarely evict each other.
    /// </summary>
    private PtpEdit Edit(int row, CptCode column1, CptCode column2)
    {
        int set = (row & ((_cache.Length >> 1) - 1)) << 1;
        var first = Volatile.Read(ref _cache[set]);
        if (first is not null && first.Row == row)
        {
            return first.Edit;
        }

        var second = Volatile.Read(ref _cache[set + 1]);
        if (second is not null && second.Row == row)
        {
            return second.Edit;
        }

        var edit = _rows[row].ToEdit(column1, column2, _texts[_rows[row].Text]);
        if (first is not null)
        {
            Volatile.Write(ref _cache[set + 1], first); // the older one moves to the second way; the oldest goes
        }

        Volatile.Write(ref _cache[set], new CachedEdit(row, edit));
        return edit;
    }

    /// <summary>The public row at an index, its codes decoded from their ranks.</summary>
    private PtpEdit EditAt(int index)
    {
        var row = _rows[index];
        return row.ToEdit(CodeRanks.ToCode(row.Column1), CodeRanks.ToCode(row.Column2), _texts[row.Text]);
    }

    private static PtpRow[] SortByPair(PtpRow[] rows)
    {
        bool sorted = true;
        for (int i = 1; i < rows.Length && sorted; i++)
        {
            sorted = rows[i - 1].CompareByPairAndEffective(rows[i]) <= 0;
        }

        if (sorted)
        {
            return rows;
        }

        // Stable: rows with the same pair and effective date keep their order, so the one given last wins a lookup.
        var order = new int[rows.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, Comparer<int>.Create((a, b) =>
        {
            int byRow = rows[a].CompareByPairAndEffective(rows[b]);
            return byRow != 0 ? byRow : a.CompareTo(b);
        }));
        var result = new PtpRow[rows.Length];
        for (int i = 0; i < order.Length; i++)
        {
            result[i] = rows[order[i]];
        }

        return result;
    }

    private static PtpEditTable LoadDefault()
    {
        using var stream = typeof(PtpEditTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var loaded = Load(reader, "embedded:ptp-edits.tsv");
        return new PtpEditTable(loaded.Version, loaded.Source, loaded._rows, loaded._texts, new TableOrigin(PairTableKind.ShippedSubset, [], null, Complete: false));
    }

    /// <summary>A row built for a lookup, with its index (a cache slot holds one at a time; replacing it is a benign race).</summary>
    private sealed class CachedEdit(int row, PtpEdit edit)
    {
        public int Row { get; } = row;

        public PtpEdit Edit { get; } = edit;
    }

    /// <summary>The rows as <see cref="PtpEdit"/>s, each built when it is read.</summary>
    private sealed class EditList(PtpEditTable table) : IReadOnlyList<PtpEdit>
    {
        public int Count => table._rows.Length;

        public PtpEdit this[int index] => (uint)index < (uint)table._rows.Length ? table.EditAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<PtpEdit> GetEnumerator()
        {
            for (int i = 0; i < table._rows.Length; i++)
            {
                yield return table.EditAt(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
