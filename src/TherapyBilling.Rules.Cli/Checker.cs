using System.Collections.Immutable;

namespace TherapyBilling.Rules.Cli;

/// <summary>Turns input records into results: read the record with the library, check it with the library, apply the threshold.</summary>
/// <remarks>Holds no rule: every finding comes from <see cref="EncounterJson"/> or <see cref="ComplianceEngine"/>.</remarks>
internal static class Checker
{
    /// <summary>Checks one record; an unexpected exception while reading or checking it becomes its only finding (TBR015) and the record fails.</summary>
    /// <remarks>The finding names the exception type only: its message and stack trace can quote the input.</remarks>
    public static CheckResult CheckIsolated(InputRecord record, ComplianceOptions options, Severity? failOn, RecordLimits limits, bool strict = false) =>
        CheckIsolated(record, options, failOn, limits, (r, o, f, l) => Check(r, o, f, l, strict));

    /// <summary>The same with the check to run (tests pass one that fails).</summary>
    internal static CheckResult CheckIsolated(InputRecord record, ComplianceOptions options, Severity? failOn, RecordLimits limits, Func<InputRecord, ComplianceOptions, Severity?, RecordLimits, CheckResult> check)
    {
        // An NDJSON line is parsed here, on the thread that checks it; its document lives until the check is done.
        ParsedRecord parsed;
        try
        {
            parsed = EncounterSource.Parse(record, limits);
        }
#pragma warning disable CA1031 // Per-record isolation: one record's defect must not lose the rest of the run.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return Failed(record with { Utf8Line = null }, e);
        }

        using (parsed)
        {
            try
            {
                return check(parsed.Record, options, failOn, limits);
            }
#pragma warning disable CA1031 // Per-record isolation: one record's defect must not lose the rest of the run.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                return Failed(parsed.Record, e);
            }
        }
    }

    /// <summary>The result of a record whose reading or check threw: one TBR015 finding naming the exception type.</summary>
    private static CheckResult Failed(InputRecord record, Exception e)
    {
        var finding = DiagnosticDescriptors.InternalError.Create(string.Empty, new DiagnosticArgument("exception", e.GetType().Name));
        return new CheckResult(record.Index, record.Line, SafeId(record), false, null, [finding]);
    }

    private static readonly EncounterReadOptions s_strict = new() { Strict = true };

    public static CheckResult Check(InputRecord record, ComplianceOptions options, Severity? failOn, RecordLimits limits, bool strict = false)
    {
        if (record.Unparsed)
        {
            throw new ArgumentException("An NDJSON line is parsed first (EncounterSource.Parse), as CheckIsolated does.", nameof(record));
        }

        if (record.Refused is { } refused)
        {
            return new CheckResult(record.Index, record.Line, null, false, null, [refused]);
        }

        if (record.Malformed is null && !record.Scanned && limits.Check(record.Element) is { } tooLarge)
        {
            return new CheckResult(record.Index, record.Line, SafeId(record), false, null, [tooLarge]);
        }

        if (record.Malformed is { } at)
        {
            var malformed = DiagnosticDescriptors.InputMalformedRecord.Create(
                string.Empty,
                new DiagnosticArgument("line", at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new DiagnosticArgument("column", at.Column.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new CheckResult(record.Index, record.Line, null, false, null, [malformed]);
        }

        // The record's own bytes through the UTF-8 reader: its fast path builds the model without a document; anything
        // unusual is read from the bytes by the element path, so the result is the same either way.
        var read = EncounterJson.Read(record.Utf8Json, strict ? s_strict : EncounterReadOptions.Default);
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

    /// <summary>The record's <c>id</c> when it is a non-empty string, else <see langword="null"/>; never throws.</summary>
    private static string? SafeId(InputRecord record)
    {
        try
        {
            if (record.Scanned)
            {
                // A scanned line has no document; this is the rare path of a record whose check threw.
                using var document = System.Text.Json.JsonDocument.Parse(record.Utf8Line!.Value);
                return SafeId(record with { Scanned = false, Utf8Line = null, Element = document.RootElement });
            }

            return record.Malformed is null && record.Element.ValueKind == System.Text.Json.JsonValueKind.Object
                && record.Element.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String
                && id.GetString() is { Length: > 0 } text ? text : null;
        }
#pragma warning disable CA1031 // A name for the report only: a record whose id cannot be read is named by its position.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>Gets whether a result is bad input: a record that could not be read, or a field of the contract that is malformed (TBR002 and up; TBR001, an unknown code, is a finding about reference data).</summary>
    public static bool IsInputError(CheckResult result) =>
        result.Report is null || result.Diagnostics.Any(IsInputDiagnostic);

    /// <summary>Gets the first input diagnostic of a result, for the one-line error on standard error.</summary>
    public static Diagnostic? FirstInputDiagnostic(CheckResult result) => result.Diagnostics.FirstOrDefault(IsInputDiagnostic);

    private static bool IsInputDiagnostic(Diagnostic d) =>
        d.Severity == Severity.Error && d.Id.StartsWith("TBR0", StringComparison.Ordinal) && !string.Equals(d.Id, DiagnosticIds.UnknownCode, StringComparison.Ordinal);

    /// <summary>Parses <c>--fail-on</c>: <c>error</c>, <c>warning</c>, <c>info</c> or <c>never</c> (<see langword="null"/>).</summary>
    public static Severity? ParseFailOn(string text) =>
        string.Equals(text, "never", StringComparison.OrdinalIgnoreCase) ? null
        : SeverityText.TryParse(text, out var severity) ? severity
        : throw new CliInputException($"--fail-on must be error, warning, info or never.");
}
