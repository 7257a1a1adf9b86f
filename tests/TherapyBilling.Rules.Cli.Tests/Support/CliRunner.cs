using System.Reflection;
using System.Text;

namespace TherapyBilling.Rules.Cli.Tests.Support;

/// <summary>The outcome of one in-process run of the tool.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs <c>therapy-rules</c> in-process with memory streams for stdin, stdout and stderr.</summary>
public static class CliRunner
{
    public static readonly string RepoDir = Metadata("RepoDir");
    public static readonly string ProjectDir = Metadata("ProjectDir");
    public static readonly string CorpusDir = Path.Combine(ProjectDir, "Corpus");

    public static string Corpus(string name) => Path.Combine(CorpusDir, name);

    public static CliRun Run(params string[] args) => Run(args, stdin: null);

    public static CliRun Run(string[] args, string? stdin, bool outIsTerminal = false, bool errorIsTerminal = false, bool noColor = false)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty));
        using var output = new MemoryStream();
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(input, output, error, outIsTerminal, errorIsTerminal, noColor, CliConsole.PlainWidth);
        int code = CliApp.Run(args, console);
        return new CliRun(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static CliRun Run(string[] args, Stream stdin, Stream stdout)
    {
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(stdin, stdout, error, false, false, false, CliConsole.PlainWidth);
        int code = CliApp.Run(args, console);
        return new CliRun(code, string.Empty, error.ToString());
    }

    /// <summary>Replaces the tool version so golden files survive a version bump.</summary>
    public static string Scrub(string text) => text.Replace(CliApp.Version, "{version}", StringComparison.Ordinal);

    private static string Metadata(string key) => typeof(CliRunner).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
