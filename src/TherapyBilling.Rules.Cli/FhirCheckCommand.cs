using System.Collections.Immutable;
using System.Globalization;
using TherapyBilling.Rules.Fhir;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// <c>check</c> with <c>--input-format fhir</c> or <c>--format fhir</c>: FHIR R4 in (a Bundle or FHIR NDJSON), and/or
/// OperationOutcomes out. Every other option works as for the JSON contract.
/// </summary>
internal static class FhirCheckCommand
{
    public const string Name = "fhir";

    public static bool Applies(string? inputFormat, string format) => inputFormat == Name || format == Name;

    public static int Run(CliConsole console, string file, string? inputFormat, string format, string? outputPath, Severity? failOn, ComplianceOptions options, RecordLimits? limits = null, bool strict = false)
    {
        limits ??= RecordLimits.Default;
        bool stdin = file == "-";
        if (outputPath is not null && (stdin ? SameFileAs.StandardInput(console, outputPath) : SameFileAs.Paths(file, outputPath)))
        {
            throw new CliInputException($"{Printable.Of(outputPath)}: --output names the input file (the same file under another name counts: a link or a mount); write the results to another file.");
        }

        string inputName = stdin ? "<stdin>" : file;
        bool fhirInput = inputFormat == Name;
        bool ndjson = !fhirInput && EncounterSource.Detect(inputFormat, file) == InputFormat.Ndjson;
        var run = new RunInfo(CliApp.Version, options.DescribeReferenceData(), failOn, stdin ? "stdin" : Path.GetFileName(file)) { InputDisplayName = inputName };
        var input = stdin ? console.In : Open(file);
        try
        {
            IEnumerable<CheckResult> results;
            if (fhirInput)
            {
                (var read, ndjson) = FhirInput.Read(input, inputName);
                results = FromFhir(read, options, failOn);
            }
            else
            {
                results = EncounterSource.Read(input, ndjson ? InputFormat.Ndjson : InputFormat.Json, inputName, limits).Select(r => Checker.CheckIsolated(r, options, failOn, limits, strict));
            }

            if (outputPath is null)
            {
                return Write(console, console.Out, format, ndjson, run, results, fhirInput);
            }

            using var stream = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            return Write(console, stream, format, ndjson, run, results, fhirInput);
        }
        finally
        {
            if (!stdin)
            {
                input.Dispose();
            }
        }
    }

    /// <summary>Checks each mapped encounter; findings get FHIRPaths. Findings no encounter owns become results of their own (input errors).</summary>
    private static IEnumerable<CheckResult> FromFhir(FhirReadResult read, ComplianceOptions options, Severity? failOn)
    {
        int index = 0;
        foreach (var encounter in read.Encounters)
        {
            EncounterReport? report = encounter.Encounter is { } e ? ComplianceEngine.Check(e, options) : null;
            ImmutableArray<Diagnostic> diagnostics = report is null
                ? encounter.Diagnostics
                : DiagnosticOrder.Sort(encounter.Diagnostics.Concat(encounter.ToFhirPaths(report.Diagnostics)));
            // As for the JSON contract: the verdict at the threshold, and at error under "never" (an error never passes).
            var threshold = failOn ?? Severity.Error;
            bool passed = report is not null && !diagnostics.Any(d => d.Severity >= threshold);
            yield return new CheckResult(index++, null, encounter.Id, passed, report, diagnostics);
        }

        foreach (var unattached in read.Unattached)
        {
            yield return new CheckResult(index++, null, null, false, null, [unattached]);
        }
    }

    private static int Write(CliConsole console, Stream stream, string format, bool ndjson, RunInfo run, IEnumerable<CheckResult> results, bool fhirInput)
    {
        using IReportWriter writer = format switch
        {
            Name => new FhirReportWriter(stream, lines: ndjson),
            "json" => new JsonReportWriter(stream, lines: false),
            "ndjson" => new JsonReportWriter(stream, lines: true),
            "junit" => new JunitReportWriter(stream),
            "html" => new HtmlReportWriter(stream),
            _ => new TextReportWriter(stream, color: false, console.Width),
        };

        var summary = new CheckSummary();
        int inputErrors = 0;
        writer.Begin(run);
        foreach (var result in results)
        {
            summary.Add(result);
            writer.Write(result);
            if (fhirInput ? IsFhirInputError(result) : Checker.IsInputError(result))
            {
                inputErrors++;
                var first = result.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) ?? result.Diagnostics.FirstOrDefault();
                string who = result.Id is null ? string.Empty : "encounter " + Printable.Of(result.Id) + ": ";
                string what = first is null ? "the record could not be read" : $"{first.Id} at {(first.Path.Length == 0 ? "(record)" : first.Path)}: {Printable.Of(first.Message)}";
                console.Error.WriteLine($"{RunInfo.ToolName}: {run.InputDisplayName}: {who}input error {what}");
            }
        }

        writer.End(summary);
        return inputErrors > 0 ? CliApp.ExitInputError
            : summary.Failed > 0 && run.FailOn is not null ? CliApp.ExitFindings
            : CliApp.ExitOk;
    }

    /// <summary>A FHIR result is bad input when it could not be checked, or when an input finding (not TBR001) is an error.</summary>
    private static bool IsFhirInputError(CheckResult result) =>
        result.Report is null || result.Diagnostics.Any(static d => d.Severity == Severity.Error
            && string.Equals(d.Descriptor.Category, "Input", StringComparison.Ordinal)
            && !string.Equals(d.Id, DiagnosticIds.UnknownCode, StringComparison.Ordinal));

    private static FileStream Open(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException(string.Create(CultureInfo.InvariantCulture, $"{file}: cannot read the input ({ReferenceDataLoader.Describe(e)})."), e);
        }
    }
}
