namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>A complete, clean 97535 encounter and helpers to take parts away.</summary>
internal static class NoteFixtures
{
    public static readonly LocalDate Dos = new(2026, 3, 10);

    public const string Narrative =
        "Trained lower body dressing seated at edge of bed using reacher and sock aid; taught hemi dressing sequence affected side first; patient needed two verbal cues, then completed pants independently with setup.";

    public static NoteIntervention SelfCare(int minutes = 30) => new()
    {
        Code = C97535,
        Minutes = minutes,
        Billed = true,
        Task = "lower-body dressing",
        AssistanceBefore = new AssistanceLevel("FIM", "3"),
        AssistanceAfter = new AssistanceLevel("FIM", "4"),
        CompensatoryStrategy = "hemi-dressing sequence",
        AdaptiveEquipment = "reacher, sock aid",
        SafetyInstruction = "seated balance while dressing",
        PatientResponse = "teach-back correct after two cues",
        GoalIds = ["STG1"],
        OneOnOne = true,
        AbleToFollowInstructions = true,
        CaregiverOnly = false,
        Narrative = Narrative,
    };

    public static TreatmentNote Complete(int minutes = 30) => new()
    {
        DateOfService = Dos,
        Interventions = [SelfCare(minutes)],
        TotalTimedMinutes = minutes,
        TotalTreatmentMinutes = minutes + 5,
        Signature = new NoteSignature { IsSigned = true, Credentials = "OTR/L", Role = ClinicianRole.Therapist, SignedOn = Dos },
        AssistantInvolved = false,
        Goals = [new FunctionalGoal("STG1"), new FunctionalGoal("LTG1")],
    };

    public static UnitCalculation Units(int minutes = 30, UnitMethod method = UnitMethod.Cms) =>
        UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97535, minutes)], method);

    public static DocumentationCheckContext Context(int minutes = 30) => new(Dos, Units(minutes));

    public static IReadOnlyList<Diagnostic> Check(TreatmentNote note, DocumentationCheckContext? context = null) =>
        DocumentationCheck.Validate(note, context ?? Context());

    public static TreatmentNote WithIntervention(this TreatmentNote note, Func<NoteIntervention, NoteIntervention> change) =>
        note with { Interventions = [change(note.Interventions[0])] };

    /// <summary>Weekdays from <paramref name="first"/> for <paramref name="count"/> treatment days.</summary>
    public static List<LocalDate> Weekdays(LocalDate first, int count)
    {
        var days = new List<LocalDate>();
        for (var d = first; days.Count < count; d = d.PlusDays(1))
        {
            if (d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }

        return days;
    }
}
