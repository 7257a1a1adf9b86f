using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// A treatment note in a structured form that any EMR can fill from its own fields (BPM ch. 15 §220.3 E).
/// </summary>
/// <remarks>
/// <para>Every part is optional so that missing data is found (as a diagnostic), not crashed on. Free text (task,
/// strategy, narrative...) is only tested for presence, length and similarity; it is never copied into a message.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record TreatmentNote
{
    private readonly ImmutableArray<FunctionalGoal> _goals = [];

    private readonly ImmutableArray<NoteSignature> _contributors = [];

    private readonly ImmutableArray<NoteIntervention> _interventions = [];

    /// <summary>Gets the date of treatment written on the note.</summary>
    /// <value>The default value is <see langword="null"/> (missing).</value>
    public LocalDate? DateOfService { get; init; }

    /// <summary>Gets every intervention provided, billed or not, timed or untimed.</summary>
    /// <value>The default value is empty. A <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<NoteIntervention> Interventions
    {
        get => _interventions;
        init => _interventions = Guard.EmptyIfDefault(value);
    }

    /// <summary>Gets the total timed-code treatment minutes recorded on the note.</summary>
    /// <value>The default value is <see langword="null"/> (missing).</value>
    public int? TotalTimedMinutes { get; init; }

    /// <summary>Gets the total treatment time in minutes (timed plus untimed, no rest time) recorded on the note.</summary>
    /// <value>The default value is <see langword="null"/> (missing).</value>
    public int? TotalTreatmentMinutes { get; init; }

    /// <summary>Gets the signature and professional identification of the professional who furnished or supervised the services.</summary>
    /// <value>The default value is <see langword="null"/> (missing).</value>
    public NoteSignature? Signature { get; init; }

    /// <summary>Gets whether an assistant (PTA/OTA) took part in the session.</summary>
    /// <value>The default value is <see langword="null"/> (not recorded).</value>
    public bool? AssistantInvolved { get; init; }

    /// <summary>Gets the signatures of the other people who contributed (for example the assistant).</summary>
    /// <value>The default value is empty. A <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<NoteSignature> Contributors
    {
        get => _contributors;
        init => _contributors = Guard.EmptyIfDefault(value);
    }

    /// <summary>Gets the functional goals of the plan of care that interventions can link to.</summary>
    /// <value>The default value is empty. A <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<FunctionalGoal> Goals
    {
        get => _goals;
        init => _goals = Guard.EmptyIfDefault(value);
    }

    /// <summary>Gets the episode context the clocks and the cloned-note check need.</summary>
    /// <value>The default value is <see langword="null"/> (episode checks are skipped).</value>
    public EpisodeContext? Episode { get; init; }
}

/// <summary>One intervention on a treatment note, with the 97535-specific elements.</summary>
/// <remarks>
/// Per-intervention minutes are voluntary (BPM ch. 15 §220.3 E): contractors shall not require them. The 97535 elements
/// come from vendor and consultant guidance, not CMS text [L]; which of them are required is data in
/// <see cref="DocumentationRequirementSet"/>. Immutable and thread-safe.
/// </remarks>
public sealed record NoteIntervention
{
    private readonly ImmutableArray<string> _goalIds = [];

    /// <summary>Gets the procedure code of the intervention.</summary>
    public CptCode? Code { get; init; }

    /// <summary>Gets the minutes of the intervention, when recorded.</summary>
    public int? Minutes { get; init; }

    /// <summary>Gets the start time, when recorded.</summary>
    public LocalTime? Start { get; init; }

    /// <summary>Gets the end time, when recorded.</summary>
    public LocalTime? End { get; init; }

    /// <summary>Gets whether the intervention is billed (unbilled timed services must still be documented).</summary>
    public bool? Billed { get; init; }

    /// <summary>Gets the specific ADL/IADL task trained (97535), such as "lower-body dressing".</summary>
    public string? Task { get; init; }

    /// <summary>Gets the assistance level before the training (97535).</summary>
    public AssistanceLevel? AssistanceBefore { get; init; }

