using System.Globalization;

namespace TherapyBilling.Rules.Fhir;

/// <summary>Where each part of a mapped encounter came from, to turn core report paths into FHIRPaths.</summary>
internal sealed class FhirPathMap
{
    public FhirPathMap(string encounterPath) => EncounterPath = encounterPath;

    public string EncounterPath { get; }

    /// <summary>The FHIRPath of the Procedure behind each segment, by segment index.</summary>
    public List<string> Segments { get; } = [];

    /// <summary>The FHIRPath of the Claim item behind each billed line, by line index.</summary>
    public List<string> Lines { get; } = [];

    public string? PayerPath { get; set; }

    public static Diagnostic WithPath(Diagnostic diagnostic, string path) =>
        string.Equals(diagnostic.Path, path, StringComparison.Ordinal)
            ? diagnostic
            : diagnostic.WithPath(path);

    /// <summary>Gets whether a path already is a FHIRPath of this adapter (it starts with a resource type).</summary>
    public static bool IsFhirPath(string path) => path.Length > 0 && char.IsAsciiLetterUpper(path[0]);

    public string Translate(string path)
    {
        if (IsFhirPath(path))
        {
            return path;
        }

        if (path.Length == 0)
        {
            return EncounterPath;
        }

        if (TryIndexed(path, "segments[", Segments, out string? resource, out string rest))
        {
            return resource + SegmentMember(rest);
        }

        if (TryIndexed(path, "lines[", Lines, out resource, out rest))
        {
            return resource + LineMember(rest);
        }

        return Head(path) switch
        {
            "dateOfService" => EncounterPath + ".period.start",
            "telehealth" => EncounterPath + ".class",
            "payer" => PayerPath ?? EncounterPath,
            _ => EncounterPath,
        };
    }

    private static string Head(string path)
    {
        int end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    private static bool TryIndexed(string path, string prefix, List<string> targets, out string? resource, out string rest)
    {
        resource = null;
        rest = string.Empty;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        int close = path.IndexOf(']', prefix.Length);
        if (close < 0 || !int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || index >= targets.Count)
        {
            return false;
        }

        resource = targets[index];
        rest = path[(close + 1)..];
        return true;
    }

    private static string SegmentMember(string rest) => rest switch
    {
        "" => string.Empty,
        ".start" => ".performedPeriod.start",
        ".end" => ".performedPeriod.end",
        ".code" => ".code",
        ".minutes" => $".extension('{FhirSystems.MinutesExtension}')",
        ".assistantMinutes" => $".extension('{FhirSystems.AssistantMinutesExtension}')",
        ".furnishedBy" => ".performer",
        _ when rest.StartsWith(".modifiers[", StringComparison.Ordinal) => $".extension('{FhirSystems.ModifierExtension}')" + rest[".modifiers".Length..],
        _ => string.Empty,
    };

    private static string LineMember(string rest) => rest switch
    {
        "" => string.Empty,
        ".code" => ".productOrService",
        ".units" => ".quantity",
        _ when rest.StartsWith(".modifiers[", StringComparison.Ordinal) => ".modifier" + rest[".modifiers".Length..],
        ".modifiers" => ".modifier",
        _ => string.Empty,
    };
}
