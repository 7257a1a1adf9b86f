using System.Collections.Immutable;

namespace TherapyBilling.Rules.Cli;

/// <summary>Turns input records into results: read the record with the library, check it with the library, apply the threshold.</summary>
/// <remarks>Holds no rule: every finding comes from <see cref="EncounterJson"/> or <see cref="ComplianceEngine"/>.</remarks>
internal static class Checker
{
    public static CheckResult Check(InputRecord record, ComplianceOptions options, Severity? failOn)
    {
        var read = EncounterJson.Read(record.Element);
        EncounterReport? report = null;
        ImmutableArray<Diagnostic> diagnostics = read.Diagnostics;
        if (read.Encounter is { } encounter)
        {
            report = ComplianceEngine.Check(encounter, options);
            diagnostics = read.Diagnostics.IsEmpty ? report.Diagnostics : DiagnosticOrder.Sort(read.Diagnostics.Concat(report.Diagnostics));
        }

        bool passed = failOn is not { } threshold || !diagnostics.Any(d => d.Severity >= threshold);
        return new CheckResult(record.Index, record.Line, read.Id, passed, report, diagnostics);
    }

    /// <summary>Parses <c>--fail-on</c>: <c>error</c>, <c>warning</c>, <c>info</c> or <c>never</c> (<see langword="null"/>).</summary>
    public static Severity? ParseFailOn(string text) =>
        string.Equals(text, "never", StringComparison.OrdinalIgnoreCase) ? null
        : SeverityText.TryParse(text, out var severity) ? severity
        : throw new CliInputException($"--fail-on must be error, warning, info or never.");
}
