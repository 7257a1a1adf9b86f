using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed partial class PtpEditTable
{
    private const string ResourceName = "TherapyBilling.Rules.Data.ptp-edits.tsv";
    private static readonly Lazy<PtpEditTable> s_default = new(LoadDefault);
    private readonly PtpEdit[] _edits;
    private const int FreezeLimit = 50_000;
    private readonly IReadOnlyDictionary<long, Span> _index;

    private PtpEditTable(string version, string source, PtpEdit[] edits, TableOrigin? origin = null)
    {
        Version = version;
        Source = source;
        SortByPair(edits); // by column 1, column 2, effective date; CMS files arrive sorted, so usually a no-op
        if (origin is { Kind: PairTableKind.CmsRelease })
        {
            edits = WithoutRepeats(edits); // a pair repeated across parts with the same window and indicator
        }

        _edits = edits;
        Origin = origin ?? new TableOrigin(PairTableKind.Custom, [], null, Complete: false);
        LowConfidenceCount = CountLowConfidence(edits);
        int pairs = edits.Length == 0 ? 0 : 1;
        for (int i = 1; i < edits.Length; i++)
        {
            pairs += edits[i].Column1 != edits[i - 1].Column1 || edits[i].Column2 != edits[i - 1].Column2 ? 1 : 0;
        }

        var index = new Dictionary<long, Span>(pairs); // sized once: a full CMS file has over a million pairs
        int start = 0;
        for (int i = 1; i <= edits.Length; i++)
        {
            if (i == edits.Length || edits[i].Column1 != edits[start].Column1 || edits[i].Column2 != edits[start].Column2)
            {
                index.Add(PairKey(edits[start].Column1, edits[start].Column2), new Span(start, i - start));
                start = i;
            }
        }

        // Freezing pays off for small tables; for a full CMS file (a million pairs) building it costs seconds,
        // and a read-only Dictionary gives the same constant-time lookup.
        _index = index.Count <= FreezeLimit ? index.ToFrozenDictionary() : index;
    }

    /// <summary>Gets the table that ships with the library (see the remarks of <see cref="PtpEditTable"/>).</summary>
    public static PtpEditTable Default => s_default.Value;

    /// <summary>Gets an empty table (no pair is edited).</summary>
    public static PtpEditTable Empty { get; } = new("empty", "empty", [], new TableOrigin(PairTableKind.Custom, [], null, Complete: false));

    /// <summary>Gets the table's version, echoed in reports.</summary>
    public string Version { get; }

    /// <summary>Gets where the table came from (the embedded resource or the user's file).</summary>
    public string Source { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Count => _edits.Length;

    /// <summary>Gets every row, ordered by column 1, column 2, then effective date.</summary>
    public ImmutableArray<PtpEdit> Edits => ImmutableCollectionsMarshal.AsImmutableArray(_edits);

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
        Guard.NotNull(edits);
        var rows = edits.ToArray();
        if (Array.IndexOf(rows, null) >= 0)
        {
            throw new ArgumentException("Rows must not be null.", nameof(edits));
        }

        return new PtpEditTable(version, source, rows);
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
        var table = Create(version, source, edits);
        return isComplete
            ? new PtpEditTable(version, source, [.. table._edits], new TableOrigin(PairTableKind.CmsRelease, [source], null, Complete: true))
            : table;
    }

    /// <summary>Gets every row for an ordered pair (column 1, column 2), ordered by effective date.</summary>
    /// <param name="column1">The column-1 code.</param>
    /// <param name="column2">The column-2 code.</param>
    /// <returns>The rows; empty when the pair is not in the table.</returns>
    public ReadOnlySpan<PtpEdit> GetRows(CptCode column1, CptCode column2) =>
        !column1.IsDefault && !column2.IsDefault && _index.TryGetValue(PairKey(column1, column2), out var span) ? _edits.AsSpan(span.Start, span.Length) : [];

    /// <summary>Finds the row in force on a date of service for an ordered pair (column 1, column 2).</summary>
    /// <param name="column1">The column-1 code.</param>
    /// <param name="column2">The column-2 code.</param>
    /// <param name="dateOfService">The date of service.</param>
    /// <returns>The row, or <see langword="null"/> when no row of the pair is in force on that date.</returns>
    /// <remarks>If rows of one pair overlap in time (a data error), the one with the latest effective date wins.</remarks>
    public PtpEdit? FindInForce(CptCode column1, CptCode column2, LocalDate dateOfService)
    {
        var rows = GetRows(column1, column2);
        for (int i = rows.Length - 1; i >= 0; i--)
        {
            if (rows[i].IsInForceOn(dateOfService))
            {
                return rows[i];
            }
        }

        return null;
    }

    /// <summary>Finds the row in force on a date of service that pairs two codes in either order.</summary>
    /// <param name="first">One code.</param>
    /// <param name="second">The other code.</param>
    /// <param name="dateOfService">The date of service.</param>
    /// <returns>The row (its <see cref="PtpEdit.Column1"/> says which code is column 1), or <see langword="null"/>.</returns>
    /// <remarks>Should both orders be in force (not expected in CMS data), the one with <paramref name="first"/> as column 1 is returned.</remarks>
    public PtpEdit? FindPairInForce(CptCode first, CptCode second, LocalDate dateOfService) =>
        FindInForce(first, second, dateOfService) ?? FindInForce(second, first, dateOfService);

    /// <summary>Returns a new table without the rows that match <paramref name="remove"/>.</summary>
    /// <param name="remove">Which rows to drop.</param>
    /// <param name="version">The new version; by default this version with <c>+custom</c>.</param>
    /// <returns>The smaller table.</returns>
    public PtpEditTable Without(Func<PtpEdit, bool> remove, string? version = null)
    {
        Guard.NotNull(remove);
        return new PtpEditTable(version ?? Version + "+custom", Source, [.. _edits.Where(e => !remove(e))], Origin);
    }

    /// <summary>Returns a new table with rows added.</summary>
    /// <param name="edits">The rows to add.</param>
    /// <param name="version">The new version; by default this version with <c>+custom</c>.</param>
    /// <returns>The larger table.</returns>
    public PtpEditTable With(IEnumerable<PtpEdit> edits, string? version = null)
    {
        Guard.NotNull(edits);
        var rows = edits.ToArray();
        if (Array.IndexOf(rows, null) >= 0)
        {
            throw new ArgumentException("Rows must not be null.", nameof(edits));
        }

        return new PtpEditTable(version ?? Version + "+custom", Source, [.. _edits, .. rows], Origin);
    }

    private static void SortByPair(PtpEdit[] edits)
    {
        // One 64-bit key per row (column 1, column 2, effective day) sorts a million rows on primitives, in the
        // same order as comparing the codes ordinally and then the dates. Sorted input (CMS files) allocates nothing.
        long previous = long.MinValue;
        foreach (var edit in edits)
        {
            long key = SortKey(edit);
            if (key < previous)
            {
                var keys = new long[edits.Length];
                for (int i = 0; i < edits.Length; i++)
                {
                    keys[i] = SortKey(edits[i]);
                }

                Array.Sort(keys, edits);
                return;
            }

            previous = key;
        }
    }

    private static long SortKey(PtpEdit edit)
    {
        return (PairKey(edit.Column1, edit.Column2) << 22) | (uint)edit.EffectiveDate.ToDateOnly().DayNumber; // DayNumber of 9999-12-31 < 2^22
    }

    private static long PairKey(CptCode column1, CptCode column2)
    {
        const long codeSpace = 36 * 10_000; // first character 0-9 then A-Z, four digits
        return (CodeRank(column1) * codeSpace) + CodeRank(column2);
    }

    private static long CodeRank(CptCode code)
    {
        var text = code.Value;
        char first = text[0];
        int lead = char.IsAsciiDigit(first) ? first - '0' : 10 + (first - 'A');
        return (lead * 10_000L) + ((text[1] - '0') * 1000) + ((text[2] - '0') * 100) + ((text[3] - '0') * 10) + (text[4] - '0');
    }

    private static PtpEditTable LoadDefault()
    {
        using var stream = typeof(PtpEditTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var loaded = Load(reader, "embedded:ptp-edits.tsv");
        return new PtpEditTable(loaded.Version, loaded.Source, [.. loaded._edits], new TableOrigin(PairTableKind.ShippedSubset, [], null, Complete: false));
    }

    private readonly record struct Span(int Start, int Length);
}
