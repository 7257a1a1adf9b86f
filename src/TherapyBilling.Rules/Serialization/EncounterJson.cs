using System.Text.Json;

namespace TherapyBilling.Rules;

/// <summary>
/// The JSON input contract v1 (camelCase) for encounters: read an encounter from a <see cref="JsonElement"/>,
/// turning structural problems into input diagnostics (TBR0xx) instead of exceptions.
/// </summary>
/// <remarks>
/// Each section of the contract has its own partial file: the core fields (id, dateOfService, method, discipline,
/// segments, lines) here, <c>documentation</c> and the payer fields in theirs. Paths in diagnostics are relative to
/// the encounter (<c>segments[2].end</c>).
/// </remarks>
public static partial class EncounterJson
{
    /// <summary>Reads the <c>documentation</c> section into <paramref name="encounter"/> (documentation family).</summary>
    static partial void ReadDocumentation(JsonElement element, ref Encounter encounter, List<Diagnostic> diagnostics);

    /// <summary>Reads the payer, provider-role and telehealth fields into <paramref name="encounter"/> (payer family).</summary>
    static partial void ReadPayer(JsonElement element, ref Encounter encounter, List<Diagnostic> diagnostics);

    /// <summary>Reads family-specific fields of one segment (e.g. who furnished the minutes); <paramref name="path"/> is <c>segments[i]</c>.</summary>
    static partial void ReadSegmentExtensions(JsonElement element, string path, ref TreatmentSegment segment, List<Diagnostic> diagnostics);
}
