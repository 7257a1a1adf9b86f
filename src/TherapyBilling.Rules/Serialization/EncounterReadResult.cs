using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>The result of reading one encounter record with <see cref="EncounterJson.Read(System.Text.Json.JsonElement)"/>.</summary>
/// <remarks>
/// <para><see cref="Encounter"/> is set only when the record has no input error: an encounter with a bad field is
/// not checked at all, because checking what is left of it would report units for a day that is not the one
/// recorded. <see cref="Id"/> is set whenever the id itself is readable, so a report can still name the record.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record EncounterReadResult
{
    internal EncounterReadResult(string? id, Encounter? encounter, ImmutableArray<Diagnostic> diagnostics)
    {
        Id = id;
        Encounter = encounter;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the encounter's id when it is readable (a non-empty string), else <see langword="null"/>.</summary>
    public string? Id { get; }

    /// <summary>Gets the encounter, or <see langword="null"/> when the record has an input error.</summary>
    public Encounter? Encounter { get; }

    /// <summary>Gets the input diagnostics (TBR002–TBR029 and those of the families' sections), in the canonical order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether the record was read into an <see cref="Encounter"/>.</summary>
    public bool Success => Encounter is not null;
}
