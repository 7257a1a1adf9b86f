using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Documentation.NoteFixtures;

namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>Properties of the documentation checks.</summary>
public sealed class DocumentationPropertyTests
{
    /// <summary>The removable elements of a complete note: each removes one element (the complete value restores it).</summary>
    private static readonly Func<TreatmentNote, TreatmentNote>[] Removals =
    [
        n => n with { DateOfService = null },
        n => n with { TotalTimedMinutes = null },
        n => n with { TotalTreatmentMinutes = null },
        n => n with { Signature = null },
        n => n with { Signature = n.Signature is null ? null : n.Signature with { Credentials = null } },
        n => n.WithIntervention(i => i with { Task = null }),
        n => n.WithIntervention(i => i with { AssistanceBefore = null }),
        n => n.WithIntervention(i => i with { AssistanceAfter = null }),
        n => n.WithIntervention(i => i with { CompensatoryStrategy = null }),
        n => n.WithIntervention(i => i with { AdaptiveEquipment = null }),
        n => n.WithIntervention(i => i with { SafetyInstruction = null }),
        n => n.WithIntervention(i => i with { PatientResponse = null }),
        n => n.WithIntervention(i => i with { GoalIds = [] }),
        n => n.WithIntervention(i => i with { OneOnOne = null }),
        n => n.WithIntervention(i => i with { AbleToFollowInstructions = null }),
        n => n.WithIntervention(i => i with { Narrative = null }),
    ];

    private static readonly Gen<bool[]> Masks = Gen.ArrayOf(Gen.Elements(true, false), Removals.Length);

    private static TreatmentNote Apply(bool[] mask)
    {
        var note = Complete();
        for (int i = 0; i < Removals.Length; i++)
        {
            if (mask[i])
            {
                note = Removals[i](note);
            }
        }

        return note;
    }

    private static int Errors(TreatmentNote note) => Check(note).Count(d => d.Severity == Severity.Error);

    [Property(MaxTest = 1000)]
    public Property Validate_AddingARequiredElement_NeverAddsAnError() =>
        Prop.ForAll(Masks.ToArbitrary(), Gen.Choose(0, Removals.Length - 1).ToArbitrary(), (mask, k) =>
        {
            var without = (bool[])mask.Clone();
            without[k] = true;
            var with = (bool[])mask.Clone();
            with[k] = false;
            var errorsWithout = Check(Apply(without)).Where(d => d.Severity == Severity.Error).Select(d => d.Id + d.Path).ToHashSet();
            var errorsWith = Check(Apply(with)).Where(d => d.Severity == Severity.Error).Select(d => d.Id + d.Path);
            return errorsWith.All(errorsWithout.Contains) && Errors(Apply(with)) <= Errors(Apply(without));
        });

    private static readonly Gen<int[]> Permutations =
        Gen.Shuffle(Enumerable.Range(0, 4).ToArray()).Select(a => a.ToArray());

    [Property(MaxTest = 300)]
    public Property Validate_FindingsDoNotDependOnInputOrder() =>
        Prop.ForAll(Permutations.ToArbitrary(), Masks.ToArbitrary(), (order, mask) =>
        {
            var days = Weekdays(Dos.PlusDays(-20), 12);
            var reports = new[]
            {
                new ProgressReport(Dos.PlusDays(-15), ClinicianRole.Assistant),
                new ProgressReport(Dos.PlusDays(-18), ClinicianRole.Therapist),
                new ProgressReport(Dos.PlusDays(-3), ClinicianRole.Assistant),
                new ProgressReport(Dos.PlusDays(-1), ClinicianRole.Therapist),
            };
            var goals = new[] { new FunctionalGoal("STG1"), new FunctionalGoal("LTG1"), new FunctionalGoal("LTG2"), new FunctionalGoal("STG2") };
            var note = Apply(mask) with { Goals = [.. goals], Episode = new EpisodeContext { TreatmentDays = [.. days], ProgressReports = [.. reports] } };
            var shuffled = note with
            {
                Goals = [.. order.Select(i => goals[i])],
                Episode = note.Episode with { TreatmentDays = [.. Enumerable.Reverse(days)], ProgressReports = [.. order.Select(i => reports[i])] },
            };
            // Paths name input positions, so they move with the input; the findings themselves must not change.
            var a = Check(note).Select(d => d.Id + " " + d.Severity + " " + d.Message).Order(StringComparer.Ordinal);
            var b = Check(shuffled).Select(d => d.Id + " " + d.Severity + " " + d.Message).Order(StringComparer.Ordinal);
            return a.SequenceEqual(b);
        });
}
