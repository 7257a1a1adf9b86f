using System.Reflection;
using System.Runtime.CompilerServices;

namespace TherapyBilling.Rules.Tests.Support;

/// <summary>
/// A small golden-file helper with Verify's conventions: <c>Snapshots/&lt;Class&gt;.&lt;Method&gt;.verified.txt</c> is
/// committed; on a mismatch or a missing file <c>*.received.txt</c> is written beside it (git-ignored) and the test
/// fails. Set <c>UPDATE_SNAPSHOTS=1</c> to accept received files.
/// </summary>
public static class Snapshot
{
    private static readonly string s_projectDir = typeof(Snapshot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProjectDir").Value!;

    public static void Verify(string actual, string? name = null, [CallerMemberName] string method = "", [CallerFilePath] string file = "")
    {
        string testClass = Path.GetFileNameWithoutExtension(file.Replace('\\', '/').Split('/')[^1]);
        string stem = $"{testClass}.{method}{(name is null ? "" : "_" + name)}";
        string folder = Path.Combine(s_projectDir, "Snapshots");
        string verified = Path.Combine(folder, stem + ".verified.txt");
        string received = Path.Combine(folder, stem + ".received.txt");
        string text = Normalize(actual);

        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == text)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        Directory.CreateDirectory(folder);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, text);
            return;
        }

        File.WriteAllText(received, text);
        Assert.Fail(File.Exists(verified)
            ? $"Snapshot mismatch.\n  verified: {verified}\n  received: {received}\nCompare them; if the change is intended, rename received to verified (or run with UPDATE_SNAPSHOTS=1)."
            : $"Snapshot missing.\n  received: {received}\nReview it and rename it to {Path.GetFileName(verified)} (or run with UPDATE_SNAPSHOTS=1).");
    }

    private static string Normalize(string text)
    {
        string t = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return t.EndsWith('\n') ? t : t + "\n";
    }
}
