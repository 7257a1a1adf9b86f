namespace TherapyBilling.Rules.Cli;

/// <summary>The process's standard streams and what is known about them, so the tool can run in-process in tests.</summary>
/// <param name="In">Standard input.</param>
/// <param name="Out">Standard output (binary; text is written as UTF-8).</param>
/// <param name="Error">Standard error.</param>
/// <param name="OutIsTerminal">Whether standard output is a terminal (colour is allowed only then).</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (the progress indicator is shown only then).</param>
/// <param name="NoColor">Whether <c>NO_COLOR</c> is set to a non-empty value.</param>
/// <param name="Width">The terminal width for tables.</param>
/// <param name="InputFileDescriptor">The file descriptor behind <paramref name="In"/> when it is the process's own standard input (0), so <c>--output</c> can be compared with it; else <see langword="null"/>.</param>
internal sealed record CliConsole(Stream In, Stream Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal, bool NoColor, int Width, int? InputFileDescriptor = null)
{
    /// <summary>The table width used when output is not a terminal, so redirected text is the same everywhere.</summary>
    public const int PlainWidth = 120;

    /// <summary>Gets the console of the current process.</summary>
    /// <returns>The console.</returns>
    public static CliConsole FromSystem()
    {
        bool outIsTerminal = !Console.IsOutputRedirected;
        int width = PlainWidth;
        if (outIsTerminal)
        {
            try
            {
                width = Math.Max(60, Console.WindowWidth);
            }
            catch (IOException)
            {
                width = PlainWidth;
            }
        }

        return new CliConsole(
            Console.OpenStandardInput(),
            new BufferedStream(Console.OpenStandardOutput(), 1 << 16),
            Console.Error,
            outIsTerminal,
            !Console.IsErrorRedirected,
            !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
            width,
            InputFileDescriptor: 0);
    }
}
