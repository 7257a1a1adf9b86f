namespace TherapyBilling.Rules.Cli;

/// <summary>Loads the reference data named on the command line into <see cref="ComplianceOptions"/>: one method per kind of table.</summary>
/// <remarks>A bad file is an input error (exit 2) whose message names the file and the 1-based line.</remarks>
internal static class ReferenceDataLoader
{
    /// <summary>Builds the options from the reference-data options of the command line.</summary>
    /// <param name="catalogPath">The <c>--catalog</c> file, or <see langword="null"/> for the shipped catalog.</param>
    /// <returns>The options.</returns>
    /// <exception cref="CliInputException">A file is missing or malformed.</exception>
    public static ComplianceOptions Load(string? catalogPath)
    {
        var options = ComplianceOptions.Default;
        if (catalogPath is not null)
        {
            options = options with { Catalog = LoadCatalog(catalogPath) };
        }

        return options;
    }

    /// <summary>Loads a code catalog in the library's tab-separated format.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The catalog; its source is the path as given.</returns>
    public static CodeCatalog LoadCatalog(string path) =>
        Read(path, "code catalog", reader => CodeCatalog.Load(reader, path));

    private static T Read<T>(string path, string what, Func<TextReader, T> load)
    {
        StreamReader reader;
        try
        {
            reader = new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"{path}: cannot read the {what} file ({Describe(e)}).", e);
        }

        using (reader)
        {
            try
            {
                return load(reader);
            }
            catch (ReferenceDataException e)
            {
                // The loader's message is "<file>:<line>: <problem>".
                throw new CliInputException($"{e.Message} (bad {what} file)", e);
            }
            catch (IOException e)
            {
                throw new CliInputException($"{path}: cannot read the {what} file ({Describe(e)}).", e);
            }
        }
    }

    internal static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "file not found",
        DirectoryNotFoundException => "folder not found",
        UnauthorizedAccessException => "access denied",
        _ => e.GetType().Name,
    };
}
