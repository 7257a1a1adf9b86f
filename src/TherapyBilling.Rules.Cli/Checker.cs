using System.Collections.Immutable;

namespace TherapyBilling.Rules.Cli;

/// <summary>Turns input records into results: read the record with the library, check it with the library, apply the threshold.</summary>
/// <remarks>Holds no rule: every finding comes from <see cref="EncounterJson"/> or <see cref="ComplianceEngine"/>.</remarks>
internal static class Checker
{
    public static CheckResult Check(InputRecord record, ComplianceOptions options, Severity? failOn)
    {
        if (record.Malformed is { } at)
        {
            var malformed = DiagnosticDescriptors.InputMalformedRecord.Create(
                string.Empty,
                new DiagnosticArgument("line", at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new DiagnosticArgument("column", at.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new CheckResult(record.Index, record.Line, null, false, null, [malformed]);
        }

        var read = EncounterJson.Read(record.Element);
        EncounterReport? report = null;
        ImmutableArray<Diagnostic> diagnostics = read.Diagnostics;
        if (read.Encounter is { } encounter)
        {
            report = ComplianceEngine.Check(encounter, options);
            diagnostics = read.Diagnostics.IsEmpty ? report.Diagnostics : DiagnosticOrder.Sort(read.Diagnostics.Concat(report.Diagnostics));
        }

        // A record that could not be read is bad input: it fails whatever the threshold (and the run exits 2).
        // The status is the verdict at the threshold, and at error under "never" (which only keeps the exit code 0): an error never shows PASS.
        var threshold = failOn ?? Severity.Error;
        bool passed = report is not null && !diagnostics.Any(d => d.Severity >= threshold);
        return new CheckResult(record.Index, record.Line, read.Id, passed, report, diagnostics);
    }

    /// <summary>Gets whether a result is bad input: a record that could not be read, or a field of the contract that is malformed (TBR002 and up; TBR001, an unknown code, is a finding about reference data).</summary>
    public static bool IsInputError(CheckResult result) =>
        result.Report is null || result.Diagnostics.Any(IsInputDiagnostic);

    /// <summary>Gets the first input diagnostic of a result, for the one-line error on standard error.</summary>
    public static Diagnostic? FirstInputDiagnostic(CheckResult result) => result.Diagnostics.FirstOrDefault(IsInputDiagnostic);

    private static bool IsInputDiagnostic(Diagnostic d) =>
        d.Id.StartsWith("TBR0", StringComparison.Ordinal) && !string.Equals(d.Id, DiagnosticIds.UnknownCode, StringComparison.Ordinal);

    /// <summary>Parses <c>--fail-on</c>: <c>error</c>, <c>warning</c>, <c>info</c> or <c>never</c> (<see langword="null"/>).</summary>
    public static Severity? ParseFailOn(string text) =>
        string.Equals(text, "never", StringComparison.OrdinalIgnoreCase) ? null
        : SeverityText.TryParse(text, out var severity) ? severity
        : throw new CliInputException($"--fail-on must be error, warning, info or never.");
}
