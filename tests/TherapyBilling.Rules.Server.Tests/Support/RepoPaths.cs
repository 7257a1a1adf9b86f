using System.Reflection;

namespace TherapyBilling.Rules.Server.Tests.Support;

/// <summary>Folders of the repository, from build-time constants (not CallerFilePath, which CI rewrites).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Metadata("RepoDir");

    /// <summary>Where CI artifacts go (screenshots): .ci/out at the repository root.</summary>
    public static string CiOut => Path.Combine(Root, ".ci", "out");

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
