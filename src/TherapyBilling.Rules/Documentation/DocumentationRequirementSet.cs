using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>An element a treatment note can be required to hold.</summary>
public enum NoteElement
{
    /// <summary>The date of treatment (BPM ch. 15 §220.3 E) [H].</summary>
    DateOfService = 1,

    /// <summary>At least one intervention (BPM ch. 15 §220.3 E) [H].</summary>
    Interventions = 2,

    /// <summary>The total timed-code treatment minutes (BPM ch. 15 §220.3 E) [H].</summary>
    TotalTimedMinutes = 3,

    /// <summary>The total treatment time in minutes (BPM ch. 15 §220.3 E) [H].</summary>
    TotalTreatmentMinutes = 4,

    /// <summary>The signature of the professional who furnished or supervised the services (BPM ch. 15 §220.3 E) [H].</summary>
    Signature = 5,

    /// <summary>The professional identification (credentials) with the signature (BPM ch. 15 §220.3 E) [H].</summary>
    Credentials = 6,

    /// <summary>The signature of each other person who contributed, such as the assistant (BPM ch. 15 §220.3 E) [H].</summary>
    ContributorSignatures = 7,

    /// <summary>97535: the specific ADL/IADL task trained, not just "ADL training" [L].</summary>
    AdlTask = 8,

    /// <summary>97535: the assistance level before the training, on a named scale [L].</summary>
    AssistanceBefore = 9,

    /// <summary>97535: the assistance level after the training, on a named scale [L].</summary>
    AssistanceAfter = 10,

    /// <summary>97535: at least one of compensatory strategy, adaptive equipment or safety instruction [M] (CPT descriptor).</summary>
    TrainingContent = 11,

    /// <summary>97535: the compensatory strategy taught [L] (not in the default set; add it to require it).</summary>
    CompensatoryStrategy = 12,

    /// <summary>97535: the adaptive equipment or assistive technology instructed [L] (not in the default set).</summary>
    AdaptiveEquipment = 13,

    /// <summary>97535: the safety procedures instructed [L] (not in the default set).</summary>
    SafetyInstruction = 14,

    /// <summary>97535: the patient's response to the training [L].</summary>
    PatientResponse = 15,

    /// <summary>97535: the link to a functional goal of the plan [L].</summary>
    GoalLink = 16,

    /// <summary>97535: whether the time was direct one-on-one contact [M] (CPT descriptor).</summary>
    OneOnOne = 17,

    /// <summary>97535: whether the patient can follow instructions and learn [L] (older MAC LCD text).</summary>
    AbilityToFollowInstructions = 18,

    /// <summary>97535: a narrative of the session [L] (not in the default set).</summary>
    Narrative = 19,
}

/// <summary>One required element of a treatment note, with the severity of its absence and its source.</summary>
/// <param name="Element">The element.</param>
/// <param name="Severity">The severity when it is missing.</param>
/// <param name="Source">The source of the requirement.</param>
/// <param name="Confidence">How sure the source is: <c>H</c> (official text), <c>M</c> (reputable secondary) or <c>L</c> (verify before relying on it).</param>
public sealed record DocumentationRequirement(NoteElement Element, Severity Severity, string Source, string Confidence);

/// <summary>
/// The documentation requirements and thresholds a payer applies, as data: which note elements are required (with the
/// severity of their absence and their source), the cloned-note and short-narrative thresholds, the average minutes per
/// unit review threshold and which assistance levels mean modified independence or independence.
/// </summary>
/// <remarks>
/// <para><see cref="Medicare"/> is the default set. Elements tagged [L] (the 97535 checklist, the thresholds) come from
/// vendor and consultant guidance, not CMS text: change them with <c>with</c> expressions, <see cref="WithRequirement"/>
/// and <see cref="Without"/>, or lower or raise any diagnostic with <see cref="SeverityOverrides"/>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
/// <example><code>
/// var strict = DocumentationRequirementSet.Medicare
///     .WithRequirement(new(NoteElement.SafetyInstruction, Severity.Warning, "Payer X manual", "M"))
///     with { Name = "payer-x", MinimumNarrativeWords = 25 };
/// </code></example>
public sealed record DocumentationRequirementSet
{
    private const string Bpm = "Medicare Benefit Policy Manual ch. 15 §220.3 E";
    private const string Checklist = "97535 documentation checklist (medpayiq.com/cpt/97535; codingahead.com 97535)";

    /// <summary>Gets the default Medicare requirement set.</summary>
    public static DocumentationRequirementSet Medicare { get; } = new()
    {
        Name = "medicare",
        Version = "2026.11.1",
        Source = "Medicare Benefit Policy Manual ch. 15 §220.1-§220.3; CPM ch. 5 §20.2; 97535 checklist [L]",
        Requirements =
        [
            new(NoteElement.DateOfService, Severity.Error, Bpm, "H"),
            new(NoteElement.Interventions, Severity.Error, Bpm, "H"),
            new(NoteElement.TotalTimedMinutes, Severity.Error, Bpm, "H"),
            new(NoteElement.TotalTreatmentMinutes, Severity.Error, Bpm, "H"),
            new(NoteElement.Signature, Severity.Error, Bpm, "H"),
            new(NoteElement.Credentials, Severity.Error, Bpm, "H"),
            new(NoteElement.ContributorSignatures, Severity.Error, Bpm, "H"),
            new(NoteElement.AdlTask, Severity.Warning, Checklist, "L"),
            new(NoteElement.AssistanceBefore, Severity.Warning, Checklist, "L"),
            new(NoteElement.AssistanceAfter, Severity.Warning, Checklist, "L"),
            new(NoteElement.TrainingContent, Severity.Warning, "CPT 97535 descriptor (compensatory training, safety procedures, adaptive equipment)", "M"),
            new(NoteElement.PatientResponse, Severity.Warning, Checklist, "L"),
            new(NoteElement.GoalLink, Severity.Warning, Checklist + "; BPM ch. 15 §220.1.2 (measurable functional goals)", "L"),
            new(NoteElement.OneOnOne, Severity.Warning, "CPT 97535 descriptor (direct one-on-one contact)", "M"),
            new(NoteElement.AbilityToFollowInstructions, Severity.Warning, "Older MAC LCD text for 97535 (codingahead.com 2012)", "L"),
        ],
    };

