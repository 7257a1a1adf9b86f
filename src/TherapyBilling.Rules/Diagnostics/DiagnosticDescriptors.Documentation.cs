namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    private const string DocumentationCategory = "Documentation";

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.NoteElementMissing"/>.</summary>
    public static DiagnosticDescriptor NoteElementMissing { get; } = new(
        DiagnosticIds.NoteElementMissing,
        "Treatment note element missing",
        "The treatment note has no {element}, which every treatment note must record ({source}). Add it to the note before the claim goes out.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TotalTimedMinutesDiffer"/>.</summary>
    public static DiagnosticDescriptor TotalTimedMinutesDiffer { get; } = new(
        DiagnosticIds.TotalTimedMinutesDiffer,
        "Total timed minutes differ from the time record",
        "The note records {recorded} total timed minute(s) but the encounter's timed services add up to {computed}; the billing and the total timed minutes must be consistent (BPM ch. 15 §220.3 E). Correct the total or the service times.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.UnitsNotSupportedByNote"/>.</summary>
    public static DiagnosticDescriptor UnitsNotSupportedByNote { get; } = new(
        DiagnosticIds.UnitsNotSupportedByNote,
        "Units billed not supported by the note",
        "{billed} timed unit(s) are billed but the note's {recorded} total timed minute(s) support {supported} under the {method} method (BPM ch. 15 §220.3 E; CPM ch. 5 §20.2). Bill {supported} or correct the documented minutes.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TotalTreatmentTimeTooShort"/>.</summary>
    public static DiagnosticDescriptor TotalTreatmentTimeTooShort { get; } = new(
        DiagnosticIds.TotalTreatmentTimeTooShort,
        "Total treatment time below timed minutes",
        "The total treatment time ({total} minute(s)) is less than the total timed minutes ({timed}); total treatment time is timed plus untimed minutes (BPM ch. 15 §220.3 E). Correct one of the totals.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TimedServiceNotDocumented"/>.</summary>
    public static DiagnosticDescriptor TimedServiceNotDocumented { get; } = new(
        DiagnosticIds.TimedServiceNotDocumented,
        "Timed service not on the note",
        "Timed code {code} was provided ({where}) but is not among the note's interventions; every timed service must be documented, billed or not (BPM ch. 15 §220.3 E). Add it to the note.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AdlElementMissing"/>.</summary>
    public static DiagnosticDescriptor AdlElementMissing { get; } = new(
        DiagnosticIds.AdlElementMissing,
        "97535 element missing",
        "The 97535 intervention does not record {element}; auditors expect it to show skilled self-care training ({source}, confidence {confidence}). Document it.",
        DocumentationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.GoalLinkUnresolved"/>.</summary>
    public static DiagnosticDescriptor GoalLinkUnresolved { get; } = new(
        DiagnosticIds.GoalLinkUnresolved,
        "Goal link does not resolve",
        "The intervention's goal link {link} names no goal of the plan on this note. Link it to one of the plan's goal ids or add the goal.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.CaregiverOnlyTraining"/>.</summary>
    public static DiagnosticDescriptor CaregiverOnlyTraining { get; } = new(
        DiagnosticIds.CaregiverOnlyTraining,
        "Caregiver-only training billed as 97535",
        "The 97535 training was given to a caregiver without the patient; 97535 is direct one-on-one contact with the patient. Bill caregiver training with its own codes (97550-97552) or do not bill it.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.GoalReachedIndependence"/>.</summary>
    public static DiagnosticDescriptor GoalReachedIndependence { get; } = new(
        DiagnosticIds.GoalReachedIndependence,
        "Goal reached independence",
        "The assistance level {when} the 97535 training is modified independence or independence for the goal(s) linked at {goals}; skilled 97535 for these goals is no longer supported. Stop billing 97535 for them, or document a new goal that needs skilled training.",
        DocumentationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.ClonedNarrative"/>.</summary>
    public static DiagnosticDescriptor ClonedNarrative { get; } = new(
        DiagnosticIds.ClonedNarrative,
        "Narrative cloned from the previous visit",
        "The 97535 narrative is {similarity} similar to the previous visit's (threshold {threshold}); cloned notes are an audit flag. Describe what was trained today and how the patient responded.",
        DocumentationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.NarrativeTooShort"/>.</summary>
    public static DiagnosticDescriptor NarrativeTooShort { get; } = new(
        DiagnosticIds.NarrativeTooShort,
        "Narrative too short to show skill",
        "The 97535 narrative has {words} word(s), fewer than {minimum}; it is unlikely to show the skilled care billed. Describe the task, the strategy taught and the patient's response.",
        DocumentationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.LowAverageMinutesPerUnit"/>.</summary>
    public static DiagnosticDescriptor LowAverageMinutesPerUnit { get; } = new(
        DiagnosticIds.LowAverageMinutesPerUnit,
        "Average minutes per unit under 15",
        "Across the period {minutes} timed minute(s) were billed as {units} unit(s), {average} minutes per unit on average, under {threshold}; CMS reviews this pattern (CPM ch. 5 §20.2 C). Check that the notes support every unit.",
        DocumentationCategory,
        Severity.Info);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.ProgressReportOverdue"/>.</summary>
    public static DiagnosticDescriptor ProgressReportOverdue { get; } = new(
        DiagnosticIds.ProgressReportOverdue,
        "Visit billed past the progress-report deadline",
        "The reporting period {start} to {end} ended with no clinician progress report, which was due by {deadline}; this visit on {date} is past due (a report at least once every 10 treatment days, BPM ch. 15 §220.3 D). Have the therapist write the progress report before billing further visits.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.ProgressReportDue"/>.</summary>
    public static DiagnosticDescriptor ProgressReportDue { get; } = new(
        DiagnosticIds.ProgressReportDue,
        "Progress report due",
        "The reporting period {start} to {end} reached 10 treatment days without a clinician progress report; write it by {deadline} (the period's end, BPM ch. 15 §220.3 D, plus any late window the requirement set allows).",
        DocumentationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AssistantProgressReport"/>.</summary>
    public static DiagnosticDescriptor AssistantProgressReport { get; } = new(
        DiagnosticIds.AssistantProgressReport,
        "Progress report by an assistant",
        "The progress report dated {date} was written by an assistant (PTA/OTA); it does not count as a progress report (BPM ch. 15 §220.3 D). Have the therapist write or complete it.",
        DocumentationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.CertificationLate"/>.</summary>
    public static DiagnosticDescriptor CertificationLate { get; } = new(
        DiagnosticIds.CertificationLate,
        "Initial certification late",
        "The initial certification was due by {due} (30 days after the first treatment on {start}) and is {state}, more than 30 days late without a documented reason (BPM ch. 15 §220.1.3). Obtain the physician/NPP signature and document the reason for the delay.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.CertificationDelayed"/>.</summary>
    public static DiagnosticDescriptor CertificationDelayed { get; } = new(
        DiagnosticIds.CertificationDelayed,
        "Certification delayed",
        "The {which} certification was due by {due} and is {state}; a delayed certification is accepted without a reason for the delay only until {grace} (BPM ch. 15 §220.1.3 D). Make sure it is signed by then; after that, document the reason for the delay.",
        DocumentationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.VerbalOrderNotSigned"/>.</summary>
    public static DiagnosticDescriptor VerbalOrderNotSigned { get; } = new(
        DiagnosticIds.VerbalOrderNotSigned,
        "Verbal order not signed within 14 days",
        "The verbal order of {order} was not followed by a signature by {signBy} (14 days, BPM ch. 15 §220.1.3); it does not certify the plan. Obtain the physician/NPP signature.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.RecertificationLate"/>.</summary>
    public static DiagnosticDescriptor RecertificationLate { get; } = new(
        DiagnosticIds.RecertificationLate,
        "Recertification late",
        "Recertification {index} was due by {due} and is {state}, more than 30 days late without a documented reason (BPM ch. 15 §220.1.3 D). Obtain the signature and document the reason for the delay.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.VisitOutsideCertifiedInterval"/>.</summary>
    public static DiagnosticDescriptor VisitOutsideCertifiedInterval { get; } = new(
        DiagnosticIds.VisitOutsideCertifiedInterval,
        "Visit outside the certified plan",
        "The visit on {date} is outside every certified interval of the plan of care ({first} to {last}); a certification covers at most 90 calendar days (BPM ch. 15 §220.1.3). Recertify the plan to cover this visit.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PatientCannotFollowInstructions"/>.</summary>
    public static DiagnosticDescriptor PatientCannotFollowInstructions { get; } = new(
        DiagnosticIds.PatientCannotFollowInstructions,
        "Patient cannot follow instructions",
        "The note says the patient cannot follow instructions; 97535 is covered only when the patient can learn from instructions (older MAC LCD text, confidence L). Document the patient's ability to learn or reconsider the service.",
        DocumentationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.NotOneOnOne"/>.</summary>
    public static DiagnosticDescriptor NotOneOnOne { get; } = new(
        DiagnosticIds.NotOneOnOne,
        "97535 time not one-on-one",
        "The note says the 97535 time was not direct one-on-one contact, which the code requires (CPT descriptor). Bill only the one-on-one minutes, or a group code for group time.",
        DocumentationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.NoteDateDiffers"/>.</summary>
    public static DiagnosticDescriptor NoteDateDiffers { get; } = new(
        DiagnosticIds.NoteDateDiffers,
        "Note dated another day",
        "The note is dated {noteDate} but the encounter's date of service is {date}; a treatment note is required for each treatment day (BPM ch. 15 §220.3 E). Attach the note of this date.",
        DocumentationCategory,
        Severity.Error);

    private static DiagnosticDescriptor[] DocumentationDescriptors() =>
    [
        NoteElementMissing, TotalTimedMinutesDiffer, UnitsNotSupportedByNote, TotalTreatmentTimeTooShort,
        TimedServiceNotDocumented, AdlElementMissing, GoalLinkUnresolved, CaregiverOnlyTraining, GoalReachedIndependence,
        ClonedNarrative, NarrativeTooShort, LowAverageMinutesPerUnit, ProgressReportOverdue, ProgressReportDue,
        AssistantProgressReport, CertificationLate, CertificationDelayed, VerbalOrderNotSigned, RecertificationLate,
        VisitOutsideCertifiedInterval, PatientCannotFollowInstructions, NotOneOnOne, NoteDateDiffers,
        .. DocumentationInputDescriptors(),
    ];
}
