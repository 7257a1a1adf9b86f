using System.CommandLine;

namespace TherapyBilling.Rules.Cli;

/// <summary><c>therapy-rules explain TBR303</c>: prints the diagnostic's page, embedded in the library (like <c>rustc --explain</c>).</summary>
internal static class ExplainCommand
{
    public static Command Build(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The diagnostic id, such as TBR303." };
        var command = new Command("explain", "Print the documentation page of a diagnostic id.") { id };
        command.SetAction(parsed => Run(console, parsed.GetValue(id)!));
        return command;
    }

    public static int Run(CliConsole console, string id)
    {
        string normalized = id.Trim().ToUpperInvariant();
        if (DiagnosticDescriptors.Find(normalized)?.HelpText is not { } text)
        {
            // Never echo the argument back: it is one line naming the problem, like every input error.
            throw new CliInputException("explain: no diagnostic with that id; ids look like TBR303 (see docs/diagnostics/README.md).");
        }

        console.Out.Write(System.Text.Encoding.UTF8.GetBytes(text));
        return CliApp.ExitOk;
    }
}