    /// <summary>Gets the assistance level after the training (97535).</summary>
    public AssistanceLevel? AssistanceAfter { get; init; }

    /// <summary>Gets the compensatory strategy taught (97535).</summary>
    public string? CompensatoryStrategy { get; init; }

    /// <summary>Gets the adaptive equipment or assistive technology instructed (97535).</summary>
    public string? AdaptiveEquipment { get; init; }

    /// <summary>Gets the safety procedures instructed (97535).</summary>
    public string? SafetyInstruction { get; init; }

    /// <summary>Gets the patient's response to the training (teach-back, carry-over) (97535).</summary>
    public string? PatientResponse { get; init; }

    /// <summary>Gets the caregiver's response, when a caregiver took part (97535).</summary>
    public string? CaregiverResponse { get; init; }

    /// <summary>Gets the ids of the functional goals the intervention serves (97535).</summary>
    /// <value>The default value is empty. A <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<string> GoalIds
    {
        get => _goalIds;
        init => _goalIds = Guard.EmptyIfDefault(value);
    }

    /// <summary>Gets whether the time was direct one-on-one contact (97535).</summary>
    public bool? OneOnOne { get; init; }

    /// <summary>Gets whether the patient is able to follow instructions and learn from them (97535).</summary>
    public bool? AbleToFollowInstructions { get; init; }

    /// <summary>Gets whether the training was given to a caregiver without the patient present (97535).</summary>
    public bool? CaregiverOnly { get; init; }

    /// <summary>Gets the narrative of the intervention (checked for length and for being cloned from the previous visit).</summary>
    public string? Narrative { get; init; }

    /// <summary>Gets the whole minutes recorded, from <see cref="Minutes"/> or else from the times.</summary>
    /// <returns>The minutes, or <see langword="null"/> when neither is recorded or the times are reversed.</returns>
    public int? GetMinutes()
    {
        if (Minutes is int m)
        {
            return m;
        }

        if (Start is LocalTime start && End is LocalTime end && end >= start)
        {
            return checked((int)(Period.Between(start, end, PeriodUnits.Minutes).Minutes));
        }

        return null;
    }
}

/// <summary>An assistance level on a named scale, such as <c>FIM 4</c> or <c>descriptive "minimal assistance"</c>.</summary>
/// <param name="Scale">The scale's name (<c>FIM</c>, <c>GG</c>, <c>descriptive</c> or the caller's own).</param>
/// <param name="Value">The level on that scale.</param>
/// <remarks>Which levels mean modified independence or independence is data: <see cref="DocumentationRequirementSet.IndependentLevels"/>.</remarks>
public sealed record AssistanceLevel(string? Scale, string? Value);

/// <summary>A functional goal of the plan of care.</summary>
/// <param name="Id">The caller's id of the goal (never echoed: findings name a goal link by its path, <c>goalIds[1]</c>).</param>
/// <remarks>The goal's text is not part of the model: it is not needed to check links and may hold patient data.</remarks>
public sealed record FunctionalGoal(string Id);

/// <summary>A signature with professional identification.</summary>
/// <remarks>Immutable and thread-safe. The signer's name is not part of the model.</remarks>
public sealed record NoteSignature
{
    /// <summary>Gets whether the note is signed.</summary>
    public bool IsSigned { get; init; }

    /// <summary>Gets the professional identification (credentials), such as <c>OTR/L</c> or <c>PT, DPT</c>.</summary>
    public string? Credentials { get; init; }

    /// <summary>Gets the signer's role.</summary>
    public ClinicianRole? Role { get; init; }

    /// <summary>Gets the date of the signature.</summary>
    public LocalDate? SignedOn { get; init; }
}

/// <summary>Who wrote or signed a document.</summary>
public enum ClinicianRole
{
    /// <summary>A therapist (PT, OT, SLP).</summary>
    Therapist = 1,

    /// <summary>A therapy assistant (PTA, OTA); their progress notes are not complete progress reports (BPM ch. 15 §220.3 D).</summary>
    Assistant = 2,

    /// <summary>A physician or non-physician practitioner (NPP).</summary>
    Physician = 3,
}
