using System.Reflection;

namespace TherapyBilling.Rules.Tests.Support;

/// <summary>Folders of the repository, anchored on the test project's folder recorded at build time (not CallerFilePath).</summary>
public static class RepoPaths
{
    public static string ProjectDir { get; } = typeof(RepoPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProjectDir").Value!;

    /// <summary>The repository root (the folder of <c>TherapyBilling.Rules.sln</c>).</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(ProjectDir, "..", ".."));

    public static string DiagnosticsDocs { get; } = Path.Combine(Root, "docs", "diagnostics");
}
