namespace TherapyBilling.Rules.Server.Configuration;

/// <summary>The <c>Auth</c> section: API keys for the JSON API.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>The header that carries the API key.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Gets or sets a value indicating whether rules routes (and CDS Hooks calls) are open without a key or token: local use only.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Gets or sets the SHA-256 hashes (hex) of the accepted API keys; the keys themselves are never stored.</summary>
    public IList<string> ApiKeyHashes { get; } = [];
}
