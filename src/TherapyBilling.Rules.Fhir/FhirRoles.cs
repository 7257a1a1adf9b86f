using Hl7.Fhir.Model;

namespace TherapyBilling.Rules.Fhir;

/// <summary>
/// Performer roles read from <c>Procedure.performer.function</c> (by code, whatever the system): NUCC provider
/// taxonomy codes, SNOMED CT occupation codes, and this package's own <c>therapist</c>/<c>assistant</c> codes.
/// </summary>
internal static class FhirRoles
{
    /// <summary>The code system of this package's own role codes (<c>therapist</c>, <c>assistant</c>).</summary>
    public const string System = "urn:therapybilling-rules:provider-role";

    private static readonly Dictionary<string, (ProviderRole Role, Discipline? Discipline)> s_codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["225100000X"] = (ProviderRole.Therapist, Discipline.PhysicalTherapy),        // NUCC Physical Therapist
        ["225200000X"] = (ProviderRole.Assistant, Discipline.PhysicalTherapy),        // NUCC Physical Therapy Assistant
        ["225X00000X"] = (ProviderRole.Therapist, Discipline.OccupationalTherapy),    // NUCC Occupational Therapist
        ["224Z00000X"] = (ProviderRole.Assistant, Discipline.OccupationalTherapy),    // NUCC Occupational Therapy Assistant
        ["235Z00000X"] = (ProviderRole.Therapist, Discipline.SpeechLanguagePathology), // NUCC Speech-Language Pathologist
        ["36682004"] = (ProviderRole.Therapist, Discipline.PhysicalTherapy),          // SNOMED CT Physical therapist
        ["80546007"] = (ProviderRole.Therapist, Discipline.OccupationalTherapy),      // SNOMED CT Occupational therapist
        ["159026005"] = (ProviderRole.Therapist, Discipline.SpeechLanguagePathology), // SNOMED CT Speech and language therapist
        ["therapist"] = (ProviderRole.Therapist, null),
        ["assistant"] = (ProviderRole.Assistant, null),
    };

    /// <summary>Reads the roles of a Procedure's performers: who furnished it, and the disciplines named.</summary>
    public static (ProviderRole? FurnishedBy, HashSet<Discipline> Disciplines) Read(Procedure procedure)
    {
        bool therapist = false, assistant = false;
        var disciplines = new HashSet<Discipline>();
        foreach (var performer in procedure.Performer)
        {
            foreach (var coding in performer.Function?.Coding ?? [])
            {
                if (coding.Code is { } code && s_codes.TryGetValue(code, out var role))
                {
                    therapist |= role.Role == ProviderRole.Therapist;
                    assistant |= role.Role == ProviderRole.Assistant;
                    if (role.Discipline is { } d)
                    {
                        disciplines.Add(d);
                    }
                }
            }
        }

        // Minutes the therapist and the assistant spend together count as the therapist's.
        ProviderRole? furnishedBy = therapist ? ProviderRole.Therapist : assistant ? ProviderRole.Assistant : null;
        return (furnishedBy, disciplines);
    }

    /// <summary>The NUCC taxonomy code of a role in a discipline, or this package's own code when the discipline is not known.</summary>
    public static Coding Coding(ProviderRole role, Discipline? discipline) => (role, discipline) switch
    {
        (ProviderRole.Therapist, Discipline.PhysicalTherapy) => Nucc("225100000X"),
        (ProviderRole.Assistant, Discipline.PhysicalTherapy) => Nucc("225200000X"),
        (ProviderRole.Therapist, Discipline.OccupationalTherapy) => Nucc("225X00000X"),
        (ProviderRole.Assistant, Discipline.OccupationalTherapy) => Nucc("224Z00000X"),
        (ProviderRole.Therapist, Discipline.SpeechLanguagePathology) => Nucc("235Z00000X"),
        _ => new Coding(System, role == ProviderRole.Assistant ? "assistant" : "therapist"),
    };

    private static Coding Nucc(string code) => new("http://nucc.org/provider-taxonomy", code);
}
