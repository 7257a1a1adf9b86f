namespace TherapyBilling.Rules.Server.Configuration;

/// <summary>The <c>CdsHooks</c> section: who may call the CDS service and where it lives.</summary>
public sealed class CdsHooksOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CdsHooks";

    /// <summary>Gets or sets the service's public base URL (e.g. <c>https://rules.example.org</c>); a token's <c>aud</c> must be the service's URL under it.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Gets the EHRs allowed to call: issuer, and its JWKS file or URL.</summary>
    public IList<CdsIssuer> Issuers { get; } = [];

    /// <summary>Gets or sets the longest token lifetime accepted (<c>exp - iat</c>), in seconds; the spec recommends 5 minutes.</summary>
    public int MaxTokenLifetimeSeconds { get; set; } = 300;

    /// <summary>Gets or sets a value indicating whether the service may fetch missing prefetch data from the EHR's <c>fhirServer</c> when <c>fhirAuthorization</c> is given.</summary>
    public bool AllowFhirFetch { get; set; }

    /// <summary>Gets or sets the least time between two fetches of one JWKS URL, in minutes: a token naming a key id the cache lacks fetches again only after it.</summary>
    public int JwksRefreshMinutes { get; set; } = 5;

    /// <summary>Gets or sets how long a JWKS fetch may take, in seconds, body included; a fetch that takes longer fails (and the token is refused).</summary>
    public int JwksTimeoutSeconds { get; set; } = 5;

    /// <summary>Gets or sets how long fetched keys are used before the JWKS is fetched again, in minutes, whatever the tokens name: a key the EHR removed stops being accepted within this time.</summary>
    public int JwksMaxAgeMinutes { get; set; } = 60;

    /// <summary>Gets or sets the most cards one response carries; further findings are counted on a last card.</summary>
    public int MaxCards { get; set; } = 10;
}

/// <summary>One EHR allowed to call the CDS service.</summary>
public sealed class CdsIssuer
{
    /// <summary>Gets or sets the token's <c>iss</c>.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Gets or sets the file holding the issuer's JSON Web Key Set.</summary>
    public string JwksFile { get; set; } = "";

    /// <summary>Gets or sets the URL of the issuer's JSON Web Key Set (https; http only to the loopback interface); used instead of <see cref="JwksFile"/> when set.</summary>
    public string? JwksUrl { get; set; }
}
