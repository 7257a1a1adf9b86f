namespace TherapyBilling.Rules;

/// <summary>The edition of one reference table a report was produced with, so a finding can be traced to it.</summary>
/// <param name="Name">The table's name, such as <c>codeCatalog</c>, <c>pairTable</c> or <c>mueTable</c>.</param>
/// <param name="Version">The table's version (<c>none</c> when no table is loaded).</param>
/// <param name="Source">Where it was loaded from (embedded resource or file name; <c>none</c> when no table is loaded).</param>
public sealed record ReferenceDataInfo(string Name, string Version, string Source)
{
    /// <summary>
    /// Gets what the table is, in one line, when it matters for what findings may assert: for the pair table
    /// <c>shipped subset (version …, N rows, M [L])</c> or <c>CMS release (name, parts, rows, effective quarter)</c>;
    /// <see langword="null"/> when there is nothing to add.
    /// </summary>
    public string? Provenance { get; init; }

    /// <summary>
    /// Gets the run-level finding about this table, reported once per run rather than per encounter or line: for
    /// example TBR315 (MUE not checked) when no MUE table is loaded; <see langword="null"/> when there is none.
    /// </summary>
    public Diagnostic? Notice { get; init; }
}
