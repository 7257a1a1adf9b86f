namespace TherapyBilling.Rules.Cli;

/// <summary>Loads the reference data named on the command line into <see cref="ComplianceOptions"/>: one method per kind of table.</summary>
/// <remarks>A bad file is an input error (exit 2) whose message names the file and the 1-based line.</remarks>
internal static class ReferenceDataLoader
{
    /// <summary>Builds the options from the reference-data options of the command line.</summary>
    /// <param name="catalogPath">The <c>--catalog</c> file, or <see langword="null"/> for the shipped catalog.</param>
    /// <param name="ptpPaths">The <c>--ptp-file</c> paths (parts, folders or the release zip); empty for the shipped pair table.</param>
    /// <param name="payerProfilesPath">The <c>--payer-profiles</c> file, or <see langword="null"/> for the shipped profiles only.</param>
    /// <param name="muePaths">The <c>--mue-file</c> paths (CSV, folder or zip); empty: MUE is not checked.</param>
    /// <returns>The options.</returns>
    /// <exception cref="CliInputException">A file is missing or malformed.</exception>
    public static ComplianceOptions Load(string? catalogPath, IReadOnlyList<string>? ptpPaths = null, string? payerProfilesPath = null, IReadOnlyList<string>? muePaths = null)
    {
        var options = ComplianceOptions.Default;
        if (catalogPath is not null)
        {
            options = options with { Catalog = LoadCatalog(catalogPath) };
        }

        if (ptpPaths is { Count: > 0 })
        {
            options = options with { PairTable = CmsReferenceFiles.LoadPairTable(ptpPaths) };
        }

        if (muePaths is { Count: > 0 })
        {
            options = options with { MueTable = CmsReferenceFiles.LoadMueTable(muePaths) };
        }

        if (payerProfilesPath is not null)
        {
            options = options with { PayerProfiles = LoadPayerProfiles(payerProfilesPath) };
        }

        return options;
    }

    /// <summary>Loads a code catalog in the library's tab-separated format.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The catalog; its source is the path as given.</returns>
    public static CodeCatalog LoadCatalog(string path) =>
        Read(path, "code catalog", reader => CodeCatalog.Load(reader, path));

    /// <summary>
    /// Loads payer profiles (JSON, <c>schemas/payer-profile.schema.json</c>) and adds them to the shipped ones: a profile
    /// with the same id (case-insensitive) replaces the shipped profile, so <c>medicare</c> and <c>commercial</c> stay
    /// available unless the file redefines them.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The profiles; the version is the file's <c>version</c> and the source the path as given.</returns>
    public static PayerProfiles LoadPayerProfiles(string path)
    {
        var loaded = ReadStream(path, "payer profiles", stream => PayerProfileJson.Load(stream, path));
        return PayerProfiles.Create(loaded.Version, loaded.Source, PayerProfileJson.Default.Profiles.Concat(loaded.Profiles));
    }

    private static T ReadStream<T>(string path, string what, Func<Stream, T> load)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"{path}: cannot read the {what} file ({Describe(e)}).", e);
        }

        using (stream)
        {
            try
            {
                return load(stream);
            }
            catch (ReferenceDataException e)
            {
                throw Bad(e, what);
            }
            catch (IOException e)
            {
                throw new CliInputException($"{path}: cannot read the {what} file ({Describe(e)}).", e);
            }
#pragma warning disable CA1031 // A loader defect must still be an input error of one short line, never an internal error.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                throw Unexpected(path, what, e);
            }
        }
    }

    /// <summary>One line: the loader's <c>file:line: problem</c>, or <c>file: problem</c> when the loader names a JSON path instead of a line.</summary>
    internal static CliInputException Bad(ReferenceDataException e, string what)
    {
        string zeroLine = e.SourceName + ":0: ";
        string message = e.LineNumber == 0 && e.SourceName.Length > 0 && e.Message.StartsWith(zeroLine, StringComparison.Ordinal)
            ? e.SourceName + ": " + e.Message[zeroLine.Length..]
            : e.Message;
        return new CliInputException($"{CliText.Excerpt(message)} (bad {what} file)", e);
    }

    /// <summary>Any other exception from a loader: the file and the exception type, nothing of the file's text.</summary>
    private static CliInputException Unexpected(string path, string what, Exception e) =>
        new($"{CliText.Excerpt(path)}: the {what} file could not be read ({e.GetType().Name}); check that it is a {what} file in the documented format (bad {what} file)", e);

    private static T Read<T>(string path, string what, Func<TextReader, T> load, bool latin1 = false)
    {
        StreamReader reader;
        try
        {
            // CMS publishes its text files in Latin-1; a byte-order mark still wins.
            reader = latin1 ? new StreamReader(path, System.Text.Encoding.Latin1, detectEncodingFromByteOrderMarks: true) : new StreamReader(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"{path}: cannot read the {what} file ({Describe(e)}).", e);
        }

        using (reader)
        {
            try
            {
                return load(latin1 ? reader : CheckedUtf8(reader, path, what));
            }
            catch (ReferenceDataException e)
            {
                // The loader's message is "<file>:<line>: <problem>".
                throw Bad(e, what);
            }
            catch (IOException e)
            {
                throw new CliInputException($"{path}: cannot read the {what} file ({Describe(e)}).", e);
            }
            catch (CliInputException)
            {
                throw;
            }
#pragma warning disable CA1031 // A loader defect must still be an input error of one short line, never an internal error.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                throw Unexpected(path, what, e);
            }
        }
    }

    /// <summary>
    /// Reads a UTF-8 text file whole and refuses text that is not valid UTF-8, naming the line: a decoder would
    /// otherwise turn bad bytes into U+FFFD silently.
    /// </summary>
    private static StringReader CheckedUtf8(StreamReader reader, string path, string what)
    {
        using var bytes = new MemoryStream();
        reader.BaseStream.CopyTo(bytes);
        var span = bytes.GetBuffer().AsSpan(0, (int)bytes.Length);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var status = System.Text.Unicode.Utf8.ToUtf16(span, new char[span.Length], out int valid, out _, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            int line = span[..valid].Count((byte)'\n') + 1;
            throw new CliInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{CliText.Excerpt(path)}:{line}: text that is not valid UTF-8 at line {line}; save the file as UTF-8 (bad {what} file)"));
        }

        return new StringReader(System.Text.Encoding.UTF8.GetString(span));
    }

    internal static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "file not found",
        DirectoryNotFoundException => "folder not found",
        UnauthorizedAccessException => "access denied",
        _ => e.GetType().Name,
    };
}
