using System.IO.Compression;
using System.Text;

namespace TherapyBilling.Rules;

/// <summary>
/// Walks the reference files CMS publishes as given by a user: a text file, a folder of them, or the release zip as
/// downloaded. Only entries with the wanted extension are read; spreadsheets, PDFs and the like are ignored.
/// </summary>
internal static class CmsFiles
{
    /// <summary>One text entry handed to a reader.</summary>
    /// <param name="DisplayName">The name for messages: the path, or <c>release.zip!entry.txt</c> for a zip entry.</param>
    /// <param name="FileName">The entry's file name (no folder).</param>
    /// <param name="FromArchive">Whether it was found in a folder or zip (rather than named directly), so a readme may be skipped.</param>
    public readonly record struct Entry(string DisplayName, string FileName, bool FromArchive);

    /// <summary>Reads every wanted entry of every path, in order (folder and zip entries by name, ordinal).</summary>
    public static void Read(IEnumerable<string> paths, string extension, Action<Entry, TextReader> read)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
                {
                    if (IsZip(file))
                    {
                        ReadZip(file, extension, read);
                    }
                    else if (file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                    {
                        ReadFile(file, fromArchive: true, read);
                    }
                }
            }
            else if (IsZip(path))
            {
                ReadZip(path, extension, read);
            }
            else
            {
                ReadFile(path, fromArchive: false, read);
            }
        }
    }

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static void ReadFile(string path, bool fromArchive, Action<Entry, TextReader> read)
    {
        // CMS publishes its text files in Latin-1; a byte-order mark still wins.
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16), Encoding.Latin1, detectEncodingFromByteOrderMarks: true);
        read(new Entry(path, Path.GetFileName(path), fromArchive), reader);
    }

    private static void ReadZip(string path, string extension, Action<Entry, TextReader> read)
    {
        using var archive = OpenZip(path);
        foreach (var entry in archive.Entries.OrderBy(static e => e.FullName, StringComparer.Ordinal))
        {
            if (entry.FullName.EndsWith('/') || !entry.Name.EndsWith(extension, StringComparison.OrdinalIgnoreCase) || entry.Name.StartsWith("._", StringComparison.Ordinal))
            {
                continue; // folders, spreadsheets, PDFs, macOS resource forks
            }

            string name = path + "!" + entry.FullName;
            Stream stream;
            try
            {
                stream = entry.Open();
            }
            catch (InvalidDataException e)
            {
                throw new ReferenceDataException($"{name}: the zip entry cannot be read ({e.Message}).", e);
            }

            using (stream)
            using (var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
            {
                try
                {
                    read(new Entry(name, entry.Name, FromArchive: true), reader);
                }
                catch (InvalidDataException e)
                {
                    throw new ReferenceDataException($"{name}: the zip entry is damaged ({e.Message}).", e);
                }
            }
        }
    }

    private static ZipArchive OpenZip(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new ReferenceDataException($"{path}: not a readable zip file ({e.Message}).", e);
        }
    }
}
