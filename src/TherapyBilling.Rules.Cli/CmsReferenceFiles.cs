namespace TherapyBilling.Rules.Cli;

/// <summary>Loads the NCCI files CMS publishes (<c>--ptp-file</c>, <c>--mue-file</c>): each path a file, a folder or the zip as downloaded.</summary>
/// <remarks>A bad or empty file is an input error (exit 2) on one line naming the file, the zip entry and the line, with at most a short excerpt of its text.</remarks>
internal static class CmsReferenceFiles
{
    /// <summary>The longest message printed for a bad reference file.</summary>
    private const int MaxMessageLength = 400;

    /// <summary>Loads the CMS practitioner PTP release in place of the shipped pair table.</summary>
    /// <param name="paths">Parts, folders or zips.</param>
    /// <returns>The merged table; its version is the release name and its source the paths as given.</returns>
    public static PtpEditTable LoadPairTable(IReadOnlyList<string> paths) =>
        Load(paths, "PTP", () => PtpEditTable.LoadCms(paths));

    /// <summary>Loads the CMS practitioner MUE table.</summary>
    /// <param name="paths">CSV files, folders or zips.</param>
    /// <returns>The table.</returns>
    public static MueTable LoadMueTable(IReadOnlyList<string> paths) =>
        Load(paths, "MUE", () => MueTable.LoadCms(paths));

    private static T Load<T>(IReadOnlyList<string> paths, string what, Func<T> load)
    {
        foreach (string path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new CliInputException($"{path}: cannot read the {what} file (file not found).");
            }
        }

        try
        {
            return load();
        }
        catch (ReferenceDataException e)
        {
            string zeroLine = e.SourceName + ":0: ";
            string message = e.LineNumber == 0 && e.SourceName.Length > 0 && e.Message.StartsWith(zeroLine, StringComparison.Ordinal)
                ? e.SourceName + ": " + e.Message[zeroLine.Length..]
                : e.Message;
            message = Printable.Of(message.ReplaceLineEndings(" "));
            if (message.Length > MaxMessageLength)
            {
                message = message[..MaxMessageLength] + "…";
            }

            throw new CliInputException($"{message} (bad {what} file)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliInputException($"{string.Join(", ", paths)}: cannot read the {what} file ({ReferenceDataLoader.Describe(e)}).", e);
        }
    }
}
