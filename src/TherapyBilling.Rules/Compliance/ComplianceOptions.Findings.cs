using System.Collections.Immutable;

namespace TherapyBilling.Rules;

public sealed partial record ComplianceOptions
{
    /// <summary>Gets the severity each id is raised or lowered to, applied after every family (and after a payer's own changes).</summary>
    /// <value>The default value is empty. Keys are diagnostic ids, compared ignoring case.</value>
    public ImmutableDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary.Create<string, Severity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the suppressions; a suppressed finding moves to <see cref="EncounterReport.Suppressed"/> with its reason.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<Suppression> Suppressions { get; init; } = [];

    /// <summary>
    /// Gets the base URL of the diagnostic pages, or <see langword="null"/>: with one, <see cref="Diagnostic.HelpLink"/>
    /// is absolute (see <see cref="DiagnosticDescriptor.GetHelpLink(string?)"/>); without, it names the explain command.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? HelpBaseUrl { get; init; }
}
