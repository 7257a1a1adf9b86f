using System.CommandLine;
using System.Reflection;

namespace TherapyBilling.Rules.Cli;

/// <summary>The <c>therapy-rules</c> command line: <c>check</c>, <c>units</c> and <c>schema</c>.</summary>
/// <remarks>
/// Exit codes: 0 when nothing is at or above <c>--fail-on</c>; 1 when something is; 2 for usage or input errors.
/// Errors are one line on standard error, never a stack trace.
/// </remarks>
internal static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFindings = 1;
    public const int ExitInputError = 2;

    /// <summary>Gets the tool's version (the package version, without the commit).</summary>
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="console">The standard streams.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, CliConsole console)
    {
        var stdout = new StreamWriter(console.Out, new System.Text.UTF8Encoding(false), 4096, leaveOpen: true) { NewLine = "\n" };
        try
        {
            var root = BuildCommand(console);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    console.Error.WriteLine($"{RunInfo.ToolName}: {error.Message.ReplaceLineEndings(" ").Replace('\t', ' ')}");
                }

                console.Error.WriteLine($"{RunInfo.ToolName}: see '{RunInfo.ToolName} --help'.");
                return ExitInputError;
            }

            int code = parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = console.Error, EnableDefaultExceptionHandler = false });
            return code;
        }
        catch (CliInputException e)
        {
            console.Error.WriteLine($"{RunInfo.ToolName}: {e.Message}");
            return ExitInputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"{RunInfo.ToolName}: I/O error ({ReferenceDataLoader.Describe(e)}).");
            return ExitInputError;
        }
#pragma warning disable CA1031 // The tool must never print a stack trace: input can hold patient data.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"{RunInfo.ToolName}: internal error ({e.GetType().Name}); please report it with the command line (not the input).");
            return ExitInputError;
        }
        finally
        {
            stdout.Flush();
            console.Out.Flush();
            console.Error.Flush();
        }
    }

    private static Command BuildCommand(CliConsole console)
    {
        // A plain command named after the tool (a RootCommand is named after the executable, which is
        // TherapyBilling.Rules.Cli when run with dotnet), with the help and version options a RootCommand has.
        var root = new Command(RunInfo.ToolName, "therapy-rules: billing compliance checks for 15-minute timed therapy codes (CMS 8-minute rule, AMA units, code separation, documentation, payer rules).")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(CheckCommand.Build(console));
        root.Subcommands.Add(UnitsCommand.Build(console));
        root.Subcommands.Add(SchemaCommand.Build(console));
        root.Subcommands.Add(ExplainCommand.Build(console));
        return root;
    }
}
