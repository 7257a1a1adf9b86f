namespace TherapyBilling.Rules;

/// <summary>The therapy discipline of a plan of care.</summary>
/// <remarks>CMS requires a discipline modifier on every therapy line: GP, GO or GN (CPM ch. 5 §20.1).</remarks>
public enum Discipline
{
    /// <summary>Physical therapy (modifier GP).</summary>
    PhysicalTherapy = 1,

    /// <summary>Occupational therapy (modifier GO).</summary>
    OccupationalTherapy = 2,

    /// <summary>Speech-language pathology (modifier GN).</summary>
    SpeechLanguagePathology = 3,
}
