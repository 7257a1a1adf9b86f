using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>
/// Decides CQ/CO per code from who furnished which minutes (CPM ch. 5 §20.1 [H]; de minimis per unit, CY 2020 and
/// CY 2022 PFS rules [M]).
/// </summary>
/// <remarks>
/// <para>How assistant minutes are assigned to units, for a timed code with <c>u</c> units, therapist minutes
/// <c>t</c> and assistant-alone minutes <c>a</c>:</para>
/// <list type="number">
/// <item>Each full 15 minutes furnished by the therapist alone is one unit without CQ/CO; then each full 15 minutes
/// furnished by the assistant alone is one unit with CQ/CO (a whole unit by the assistant is far above 10 %).</item>
/// <item>One unit left: it is shared by the remaining minutes <c>t mod 15</c> and <c>a mod 15</c>; it needs CQ/CO
/// when the assistant's remaining minutes are more than the de minimis share (10 %) of the unit's remaining minutes.</item>
/// <item>Two units left (each provider has 9 to 14 remaining minutes, the CY 2022 refinement): one unit goes to each,
/// so one unit needs CQ/CO and one does not.</item>
/// </list>
/// <para>An untimed code is one service: it needs CQ/CO when the assistant furnished more than 10 % of its minutes
/// (or, with no minutes recorded, when a segment of it was furnished by the assistant).</para>
/// <para>With no assistant minutes no unit ever needs CQ or CO. The decision depends only on per-code sums, so the
/// order of segments never matters. CQ goes with physical therapy (GP), CO with occupational therapy (GO); speech-
/// language pathology has no assistant modifier.</para>
/// </remarks>
public static class AssistantRules
{
    /// <summary>The de minimis share used when no payer policy gives one: 10 percent.</summary>
    public const int DefaultDeMinimisPercent = 10;

