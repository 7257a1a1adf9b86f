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

        List<SuppressedDiagnostic>? suppressed = null; // most reports have none: no list until one is
        int kept = 0;
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i].WithHelpBaseUrl(options.HelpBaseUrl);
            if (overrides && options.SeverityOverrides.TryGetValue(diagnostic.Id, out var severity))
            {
                diagnostic = diagnostic.WithSeverity(severity);
            }

            if (suppressions && CoveringSuppression(options.Suppressions, diagnostic, payerId) is { } by)
            {
                (suppressed ??= []).Add(new SuppressedDiagnostic(diagnostic, by));
                continue;
            }

            diagnostics[kept++] = diagnostic;
        }

        diagnostics.RemoveRange(kept, diagnostics.Count - kept);
        if (suppressed is null)
        {
            return [];
        }

        var sorted = DiagnosticOrder.Sort(suppressed.Select(static s => s.Diagnostic));
        return [.. sorted.Select(d => suppressed.First(s => ReferenceEquals(s.Diagnostic, d)))];
    }

    /// <summary>The first suppression that covers the finding, or <see langword="null"/>.</summary>
    private static Suppression? CoveringSuppression(ImmutableArray<Suppression> suppressions, Diagnostic diagnostic, string? payerId)
    {
        foreach (var suppression in suppressions)
        {
            if (suppression.Covers(diagnostic, payerId))
            {
                return suppression;
            }
        }

        return null;
    }
}
