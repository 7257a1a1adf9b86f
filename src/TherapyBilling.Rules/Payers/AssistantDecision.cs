namespace TherapyBilling.Rules;

/// <summary>
/// The CQ/CO decision for one code of an encounter: how its units split between units furnished by the therapist
/// and units furnished in whole or in part by the assistant, and which modifier the assistant units need.
/// </summary>
/// <param name="Code">The code.</param>
/// <param name="Discipline">The plan-of-care discipline the decision used, or <see langword="null"/> when unknown.</param>
/// <param name="Units">The units of the code.</param>
/// <param name="TherapistMinutes">Minutes furnished by the therapist (including minutes together with the assistant).</param>
/// <param name="AssistantMinutes">Minutes furnished by the assistant independently of the therapist.</param>
/// <param name="TherapistUnits">Units billed without CQ/CO.</param>
/// <param name="AssistantUnits">Units that need CQ (with GP) or CO (with GO): the assistant furnished more than the de minimis share of them.</param>
/// <param name="RequiredModifier">CQ (physical therapy) or CO (occupational therapy) when <paramref name="AssistantUnits"/> is positive and the discipline allows one; otherwise <see langword="null"/>.</param>
/// <param name="Explanation">One sentence saying why, in the invariant culture.</param>
public sealed record AssistantDecision(
    CptCode Code,
    Discipline? Discipline,
    int Units,
    int TherapistMinutes,
    int AssistantMinutes,
    int TherapistUnits,
    int AssistantUnits,
    Modifier? RequiredModifier,
    string Explanation)
{
    /// <summary>Gets a value indicating whether any unit of the code needs CQ or CO.</summary>
    public bool NeedsAssistantModifier => AssistantUnits > 0;
}