    /// <summary>Gets the set's name, such as <c>medicare</c>.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Gets the set's version.</summary>
    public string Version { get; init; } = "1";

    /// <summary>Gets where the set comes from.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Gets the required elements.</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<DocumentationRequirement> Requirements { get; init; } = [];

    /// <summary>Gets the fewest words a 97535 narrative must have to be able to show skilled care [L].</summary>
    /// <value>The default value is 15.</value>
    public int MinimumNarrativeWords { get; init; } = 15;

    /// <summary>Gets the token Jaccard similarity (0 to 1) at or above which a narrative counts as cloned from the previous visit's [L].</summary>
    /// <value>The default value is 0.9.</value>
    public double ClonedSimilarityThreshold { get; init; } = 0.9;

    /// <summary>Gets the average minutes per billed timed unit below which a period is flagged for review (CPM ch. 5 §20.2 C).</summary>
    /// <value>The default value is 15.</value>
    public int MinimumAverageMinutesPerUnit { get; init; } = 15;

    /// <summary>
    /// Gets the calendar days after a progress-report period ends within which a late report still counts (TBR213/TBR214).
    /// The rule text (BPM ch. 15 §220.3 D) has none; BPM ch. 15 §220.3 B lets contractors require entry within 1 week,
    /// so a window such as <see cref="ProgressReportSchedule.ContractorEntryWindowDays"/> is a payer or contractor
    /// policy [L].
    /// </summary>
    /// <value>The default value is 0 (no late window).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int ProgressReportLateDays
    {
        get => _progressReportLateDays;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _progressReportLateDays = value;
        }
    }

    private readonly int _progressReportLateDays;

    /// <summary>Gets, per scale name (case-insensitive), the levels that mean modified independence or independence [M].</summary>
    /// <value>The default value knows <c>FIM</c> (6, 7), <c>GG</c> (06) and <c>descriptive</c> (independent, modified independent).</value>
    public ImmutableDictionary<string, ImmutableArray<string>> IndependentLevels { get; init; } =
        ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, new KeyValuePair<string, ImmutableArray<string>>[]
        {
            new("FIM", ["6", "7"]),
            new("GG", ["06", "6"]),
            new("descriptive", ["independent", "modified independent", "modified independence", "mod i", "i", "complete independence"]),
        });

    /// <summary>Gets task names too generic to show what was trained (compared case-insensitively) [L].</summary>
    public ImmutableArray<string> GenericTaskNames { get; init; } =
        ["adl", "adls", "adl training", "iadl", "iadls", "iadl training", "self care", "self-care", "self care training", "self-care training", "home management", "training"];

    /// <summary>Gets severities that replace a diagnostic's default, by id (for example lower TBR208 to a warning).</summary>
    /// <value>The default value is empty.</value>
    public ImmutableDictionary<string, Severity> SeverityOverrides { get; init; } = ImmutableDictionary<string, Severity>.Empty;

    /// <summary>Finds the requirement of an element.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The requirement, or <see langword="null"/> when the element is not required.</returns>
    public DocumentationRequirement? Find(NoteElement element)
    {
        foreach (var requirement in Requirements)
        {
            if (requirement.Element == element)
            {
                return requirement;
            }
        }

        return null;
    }

    /// <summary>Returns a copy that requires an element (replacing any requirement of the same element).</summary>
    /// <param name="requirement">The requirement.</param>
    /// <returns>The new set.</returns>
    public DocumentationRequirementSet WithRequirement(DocumentationRequirement requirement)
    {
        Guard.NotNull(requirement);
        return this with { Requirements = [.. Requirements.Where(r => r.Element != requirement.Element), requirement] };
    }

    /// <summary>Returns a copy that no longer requires an element.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The new set.</returns>
    public DocumentationRequirementSet Without(NoteElement element) =>
        this with { Requirements = [.. Requirements.Where(r => r.Element != element)] };

    /// <summary>Gets whether a level is modified independence or independence on its scale.</summary>
    /// <param name="level">The level.</param>
    /// <returns><see langword="true"/> when the scale is known and the level is one of its independent levels.</returns>
    public bool IsIndependent(AssistanceLevel? level)
    {
        if (level?.Scale is not { } scale || level.Value is not { } value || !IndependentLevels.TryGetValue(scale.Trim(), out var levels))
        {
            return false;
        }

        string v = value.Trim();
        foreach (string independent in levels)
        {
            if (string.Equals(independent, v, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal Diagnostic Apply(Diagnostic diagnostic) =>
        SeverityOverrides.TryGetValue(diagnostic.Id, out var severity) ? diagnostic.WithSeverity(severity) : diagnostic;
}
