using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>
/// A versioned table of procedure codes: which are 15-minute timed codes, which are untimed, and which are
/// "always therapy". The rules look codes up here; users can extend or replace it, since payers differ.
/// </summary>
/// <remarks>
/// <para>The <see cref="Default"/> catalog ships as an embedded resource (<c>Data/code-catalog.tsv</c>); every
/// entry names its source and confidence. <see cref="Load(TextReader, string)"/> reads the same tab-separated
/// format from a user's file.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class CodeCatalog
{
    private const string ResourceName = "TherapyBilling.Rules.Data.code-catalog.tsv";
    private static readonly Lazy<CodeCatalog> s_default = new(LoadDefault);
    private readonly FrozenDictionary<CptCode, CodeCatalogEntry> _byCode;

    private CodeCatalog(string version, string source, ImmutableArray<CodeCatalogEntry> entries)
    {
        Version = version;
        Source = source;
        Entries = entries;
        _byCode = entries.ToFrozenDictionary(static e => e.Code);
    }

    /// <summary>Gets the catalog that ships with the library.</summary>
    public static CodeCatalog Default => s_default.Value;

    /// <summary>Gets the catalog's version, echoed in every report.</summary>
    public string Version { get; }

    /// <summary>Gets where the catalog came from (the embedded resource or the user's file).</summary>
    public string Source { get; }

    /// <summary>Gets the entries, in the order they were given.</summary>
    public ImmutableArray<CodeCatalogEntry> Entries { get; }

    /// <summary>Creates a catalog from entries.</summary>
    /// <param name="version">The version to echo in reports.</param>
    /// <param name="source">Where the entries come from.</param>
    /// <param name="entries">The entries; a later entry for the same code replaces an earlier one.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entry is <see langword="null"/> or has a default code.</exception>
    public static CodeCatalog Create(string version, string source, IEnumerable<CodeCatalogEntry> entries)
    {
        Guard.NotNull(version);
        Guard.NotNull(source);
        Guard.NotNull(entries);
        var ordered = new List<CodeCatalogEntry>();
        var index = new Dictionary<CptCode, int>();
        foreach (var entry in entries)
        {
            if (entry is null || entry.Code.IsDefault)
            {
                throw new ArgumentException("Catalog entries must be non-null with a parsed code.", nameof(entries));
            }

            if (index.TryGetValue(entry.Code, out var at))
            {
                ordered[at] = entry;
            }
            else
            {
                index[entry.Code] = ordered.Count;
                ordered.Add(entry);
            }
        }

        return new CodeCatalog(version, source, [.. ordered]);
    }

    /// <summary>Returns a new catalog with <paramref name="entries"/> added, replacing entries for the same codes.</summary>
    /// <param name="entries">The entries to add or replace.</param>
    /// <param name="version">The new version; by default this catalog's version with <c>+custom</c>.</param>
    /// <returns>The extended catalog.</returns>
    public CodeCatalog With(IEnumerable<CodeCatalogEntry> entries, string? version = null)
    {
        Guard.NotNull(entries);
        return Create(version ?? Version + "+custom", Source, Entries.Concat(entries));
    }

    /// <summary>Looks a code up.</summary>
    /// <param name="code">The code.</param>
    /// <param name="entry">The entry when found.</param>
    /// <returns><see langword="true"/> when the catalog knows the code.</returns>
    public bool TryGet(CptCode code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CodeCatalogEntry? entry) =>
        _byCode.TryGetValue(code, out entry);

    /// <summary>Gets whether the catalog knows a code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public bool Contains(CptCode code) => _byCode.ContainsKey(code);

    /// <summary>Gets whether a code is a known 15-minute timed code.</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> for a timed code.</returns>
    public bool IsTimed(CptCode code) => _byCode.TryGetValue(code, out var e) && e.Kind == CodeKind.Timed;

    /// <summary>
    /// Reads a catalog in the library's tab-separated format: <c># version: …</c> and <c># source: …</c> header
    /// comments, then one row per code: code, <c>timed</c>|<c>untimed</c>, <c>true</c>|<c>false</c> (always therapy),
    /// descriptor, source, and optionally <c>true</c>|<c>false</c> (occupies the patient,
    /// <see cref="CodeCatalogEntry.OccupiesPatient"/>) with its source. Rows of five fields read the column as
    /// <c>false</c>.
    /// </summary>
    /// <param name="reader">The text to read.</param>
    /// <param name="sourceName">The file name, used in error messages and as <see cref="Source"/>.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ReferenceDataException">A row is malformed; the message names the line.</exception>
    public static CodeCatalog Load(TextReader reader, string sourceName)
    {
        Guard.NotNull(reader);
        Guard.NotNull(sourceName);
        var (version, rows) = Tsv.Read(reader, sourceName, 5, "code, kind, alwaysTherapy, descriptor, source, [occupiesPatient, occupiesSource]", optionalColumns: 2);
        var entries = new List<CodeCatalogEntry>(rows.Count);
        var seen = new HashSet<CptCode>();
        foreach (var (lineNumber, fields) in rows)
        {
            var entry = ParseRow(fields, sourceName, lineNumber);
            if (!seen.Add(entry.Code))
            {
                throw new ReferenceDataException(sourceName, lineNumber, $"code {entry.Code} appears twice.");
            }

            entries.Add(entry);
        }

        return new CodeCatalog(version, sourceName, [.. entries]);
    }

    private static CodeCatalogEntry ParseRow(string[] fields, string sourceName, int lineNumber)
    {
        if (!CptCode.TryParse(fields[0].Trim(), out var code))
        {
            throw new ReferenceDataException(sourceName, lineNumber, $"'{ReferenceText.Excerpt(fields[0])}' is not a CPT/HCPCS code.");
        }

        CodeKind kind = fields[1].Trim().ToUpperInvariant() switch
        {
            "TIMED" => CodeKind.Timed,
            "UNTIMED" => CodeKind.Untimed,
            _ => throw new ReferenceDataException(sourceName, lineNumber, $"kind must be 'timed' or 'untimed', not '{ReferenceText.Excerpt(fields[1])}'."),
        };

        if (!bool.TryParse(fields[2].Trim(), out bool alwaysTherapy))
        {
            throw new ReferenceDataException(sourceName, lineNumber, $"alwaysTherapy must be 'true' or 'false', not '{ReferenceText.Excerpt(fields[2])}'.");
        }

        bool occupies = false;
        string occupiesSource = string.Empty;
        if (fields.Length > 5)
        {
            if (!bool.TryParse(fields[5].Trim(), out occupies))
            {
                throw new ReferenceDataException(sourceName, lineNumber, $"occupiesPatient must be 'true' or 'false', not '{fields[5]}'.");
            }

            occupiesSource = fields[6].Trim();
        }

        return new CodeCatalogEntry(code, kind, alwaysTherapy, fields[3].Trim(), fields[4].Trim())
        {
            OccupiesPatient = occupies,
            OccupiesPatientSource = occupiesSource,
        };
    }

    private static CodeCatalog LoadDefault()
    {
        using var reader = Tsv.OpenEmbedded(ResourceName);
        return Load(reader, "embedded:code-catalog.tsv");
    }
}
