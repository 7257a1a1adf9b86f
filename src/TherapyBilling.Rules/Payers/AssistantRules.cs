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

    private const string NotTheseSegments = "The unit calculation was not computed from these segments.";

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

            if (!TryMinutesOf(segments, line, out var minutes))
            {
                throw new ArgumentException(NotTheseSegments, nameof(units));
            }

            var lineDiscipline = discipline ?? InferDiscipline(lineModifiers?.Invoke(line.Code));
            var split = Split(line, minutes, deMinimisPercent, explain: true);
            var modifier = split.AssistantUnits > 0 ? AssistantModifierFor(lineDiscipline) : null;
            decisions.Add(new AssistantDecision(line.Code, lineDiscipline, line.Units, minutes.Therapist, minutes.Assistant, split.TherapistUnits, split.AssistantUnits, modifier, split.Why!));
        }

        return decisions.ToImmutable();
    }

    /// <summary>
    /// The decision for one line of the engine's own unit calculation, without its sentence (the engine reads only
    /// the numbers; a clean encounter builds no text).
    /// </summary>
    /// <param name="segments">The segments the units were computed from.</param>
    /// <param name="line">A line with a known kind.</param>
    /// <param name="discipline">The discipline the line's modifier follows.</param>
    /// <param name="percent">The de minimis share.</param>
    internal static UnitSplit SplitUnits(ImmutableArray<TreatmentSegment> segments, UnitLine line, Discipline? discipline, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (!TryMinutesOf(segments, line, out var minutes))
        {
            throw new ArgumentException(NotTheseSegments, nameof(line));
        }

        var split = Split(line, minutes, percent, explain: false);
        var modifier = split.AssistantUnits > 0 ? AssistantModifierFor(discipline) : null;
        return new UnitSplit(line.Code, line.Units, split.TherapistUnits, split.AssistantUnits, modifier);
    }

    /// <summary>Who furnished a line's minutes: the therapist (alone or with the assistant) and the assistant alone; <see langword="false"/> when the line names a segment that is not there.</summary>
    private static bool TryMinutesOf<TSegments>(TSegments segments, UnitLine line, out LineMinutes minutesOf)
        where TSegments : IReadOnlyList<TreatmentSegment>
    {
        minutesOf = default;
        int assistant = 0;
        bool anyAssistantSegment = false;
        foreach (int index in line.SegmentIndices)
        {
            if ((uint)index >= (uint)segments.Count)
            {
                return false;
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
        minutesOf = new LineMinutes(line.Minutes - assistant, assistant, anyAssistantSegment);
        return true;
    }

    private static (int TherapistUnits, int AssistantUnits, string? Why) Split(UnitLine line, LineMinutes minutes, int percent, bool explain) => line.IsTimed
        ? Timed(line, minutes.Therapist, minutes.Assistant, percent, explain)
        : Untimed(line, minutes.Therapist, minutes.Assistant, minutes.AnyAssistantSegment, percent, explain);

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
            if (DisciplineOf(modifier) is { } discipline)
            {
                return discipline;
            }
        }

        return null;
    }

    /// <summary>The discipline of a line's first GP, GO or GN (the array is read as it is, not boxed).</summary>
    internal static Discipline? InferDiscipline(ImmutableArray<Modifier> modifiers)
    {
        foreach (var modifier in modifiers)
        {
            if (DisciplineOf(modifier) is { } discipline)
            {
                return discipline;
            }
        }

        return null;
    }

    private static Discipline? DisciplineOf(Modifier modifier) =>
        modifier == Modifier.GP ? Discipline.PhysicalTherapy
        : modifier == Modifier.GO ? Discipline.OccupationalTherapy
        : modifier == Modifier.GN ? Discipline.SpeechLanguagePathology
        : null;

    internal static int WholeMinutes(TreatmentSegment segment) =>
        segment.Minutes ?? (segment.GetDuration() is { } d ? checked((int)(d.BclCompatibleTicks / NodaTime.NodaConstants.TicksPerMinute)) : 0);

    private static (int TherapistUnits, int AssistantUnits, string? Why) Timed(UnitLine line, int therapist, int assistant, int percent, bool explain)
    {
        int u = line.Units;
        int tu = Math.Min(therapist / UnitAllocator.MinutesPerUnit, u);
        int au = Math.Min(assistant / UnitAllocator.MinutesPerUnit, u - tu);
        int tr = therapist - (tu * UnitAllocator.MinutesPerUnit);
        int ar = assistant - (au * UnitAllocator.MinutesPerUnit);
        int left = u - tu - au;
        string? why = null;
        if (left == 0)
        {
            if (explain)
            {
                why = F($"{line.Code}: {tu} unit(s) of full 15 minutes by the therapist, {au} by the assistant; remaining minutes earn no unit.");
            }
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

            if (explain)
            {
                why = F($"{line.Code}: {left} unit(s) shared by {tr} therapist and {ar} assistant-alone minute(s); the assistant's share is {(over ? "more than" : "not more than")} the {percent} % de minimis, so {(over ? "it needs" : "it needs no")} CQ/CO.");
            }
        }
        else
        {
            // CY 2022 refinement: two units left, each provider with 9-14 remaining minutes: one unit each,
            // the first to the provider with more minutes (the therapist on a tie).
            int toAssistant = ar > tr ? (left + 1) / 2 : left / 2;
            au += toAssistant;
            tu += left - toAssistant;
            if (explain)
            {
                why = F($"{line.Code}: {left} units left with {tr} therapist and {ar} assistant-alone minute(s); each provider furnished a unit (CY 2022 rule), so {toAssistant} unit(s) need CQ/CO.");
            }
        }

        return (tu, au, why);
    }

    private static (int TherapistUnits, int AssistantUnits, string? Why) Untimed(UnitLine line, int therapist, int assistant, bool anyAssistantSegment, int percent, bool explain)
    {
        bool over = line.Minutes > 0 ? Exceeds(assistant, line.Minutes, percent) : anyAssistantSegment;
        int au = over ? line.Units : 0;
        string? why = explain
            ? F($"{line.Code}: untimed service; the assistant furnished {assistant} of {line.Minutes} minute(s) alone, {(over ? "more than" : "not more than")} the {percent} % de minimis, so it {(over ? "needs" : "needs no")} CQ/CO.")
            : null;
        return (line.Units - au, au, why);
    }

    // "More than 10 %" in integers: part * 100 > percent * whole.
    private static bool Exceeds(int part, int whole, int percent) => part > 0 && part * 100L > (long)percent * whole;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The minutes of one line by provider.</summary>
    private readonly record struct LineMinutes(int Therapist, int Assistant, bool AnyAssistantSegment);
}

/// <summary>The numbers of an <see cref="AssistantDecision"/>, without its sentence.</summary>
/// <param name="Code">The code.</param>
/// <param name="Units">The units of the code.</param>
/// <param name="TherapistUnits">Units without CQ/CO.</param>
/// <param name="AssistantUnits">Units that need CQ/CO.</param>
/// <param name="RequiredModifier">CQ or CO when assistant units need one and the discipline allows it.</param>
internal readonly record struct UnitSplit(CptCode Code, int Units, int TherapistUnits, int AssistantUnits, Modifier? RequiredModifier)
{
    public bool NeedsAssistantModifier => AssistantUnits > 0;
}
