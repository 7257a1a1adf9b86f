using System.Diagnostics;

namespace TherapyBilling.Rules.Cli.Tests.Support;

/// <summary>Runs a program as a real process in a given folder, with standard input closed.</summary>
public static class ToolProcess
{
    /// <summary>Gets the command that runs the built tool: <c>dotnet &lt;the CLI's dll&gt;</c>.</summary>
    public static string[] Tool { get; } = ["dotnet", typeof(CliApp).Assembly.Location];

    public static (int ExitCode, string Stdout, string Stderr) Run(string workingDirectory, IEnumerable<string> command, params (string Name, string Value)[] environment)
    {
        var parts = command.ToList();
        var info = new ProcessStartInfo(parts[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in parts.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