    /// <summary>Decides CQ/CO for each line of a unit calculation.</summary>
    /// <param name="segments">The segments the units were computed from (same order).</param>
    /// <param name="units">The unit calculation.</param>
    /// <param name="discipline">The plan-of-care discipline, or <see langword="null"/> to infer it per line from <paramref name="lineModifiers"/>.</param>
    /// <param name="deMinimisPercent">The de minimis share in percent (0 to 100).</param>
    /// <param name="lineModifiers">Optional: the modifiers of each code's claim line, to infer the discipline from GP/GO/GN.</param>
    /// <returns>One decision per line of <paramref name="units"/> with a known kind, in line order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deMinimisPercent"/> is outside 0..100.</exception>
    /// <exception cref="ArgumentException"><paramref name="units"/> refers to a segment index <paramref name="segments"/> does not have.</exception>
    public static ImmutableArray<AssistantDecision> Decide(
        IReadOnlyList<TreatmentSegment> segments,
        UnitCalculation units,
        Discipline? discipline,
        int deMinimisPercent = DefaultDeMinimisPercent,
        Func<CptCode, IEnumerable<Modifier>>? lineModifiers = null)
    {
        Guard.NotNull(segments);
        Guard.NotNull(units);
        ArgumentOutOfRangeException.ThrowIfNegative(deMinimisPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(deMinimisPercent, 100);
        var decisions = ImmutableArray.CreateBuilder<AssistantDecision>();
        foreach (var line in units.Lines)
        {
            if (line.Kind is null)
            {
                continue;
            }

            int assistant = 0;
            bool anyAssistantSegment = false;
            foreach (int index in line.SegmentIndices)
            {
                if ((uint)index >= (uint)segments.Count)
                {
                    throw new ArgumentException("The unit calculation was not computed from these segments.", nameof(units));
                }

                var segment = segments[index];
                int minutes = WholeMinutes(segment);
                int alone = segment.AssistantMinutes is int given
                    ? Math.Min(given, minutes)
                    : segment.FurnishedBy == ProviderRole.Assistant ? minutes : 0;
                assistant = checked(assistant + alone);
                anyAssistantSegment |= alone > 0 || segment.FurnishedBy == ProviderRole.Assistant;
            }

            assistant = Math.Min(assistant, line.Minutes);
            int therapist = line.Minutes - assistant;
            var lineDiscipline = discipline ?? InferDiscipline(lineModifiers?.Invoke(line.Code));
            decisions.Add(line.IsTimed
                ? Timed(line, therapist, assistant, deMinimisPercent, lineDiscipline)
                : Untimed(line, therapist, assistant, anyAssistantSegment, deMinimisPercent, lineDiscipline));
        }

        return decisions.ToImmutable();
    }

    /// <summary>Gets the assistant modifier of a discipline: CQ for physical therapy, CO for occupational therapy, none for SLP.</summary>
    /// <param name="discipline">The discipline.</param>
    /// <returns>The modifier, or <see langword="null"/>.</returns>
    public static Modifier? AssistantModifierFor(Discipline? discipline) => discipline switch
    {
        Discipline.PhysicalTherapy => Modifier.CQ,
        Discipline.OccupationalTherapy => Modifier.CO,
        _ => null,
    };

    /// <summary>Gets the discipline modifier an assistant modifier must travel with: GP for CQ, GO for CO.</summary>
    /// <param name="assistantModifier">CQ or CO.</param>
    /// <returns>The discipline modifier, or <see langword="null"/> for any other modifier.</returns>
    public static Modifier? DisciplineModifierFor(Modifier assistantModifier) =>
        assistantModifier == Modifier.CQ ? Modifier.GP : assistantModifier == Modifier.CO ? Modifier.GO : null;

    internal static Discipline? InferDiscipline(IEnumerable<Modifier>? modifiers)
    {
        if (modifiers is null)
        {
            return null;
        }

        foreach (var modifier in modifiers)
        {
            if (modifier == Modifier.GP)
            {
                return Discipline.PhysicalTherapy;
            }

            if (modifier == Modifier.GO)
            {
                return Discipline.OccupationalTherapy;
            }

            if (modifier == Modifier.GN)
            {
                return Discipline.SpeechLanguagePathology;
            }
        }

        return null;
    }

    internal static int WholeMinutes(TreatmentSegment segment) =>
        segment.Minutes ?? (segment.GetDuration() is { } d ? checked((int)(d.BclCompatibleTicks / NodaTime.NodaConstants.TicksPerMinute)) : 0);

    private static AssistantDecision Timed(UnitLine line, int therapist, int assistant, int percent, Discipline? discipline)
    {
        int u = line.Units;
        int tu = Math.Min(therapist / UnitAllocator.MinutesPerUnit, u);
        int au = Math.Min(assistant / UnitAllocator.MinutesPerUnit, u - tu);
        int tr = therapist - (tu * UnitAllocator.MinutesPerUnit);
        int ar = assistant - (au * UnitAllocator.MinutesPerUnit);
        int left = u - tu - au;
        string why;
        if (left == 0)
        {
            why = F($"{line.Code}: {tu} unit(s) of full 15 minutes by the therapist, {au} by the assistant; remaining minutes earn no unit.");
        }
        else if (left == 1 || tr == 0 || ar == 0)
        {
            bool over = Exceeds(ar, tr + ar, percent);
            if (over)
            {
                au += left;
            }
            else
            {
                tu += left;
            }

            why = F($"{line.Code}: {left} unit(s) shared by {tr} therapist and {ar} assistant-alone minute(s); the assistant's share is {(over ? "more than" : "not more than")} the {percent} % de minimis, so {(over ? "it needs" : "it needs no")} CQ/CO.");
        }
        else
        {
            // CY 2022 refinement: two units left, each provider with 9-14 remaining minutes: one unit each,
            // the first to the provider with more minutes (the therapist on a tie).
            int toAssistant = ar > tr ? (left + 1) / 2 : left / 2;
            au += toAssistant;
            tu += left - toAssistant;
            why = F($"{line.Code}: {left} units left with {tr} therapist and {ar} assistant-alone minute(s); each provider furnished a unit (CY 2022 rule), so {toAssistant} unit(s) need CQ/CO.");
        }

        var modifier = au > 0 ? AssistantModifierFor(discipline) : null;
        return new AssistantDecision(line.Code, discipline, u, therapist, assistant, tu, au, modifier, why);
    }

    private static AssistantDecision Untimed(UnitLine line, int therapist, int assistant, bool anyAssistantSegment, int percent, Discipline? discipline)
    {
        bool over = line.Minutes > 0 ? Exceeds(assistant, line.Minutes, percent) : anyAssistantSegment;
        int au = over ? line.Units : 0;
        var modifier = au > 0 ? AssistantModifierFor(discipline) : null;
        string why = F($"{line.Code}: untimed service; the assistant furnished {assistant} of {line.Minutes} minute(s) alone, {(over ? "more than" : "not more than")} the {percent} % de minimis, so it {(over ? "needs" : "needs no")} CQ/CO.");
        return new AssistantDecision(line.Code, discipline, line.Units, therapist, assistant, line.Units - au, au, modifier, why);
    }

    // "More than 10 %" in integers: part * 100 > percent * whole.
    private static bool Exceeds(int part, int whole, int percent) => part > 0 && part * 100L > (long)percent * whole;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
