using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;

namespace TherapyBilling.Rules.Cli;

/// <summary><c>therapy-rules units [--method cms|ama] 97535=5 97535=3 97530=25</c>: the lines, the total and the explanation, for a person at a terminal.</summary>
internal static class UnitsCommand
{
    public static Command Build(CliConsole console)
    {
        var segments = new Argument<string[]>("segments") { Description = "One CODE=MINUTES per segment, e.g. 97535=5 97535=3 97530=25 (a code may repeat).", Arity = ArgumentArity.OneOrMore };
        var method = new Option<string>("--method", "-m") { Description = "cms (CMS 8-minute rule) or ama (AMA per-code method).", DefaultValueFactory = _ => "cms" };
        method.AcceptOnlyFromAmong("cms", "ama");
        var catalog = new Option<string?>("--catalog") { Description = "A code catalog file in the library's tab-separated format, in place of the shipped catalog." };
        var command = new Command("units", "Work out units for a day's minutes and explain every unit.") { segments, method, catalog };
        command.SetAction(parsed => Run(console, parsed.GetValue(segments)!, parsed.GetValue(method)!, parsed.GetValue(catalog)));
        return command;
    }

    public static int Run(CliConsole console, string[] arguments, string methodText, string? catalogPath)
    {
        var method = methodText == "ama" ? UnitMethod.Ama : UnitMethod.Cms;
        var parsedSegments = new List<TreatmentSegment>();
        foreach (string argument in arguments)
        {
            parsedSegments.Add(ParseSegment(argument));
        }

        var options = new UnitCalculationOptions { Catalog = ReferenceDataLoader.Load(catalogPath).Catalog };
        var result = UnitCalculator.Calculate(parsedSegments, method, options);
        if (result.Diagnostics.FirstOrDefault(d => d.Id == DiagnosticIds.UnknownCode) is { } unknown)
        {
            // An unknown code's minutes are not counted: a total without them would be a wrong answer, not a partial one.
            throw new CliInputException($"units: {Printable.Of(unknown.Message)}");
        }

        bool color = console.OutIsTerminal && !console.NoColor;
        using var text = new StreamWriter(console.Out, new UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
        var ansi = TextReportWriter.CreateConsole(text, color, console.Width);
        var table = TextReportWriter.NewTable("Code", "Minutes", "Units");
        foreach (var line in result.Lines)
        {
            string kind = line.Kind switch { CodeKind.Timed => "timed", CodeKind.Untimed => "untimed", _ => "unknown" };
            table.AddRow(
                new Text($"{line.Code} ({kind})"),
                new Text(line.Minutes.ToString(CultureInfo.InvariantCulture)),
                new Text(line.Units.ToString(CultureInfo.InvariantCulture)));
        }

        table.AddRow(new Text("Total", new Style(decoration: Decoration.Bold)), new Text(result.TimedMinutes.ToString(CultureInfo.InvariantCulture) + " timed"), new Text(result.TotalUnits.ToString(CultureInfo.InvariantCulture), new Style(decoration: Decoration.Bold)));
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        ansi.Write(table);
        // The explanation is plain text, one sentence per line, never wrapped (people copy it into notes).
        text.Write(result.Explain());
        foreach (var d in result.Diagnostics)
        {
            text.Write($"{SeverityText.Of(d.Severity)} {d.Id}: {d.Message}\n");
        }

        text.Flush();
        return CliApp.ExitOk;
    }

    private static TreatmentSegment ParseSegment(string argument)
    {
        int at = argument.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0
            || !CptCode.TryParse(argument.AsSpan(0, at).Trim(), out var code)
            || !int.TryParse(argument.AsSpan(at + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int minutes)
            || minutes > EncounterJson.MaxSegmentMinutes)
        {
            throw new CliInputException($"units: each segment is CODE=MINUTES with a CPT/HCPCS code and 0 to {EncounterJson.MaxSegmentMinutes} whole minutes, e.g. 97535=23; '{argument}' is not.");
        }

        return TreatmentSegment.FromMinutes(code, minutes);
    }
}
