namespace TherapyBilling.Rules.Server.Reference;

/// <summary>The reference data the rules run with: loaded once at start, then shared read-only by every request.</summary>
public sealed class ReferenceData
{
    private volatile ComplianceOptions? _options;
    private volatile string? _failure;

    /// <summary>Gets the options once loaded, else <see langword="null"/>.</summary>
    public ComplianceOptions? Options => _options;

    /// <summary>Gets a value indicating whether the data is loaded.</summary>
    public bool IsReady => _options is not null;

    /// <summary>Gets why loading failed (file and line, no patient data), or <see langword="null"/>.</summary>
    public string? Failure => _failure;

    internal void Loaded(ComplianceOptions options) => _options = options;

    internal void Failed(string reason) => _failure = reason;
}
