namespace TherapyBilling.Rules;

/// <summary>
/// Silences one diagnostic id, for every encounter or only for one payer or one code, with the reason the team
/// recorded. Suppressed findings are not gone: the report lists them with the reason.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Suppression
{
    /// <summary>Initializes a new instance of the <see cref="Suppression"/> class.</summary>
    /// <param name="id">The diagnostic id, such as <c>TBR303</c>.</param>
    /// <param name="reason">Why the finding is suppressed; required.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="reason"/> is empty or blank.</exception>
    public Suppression(string id, string reason)
    {
        Id = Guard.NotNull(id);
        Reason = Guard.NotNull(reason);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A suppression names a diagnostic id.", nameof(id));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A suppression needs a reason.", nameof(reason));
        }
    }

    /// <summary>Gets the diagnostic id.</summary>
    public string Id { get; }

    /// <summary>Gets the reason.</summary>
    public string Reason { get; }

    /// <summary>Gets the payer the suppression is limited to, or <see langword="null"/> for every payer.</summary>
    public string? PayerId { get; init; }

    /// <summary>Gets the code the suppression is limited to (the finding's <c>code</c> argument), or <see langword="null"/> for every code.</summary>
    public CptCode? Code { get; init; }

    /// <summary>Gets whether the suppression covers a finding of an encounter billed to a payer.</summary>
    /// <param name="diagnostic">The finding.</param>
    /// <param name="payerId">The encounter's payer (its own, else the default), or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostic"/> is <see langword="null"/>.</exception>
    public bool Covers(Diagnostic diagnostic, string? payerId)
    {
        Guard.NotNull(diagnostic);
        return string.Equals(diagnostic.Id, Id, StringComparison.OrdinalIgnoreCase)
            && (PayerId is null || string.Equals(PayerId, payerId, StringComparison.OrdinalIgnoreCase))
            && (Code is not { } code || string.Equals(diagnostic.GetArgument("code"), code.Value, StringComparison.Ordinal));
    }
}

/// <summary>A finding a <see cref="Suppression"/> silenced, kept in the report with the suppression's reason.</summary>
/// <param name="Diagnostic">The finding.</param>
/// <param name="Suppression">The suppression that covers it.</param>
public sealed record SuppressedDiagnostic(Diagnostic Diagnostic, Suppression Suppression);
