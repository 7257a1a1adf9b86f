using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>Builds the explanation of a calculation, in the invariant culture.</summary>
internal static class UnitText
{
    /// <summary>The shortest run of full blocks written as one step (shorter runs get a step per unit, as the manual writes them).</summary>
    public const int MinRun = 3;

    public static string MethodName(UnitMethod method) => method == UnitMethod.Cms ? "CMS" : "AMA";

    public static string Header(UnitCalculation result)
    {
        if (result.HasNoAllocation)
        {
            return F($"{MethodName(result.Method)} method: the encounter's minutes exceed {UnitCalculator.MaxEncounterMinutes:N0} (a calendar day has 1,440), so its units are not computed (TBR111). Correct the segments' minutes and times.");
        }

        int timedUnits = result.TimedUnits;
        int otherUnits = result.TotalUnits - timedUnits;
        string rule = result.Method == UnitMethod.Cms
            ? F($"CMS 8-minute rule (CPM ch. 5 §20.2): {result.TimedMinutes} timed minutes allow {timedUnits} timed unit(s) (floor(({result.TimedMinutes} + 7) / 15), 0 under 8 minutes)")
            : F($"AMA substantial-portion method (per code, no pooling): {result.TimedMinutes} timed minutes earn {timedUnits} timed unit(s)");
        var text = F($"{rule}; {otherUnits} untimed unit(s); total {result.TotalUnits} unit(s); total treatment time {result.TotalTreatmentMinutes} minutes.");
        var totals = result.Totals;
        if (totals.RecordedTimed > totals.Timed)
        {
            text += F($" Overlapping one-on-one time is counted once: {totals.RecordedTimed} minute(s) were recorded, {totals.Timed} of clock time (TBR101).");
        }

        if (result.Method == UnitMethod.Cms && totals.TimedPerCode != totals.Timed)
        {
            text += F($" Exact time: the timed time adds up to {totals.Timed} minute(s) floored once; the codes' minutes floored one by one add up to {totals.TimedPerCode}; the total governs the units.");
        }

        if (result.Tie is { } tie)
        {
            text += F($" Tie: {string.Join(", ", tie.Codes)} have {tie.LeftoverMinutes} leftover minute(s) each; {tie.Units} extra unit(s) go to whichever of them the clinician chooses (CPM ch. 5 §20.2 ex. 2, 5){(result.IsCallerChoice ? "; the lines follow the clinician's choice" : "; the lines show the default choice")}.");
        }

        return text;
    }

    /// <summary>The explanation of a calculation whose units were not computed (TBR111): one step per line, no unit.</summary>
    public static ImmutableArray<UnitExplanation> NotComputed(ImmutableArray<UnitLine> lines)
    {
        var steps = ImmutableArray.CreateBuilder<UnitExplanation>(lines.Length);
        foreach (var line in lines)
        {
            steps.Add(new(line.Code, 0, UnitReason.NoUnit, F($"{line.Code}: {line.Minutes} minute(s) counted up to the limit; units not computed (TBR111).")));
        }

        return steps.MoveToImmutable();
    }

    public static ImmutableArray<UnitExplanation> Explain(ImmutableArray<UnitLine> lines, UnitMethod method, ImmutableArray<CptCode> preferredOrder, UnitTie? tie, bool chosenByCaller)
    {
        var steps = ImmutableArray.CreateBuilder<UnitExplanation>();
        foreach (var line in lines)
        {
            if (line.Kind is null)
            {
                steps.Add(new(line.Code, 0, UnitReason.UnknownCode, F($"{line.Code}: not in the code catalog; its {line.Minutes} minute(s) are not counted.")));
                continue;
            }

            if (line.Kind == CodeKind.Untimed)
            {
                steps.Add(new(line.Code, 1, UnitReason.Untimed, F($"{line.Code} unit 1: untimed (service-based) code, 1 unit per day whatever the minutes ({line.Minutes} recorded; CPM ch. 5 §20.2 B).")));
                continue;
            }

            int full = Math.Min(line.FullBlocks, line.Units);
            if (full < MinRun)
            {
                for (int u = 1; u <= full; u++)
                {
                    steps.Add(new(line.Code, u, UnitReason.FullBlock, F($"{line.Code} unit {u}: full 15-minute block (minutes {((u - 1) * 15) + 1}-{u * 15} of {line.Minutes}).")));
                }
            }
            else
            {
                // One step for a run of full blocks keeps the explanation bounded by the number of codes.
                steps.Add(new(line.Code, 1, UnitReason.FullBlock, F($"{line.Code} units 1–{full:N0}: full 15-minute blocks (minutes 1–{(long)full * 15:N0} of {line.Minutes:N0}).")) { ThroughUnitNumber = full });
            }

            if (line.Units > full)
            {
                steps.Add(method == UnitMethod.Ama
                    ? new(line.Code, line.Units, UnitReason.SubstantialPortion, F($"{line.Code} unit {line.Units}: {line.LeftoverMinutes} leftover minute(s) pass the midpoint of a unit (8 of 15; CPT substantial portion)."))
                    : LeftoverWinner(line, lines, preferredOrder, chosenByCaller));
            }
            else if (line.Units == full && line.LeftoverMinutes > 0)
            {
                steps.Add(method == UnitMethod.Ama
                    ? new(line.Code, 0, UnitReason.NoUnit, F($"{line.Code}: {line.LeftoverMinutes} leftover minute(s) do not reach the midpoint of a unit (8 of 15); no further unit."))
                    : LeftoverLoser(line, lines, tie));
            }
        }

        return steps.ToImmutable();
    }

    private static UnitExplanation LeftoverWinner(UnitLine line, ImmutableArray<UnitLine> lines, ImmutableArray<CptCode> preferredOrder, bool chosenByCaller)
    {
        UnitLine? tied = null, bestLoser = null;
        foreach (var other in lines)
        {
            if (!other.IsTimed || other.Code == line.Code || other.LeftoverMinutes == 0 || other.Units > other.FullBlocks)
            {
                continue;
            }

            if (other.LeftoverMinutes == line.LeftoverMinutes)
            {
                tied ??= other;
            }

            if (bestLoser is null || other.LeftoverMinutes > bestLoser.LeftoverMinutes)
            {
                bestLoser = other;
            }
        }

        string head = F($"{line.Code} unit {line.Units}: leftover {line.LeftoverMinutes} minute(s)");
        if (tied is not null)
        {
            int rankLine = preferredOrder.IndexOf(line.Code), rankTied = preferredOrder.IndexOf(tied.Code);
            string why = chosenByCaller
                ? "the clinician chose it (the billed lines give it the unit)"
                : rankLine >= 0 && (rankTied < 0 || rankLine < rankTied)
                ? "the caller's preferred order lists it first"
                : line.Minutes != tied.Minutes
                    ? F($"it has more total minutes ({line.Minutes} vs {tied.Minutes})")
                    : "it comes first in the input";
            return new(line.Code, line.Units, UnitReason.TieChoice, F($"{head} tie with {tied.Code}'s {tied.LeftoverMinutes}; CMS lets the clinician choose (CPM ch. 5 §20.2 ex. 2, 5); chosen because {why}."));
        }

        return bestLoser is null
            ? new(line.Code, line.Units, UnitReason.LargestLeftover, F($"{head}; the total timed minutes allow a unit for it (remaining units go to the largest leftovers)."))
            : new(line.Code, line.Units, UnitReason.LargestLeftover, F($"{head} are more than {bestLoser.Code}'s {bestLoser.LeftoverMinutes}; remaining units go to the largest leftovers (CPM ch. 5 §20.2 ex. 3)."));
    }

    private static UnitExplanation LeftoverLoser(UnitLine line, ImmutableArray<UnitLine> lines, UnitTie? tie)
    {
        if (tie is not null && tie.Codes.Contains(line.Code))
        {
            return new(line.Code, 0, UnitReason.NoUnit, F($"{line.Code}: leftover {line.LeftoverMinutes} minute(s) tie with {string.Join(", ", tie.Codes.Where(c => c != line.Code))}; the clinician chooses which tied code takes the unit (CPM ch. 5 §20.2 ex. 2, 5), and this one may take it instead."));
        }

        var winners = new List<string>();
        foreach (var other in lines)
        {
            if (other.IsTimed && other.Units > other.FullBlocks)
            {
                winners.Add(F($"{other.Code} ({other.LeftoverMinutes})"));
            }
        }

        string text = winners.Count == 0
            ? F($"{line.Code}: leftover {line.LeftoverMinutes} minute(s) earn no unit; the total timed minutes allow no further unit.")
            : F($"{line.Code}: leftover {line.LeftoverMinutes} minute(s) earn no unit; the units the total allows went to larger or preferred leftovers: {string.Join(", ", winners)}.");
        return new(line.Code, 0, UnitReason.NoUnit, text);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
