using System.CommandLine;
using System.Globalization;

namespace TherapyBilling.Rules.Cli;

/// <summary><c>therapy-rules check &lt;file|-&gt;</c>: checks every encounter of a JSON or NDJSON input and writes the results.</summary>
internal static class CheckCommand
{
    private const int ProgressEvery = 10_000;

    /// <summary>The largest <c>--parallel</c>.</summary>
    public const int MaxParallel = 256;

    public static Command Build(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The input: a JSON document { \"encounters\": [ ... ] }, or NDJSON (one encounter per line; .ndjson/.jsonl or --input-format ndjson). '-' reads standard input." };
        var inputFormat = new Option<string?>("--input-format") { Description = "json, ndjson or fhir (a FHIR R4 Bundle, or FHIR NDJSON for .ndjson/.jsonl files); by default .ndjson/.jsonl files are NDJSON and anything else is JSON." };
        inputFormat.AcceptOnlyFromAmong("json", "ndjson", FhirCheckCommand.Name);
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json, ndjson, junit, html (one self-contained page: summary, chart, filterable encounter table) or fhir (OperationOutcomes: a Bundle, or one per line for NDJSON input).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "ndjson", "junit", "html", FhirCheckCommand.Name);
        var output = new Option<string?>("--output", "-o") { Description = "Write the results to this file instead of standard output." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 (and mark the encounter fail) when a finding is at or above this severity: error, warning, info or never (any case).", DefaultValueFactory = _ => "error" };
        failOn.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !FailOnValues.Contains(result.Tokens[0].Value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--fail-on must be error, warning, info or never, not '{Printable.Of(CliText.Excerpt(result.Tokens[0].Value, 40))}'.");
            }
        });
        failOn.CompletionSources.Add(FailOnValues);
        var catalog = new Option<string?>("--catalog") { Description = "A code catalog file in the library's tab-separated format, in place of the shipped catalog." };

        var ptpFile = new Option<string[]>("--ptp-file") { Description = "The CMS practitioner PTP release in place of the shipped pair table: the release zip as downloaded, a folder, or a part (ccipra-v321r0-f1.txt). Repeat for several parts.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var mueFile = new Option<string[]>("--mue-file") { Description = "The CMS practitioner MUE file (CSV), a folder or the zip as downloaded; without it MUE limits are not checked. Repeatable.", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var payerProfiles = new Option<string?>("--payer-profiles") { Description = "A payer-profile JSON file (schemas/payer-profile.schema.json); its profiles are added to the shipped ones, replacing those with the same id." };

        var strict = new Option<bool>("--strict") { Description = "Read strictly: a property the input contract does not name is an error (TBR018), not an info. Misspelt known properties (TBR017) are errors either way." };
        var today = new Option<string?>("--today") { Description = "The date the overdue-report and certification clocks count to (YYYY-MM-DD); without it those findings are not checked." };
        var config = new Option<string?>("--config") { Description = "A configuration file (therapy-rules.json in the working directory is read when present); command-line options beat it." };
        var parallel = new Option<int>("--parallel") { Description = "Check records on this many worker threads (default: the number of cores); the output is in input order whatever the number. 1 checks them one after the other on one thread.", DefaultValueFactory = _ => Environment.ProcessorCount };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxParallel)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--parallel must be from 1 to {MaxParallel}."));
            }
        });
        var limits = new RecordLimitOptions();
        var command = new Command("check", "Check encounters and report lines, units and findings.") { file, inputFormat, format, output, failOn, catalog, ptpFile, mueFile, payerProfiles, today, config };
        limits.AddTo(command);
        command.Options.Add(strict);
        command.Options.Add(parallel);
        command.SetAction(parsed =>
        {
            var settings = ConfigFile.Load(parsed.GetValue(config));
            bool failOnGiven = parsed.GetResult(failOn) is { Implicit: false };
            string failOnText = failOnGiven || settings is null ? parsed.GetValue(failOn)!
                : settings.FailOnNever ? "never" : settings.FailOn is { } s ? SeverityText.Of(s) : parsed.GetValue(failOn)!;
            string[] ptp = parsed.GetValue(ptpFile) is { Length: > 0 } given ? given : settings is null ? [] : [.. settings.PtpFiles];
            string[] mue = parsed.GetValue(mueFile) is { Length: > 0 } givenMue ? givenMue : settings?.MueFile is { } m ? [m] : [];
            return Run(
                console,
                parsed.GetValue(file)!,
                parsed.GetValue(inputFormat),
                parsed.GetValue(format)!,
                parsed.GetValue(output),
                failOnText,
                new ReferenceFiles(parsed.GetValue(catalog) ?? settings?.Catalog, ptp, parsed.GetValue(payerProfiles) ?? settings?.PayerProfiles) { MueFiles = mue },
                limits.From(parsed),
                parsed.GetValue(strict),
                TodayOption.Parse(parsed.GetValue(today)),
                settings,
                parsed.GetValue(parallel));
        });
        return command;
    }

    private static readonly string[] FailOnValues = ["error", "warning", "info", "never"];

    public static int Run(CliConsole console, string file, string? inputFormat, string format, string? outputPath, string failOnText, ReferenceFiles reference, RecordLimits? limits = null, bool strict = false, NodaTime.LocalDate? today = null, ComplianceConfig? settings = null, int parallel = 1)
    {
        var failOn = Checker.ParseFailOn(failOnText);
        var options = ReferenceDataLoader.Load(reference.Catalog, reference.PtpFiles, reference.PayerProfiles, reference.MueFiles);
        options = settings?.ApplyTo(options) ?? options;
        options = today is null ? options : options with { Today = today };
        if (FhirCheckCommand.Applies(inputFormat, format))
        {
            return FhirCheckCommand.Run(console, file, inputFormat, format, outputPath, failOn, options, limits, strict);
        }

        bool stdin = file == "-";
        if (outputPath is not null && (stdin ? SameFileAs.StandardInput(console, outputPath) : SameFileAs.Paths(file, outputPath)))
        {
            // Opening the output truncates it: writing over the input would destroy the input before it is read.
            throw new CliInputException($"{Printable.Of(outputPath)}: --output names the input file (the same file under another name counts: a link or a mount); write the results to another file.");
        }

        string inputName = stdin ? "<stdin>" : file;
        var input = stdin ? console.In : OpenInput(file);
        try
        {
            limits ??= RecordLimits.Default;
            var records = EncounterSource.Read(input, EncounterSource.Detect(inputFormat, file), inputName, limits);
            var run = new RunInfo(CliApp.Version, options.DescribeReferenceData(), failOn, stdin ? "stdin" : Path.GetFileName(file)) { InputDisplayName = inputName, Strict = strict };
            return outputPath is null
                ? Write(console, console.Out, color: console.OutIsTerminal && !console.NoColor, format, run, records, options, limits, parallel)
                : WriteToFile(console, outputPath, format, run, records, options, limits, parallel);
        }
        finally
        {
            if (!stdin)
            {
                input.Dispose();
            }
        }
    }

    private static FileStream OpenInput(string file)
    {
        try
        {
            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"{file}: cannot read the input ({ReferenceDataLoader.Describe(e)}).", e);
        }
    }

    private static int WriteToFile(CliConsole console, string path, string format, RunInfo run, IEnumerable<InputRecord> records, ComplianceOptions options, RecordLimits limits, int parallel)
    {
        FileStream stream;
        try
        {
            // -o reports/x.xml: the folder is created when it does not exist.
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"{Printable.Of(path)}: cannot write the output ({ReferenceDataLoader.Describe(e)}).", e);
        }

        bool complete = false;
        try
        {
            int code = Write(console, stream, color: false, format, run, records, options, limits, parallel);
            complete = true;
            return code;
        }
        finally
        {
            stream.Dispose();
            if (!complete)
            {
                // A truncated report must not be mistaken for a complete one (for example by a CI test reporter).
                File.Delete(path);
            }
        }
    }

    private static int Write(CliConsole console, Stream stream, bool color, string format, RunInfo run, IEnumerable<InputRecord> records, ComplianceOptions options, RecordLimits limits, int parallel)
    {
        using IReportWriter writer = format switch
        {
            "json" => new JsonReportWriter(stream, lines: false),
            "ndjson" => new JsonReportWriter(stream, lines: true),
            "junit" => new JunitReportWriter(stream),
            "html" => new HtmlReportWriter(stream),
            _ => new TextReportWriter(stream, color, console.Width),
        };

        // On a terminal each result is shown as it is checked; into a file or a pipe the stream's buffer decides.
        bool live = stream == console.Out && console.OutIsTerminal;
        var summary = new CheckSummary();
        int inputErrors = 0;
        bool progress = console.ErrorIsTerminal;
        bool begun = false;
        // Under --parallel, a writer that can renders each result on the worker that checked it; the bytes are the same.
        var renderer = parallel > 1 && writer is IResultRenderer { CanRender: true } r ? r : null;
        foreach (var (result, rendered) in CheckAll(records, options, run, limits, parallel, renderer))
        {
            if (!begun)
            {
                writer.Begin(run);
                begun = true;
            }

            summary.Add(result);
            if (rendered is null)
            {
                writer.Write(result);
            }
            else
            {
                renderer!.WriteRendered(rendered);
            }

            if (live)
            {
                stream.Flush();
            }

            if (Checker.IsInputError(result))
            {
                inputErrors++;
                ReportInputError(console, run, result, progress);
            }

            if (progress && summary.Encounters % ProgressEvery == 0)
            {
                console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{RunInfo.ToolName}: {summary.Encounters} encounters checked"));
                console.Error.Flush();
            }
        }

        if (!begun)
        {
            writer.Begin(run);
        }

        if (progress && summary.Encounters >= ProgressEvery)
        {
            console.Error.Write("\r" + new string(' ', 60) + "\r");
        }

        writer.End(summary);
        return inputErrors > 0 ? CliApp.ExitInputError
            : summary.Failed > 0 && run.FailOn is not null ? CliApp.ExitFindings
            : CliApp.ExitOk;
    }

    /// <summary>
    /// The results of the records in input order: one after the other on this thread for <c>--parallel 1</c>, else on
    /// <paramref name="parallel"/> workers with a bounded reorder window (<see cref="OrderedParallel"/>); each record
    /// is still checked in isolation (<see cref="Checker.CheckIsolated(InputRecord, ComplianceOptions, Severity?, RecordLimits, bool)"/>).
    /// </summary>
    private static IEnumerable<(CheckResult Result, byte[]? Rendered)> CheckAll(IEnumerable<InputRecord> records, ComplianceOptions options, RunInfo run, RecordLimits limits, int parallel, IResultRenderer? renderer)
    {
        CheckResult Check(InputRecord record) => Checker.CheckIsolated(record, options, run.FailOn, limits, run.Strict);
        (CheckResult, byte[]?) CheckAndRender(InputRecord record)
        {
            var result = Check(record);
            return (result, renderer?.Render(result));
        }

        return parallel <= 1
            ? records.Select(record => (Check(record), (byte[]?)null))
            : OrderedParallel.Select(records, Own, CheckAndRender, parallel, parallel * OrderedParallel.WindowPerWorker);
    }

    /// <summary>A record that outlives the reader's buffer (and the JSON document): an NDJSON line's bytes copied, or a document's element cloned.</summary>
    private static InputRecord Own(InputRecord record) =>
        record.Utf8Line is { } line ? record with { Utf8Line = line.ToArray() }
        : record.Malformed is null && record.Refused is null ? record with { Element = record.Element.Clone() }
        : record;

    /// <summary>One line on standard error per bad record, naming where it is; never the input's values.</summary>
    private static void ReportInputError(CliConsole console, RunInfo run, CheckResult result, bool progress)
    {
        string prefix = (progress ? "\r" : string.Empty) + RunInfo.ToolName + ": " + run.InputDisplayName;
        var first = Checker.FirstInputDiagnostic(result);
        if (first?.Id == DiagnosticIds.InputMalformedRecord)
        {
            string line = first.GetArgument("line") ?? "?", column = first.GetArgument("column") ?? "?";
            console.Error.WriteLine($"{prefix}:{line}:{column}: malformed JSON at line {line}, column {column}; fix the syntax there (the other lines were checked).");
            return;
        }

        string where = result.Line is int at
            ? string.Create(CultureInfo.InvariantCulture, $":{at}")
            : string.Create(CultureInfo.InvariantCulture, $": encounters[{result.Index}]");
        string what = first is null ? "the record could not be read" : $"{first.Id} at {(first.Path.Length == 0 ? "(record)" : first.Path)}: {Printable.Of(first.Message)}";
        console.Error.WriteLine($"{prefix}{where}: {(result.Id is null ? string.Empty : "encounter " + Printable.Of(result.Id) + ": ")}input error {what}");
    }

    /// <summary>The reference-data files named on the command line (each <see langword="null"/> for the shipped data).</summary>
    public sealed record ReferenceFiles(string? Catalog, IReadOnlyList<string> PtpFiles, string? PayerProfiles)
    {
        /// <summary>Gets the <c>--mue-file</c> paths (empty: MUE not checked).</summary>
        public IReadOnlyList<string> MueFiles { get; init; } = [];
    }
}
