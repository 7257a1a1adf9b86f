using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>The user's policy over the findings, applied once after every family: severity overrides, suppressions, help links.</summary>
internal static class FindingPolicy
{
    /// <summary>Rewrites <paramref name="diagnostics"/> in place and returns the suppressed ones.</summary>
    public static ImmutableArray<SuppressedDiagnostic> Apply(List<Diagnostic> diagnostics, ComplianceOptions options, string? payerId)
    {
        bool overrides = !options.SeverityOverrides.IsEmpty;
        bool suppressions = !options.Suppressions.IsDefaultOrEmpty;
        if (!overrides && !suppressions && options.HelpBaseUrl is null)
        {
            return [];
        }

        var suppressed = ImmutableArray.CreateBuilder<SuppressedDiagnostic>();
        int kept = 0;
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i].WithHelpBaseUrl(options.HelpBaseUrl);
            if (overrides && options.SeverityOverrides.TryGetValue(diagnostic.Id, out var severity))
            {
                diagnostic = diagnostic.WithSeverity(severity);
            }

            if (suppressions && options.Suppressions.FirstOrDefault(s => s.Covers(diagnostic, payerId)) is { } by)
            {
                suppressed.Add(new SuppressedDiagnostic(diagnostic, by));
                continue;
            }

            diagnostics[kept++] = diagnostic;
        }

        diagnostics.RemoveRange(kept, diagnostics.Count - kept);
        var sorted = DiagnosticOrder.Sort(suppressed.Select(static s => s.Diagnostic));
        return [.. sorted.Select(d => suppressed.First(s => ReferenceEquals(s.Diagnostic, d)))];
    }
}
