using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Issue 12: <c>--output</c> naming the input under any name is refused before anything is opened for writing.</summary>
public sealed class OutputIdentityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-out-{Guid.NewGuid():N}");
    private readonly string _input;
    private readonly string _content = File.ReadAllText(Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.json"));

    public OutputIdentityTests()
    {
        Directory.CreateDirectory(_dir);
        _input = Path.Combine(_dir, "in.json");
        File.WriteAllText(_input, _content);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Output_SamePath_Refused() => AssertRefused(_input);

    [Fact]
    public void Output_RelativeSpellingOfTheInput_Refused() => AssertRefused(Path.Combine(_dir, ".", "..", Path.GetFileName(_dir), "in.json"));

    [Fact]
    public void Output_SymbolicLinkToTheInput_Refused()
    {
        string link = Path.Combine(_dir, "link.json");
        File.CreateSymbolicLink(link, _input);
        AssertRefused(link);
    }

    [Fact]
    public void Output_HardLinkToTheInput_Refused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the identity check is Linux's (device and inode); elsewhere paths are compared
        }

        string link = Path.Combine(_dir, "hard.json");
        var ln = System.Diagnostics.Process.Start("ln", [_input, link]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
        AssertRefused(link);
    }

    [Fact]
    public void Output_TheFileStandardInputIsRedirectedFrom_Refused()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // therapy-rules check - -o in.json < in.json: a real process, so standard input is a file descriptor.
        string dll = typeof(CliApp).Assembly.Location;
        var info = new System.Diagnostics.ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec dotnet \"$0\" check - -o \"$1\" < \"$1\"");
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(_input);
        using var process = System.Diagnostics.Process.Start(info)!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--output names the input file", stderr, StringComparison.Ordinal);
        Assert.Equal(_content, File.ReadAllText(_input));
    }

    [Fact]
    public void Output_AnotherFileWithTheSameContent_Allowed()
    {
        string other = Path.Combine(_dir, "other.json");
        File.WriteAllText(other, _content);
        var run = CliRunner.Run("check", _input, "-o", other, "--fail-on", "never");
        Assert.Equal(0, run.ExitCode);
        Assert.NotEqual(_content, File.ReadAllText(other));
    }

    [Fact]
    public void Identity_SameFileTwoNames_Equal_DifferentFiles_NotEqual()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var a = SameFileAs.Identity(-100, _input, 0);
        Assert.NotNull(a);
        Assert.Equal(a, SameFileAs.Identity(-100, Path.Combine(_dir, "..", Path.GetFileName(_dir), "in.json"), 0));
        string other = Path.Combine(_dir, "other.json");
        File.WriteAllText(other, "x");
        Assert.NotEqual(a, SameFileAs.Identity(-100, other, 0));
        Assert.Null(SameFileAs.Identity(-100, Path.Combine(_dir, "missing.json"), 0));
    }

    private void AssertRefused(string output)
    {
        var run = CliRunner.Run("check", _input, "-o", output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output names the input file", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(_content, File.ReadAllText(_input));
    }
}
