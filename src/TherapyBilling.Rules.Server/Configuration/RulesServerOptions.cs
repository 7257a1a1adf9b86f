namespace TherapyBilling.Rules.Server.Configuration;

/// <summary>The <c>Rules</c> section: reference files and request limits.</summary>
public sealed class RulesServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rules";

    /// <summary>Gets or sets a code catalog file (the library's tab-separated format) in place of the shipped catalog.</summary>
    public string? CatalogFile { get; set; }

    /// <summary>Gets or sets a CMS practitioner PTP file in place of the shipped pair table.</summary>
    public string? PairTableFile { get; set; }

    /// <summary>Gets or sets a payer-profile JSON file added to the shipped profiles.</summary>
    public string? PayerProfilesFile { get; set; }

    /// <summary>Gets or sets the largest request body, in bytes (413 above).</summary>
    public int MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Gets or sets the deepest nesting of a request body (400 above).</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Gets or sets the most encounters one <c>POST /v1/check</c> may hold (413 above).</summary>
    public int MaxEncounters { get; set; } = 100;
}
