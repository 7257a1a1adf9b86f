using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>Checks the lines as billed against the units the minutes support (TBR108, TBR109).</summary>
/// <remarks>
/// Every allocation CMS allows is accepted: where leftover minutes tie, the clinician chooses which code takes the unit
/// (CPM ch. 5 §20.2 examples 2 and 5), so TBR108 fires only when no valid choice gives the billed units, and its
/// message names the valid allocations.
/// </remarks>
internal static class BilledLineCheck
{
    private const int MaxListedAllocations = 4;

    /// <summary>
    /// Returns the calculation following the billed lines' tie choice when they show a valid one other than the
    /// default; otherwise the calculation as it is.
    /// </summary>
    public static UnitCalculation FollowBilledChoice(Encounter encounter, UnitCalculation units)
    {
        if (encounter.BilledLines.IsDefaultOrEmpty || units.Tie is null)
        {
            return units;
        }

        int lineCount = units.Lines.Length;
        Span<int> billed = lineCount <= SegmentChecks.StackSegments ? stackalloc int[lineCount] : new int[lineCount];
        billed = billed[..BilledTimedUnits(encounter, units, billed)];
        return units.IsValidTimedUnits(billed) ? units.WithTimedUnits(billed) : units;
    }

    public static void Check(Encounter encounter, UnitCalculation units, List<Diagnostic> diagnostics)
    {
        var billed = encounter.BilledLines;
        int lineCount = units.Lines.Length;
        Span<int> billedTimedUnits = lineCount <= SegmentChecks.StackSegments ? stackalloc int[lineCount] : new int[lineCount];
        bool timedValid = units.IsValidTimedUnits(billedTimedUnits[..BilledTimedUnits(encounter, units, billedTimedUnits)]);
        Dictionary<CptCode, int>? target = null;
        string? allocations = null;
        for (int i = 0; i < billed.Length; i++)
        {
            var line = billed[i];
            UnitLine? computed = null;
            foreach (var candidate in units.Lines)
            {
                if (candidate.Code == line.Code)
                {
                    computed = candidate;
                    break;
                }
            }

            if (computed is null)
            {
                diagnostics.Add(DiagnosticDescriptors.BilledCodeWithoutMinutes.Create(Paths.Index("lines", i, "code"), Arg.Of("code", line.Code)));
                continue;
            }

            if (computed.Kind is null || FirstBilledIndex(encounter, line.Code) != i)
            {
                continue;
            }

            int sum = SumBilledUnits(encounter, line.Code);
            int expected = computed.Units;
            if (computed.IsTimed)
            {
                if (timedValid)
                {
                    continue;
                }

                target ??= NearestValid(units, BilledTimedUnits(encounter, units), out allocations);
                expected = target.GetValueOrDefault(line.Code);
            }

            if (sum != expected)
            {
                var finding = DiagnosticDescriptors.BilledUnitsDiffer.Create(
                    Paths.Index("lines", i, "units"),
                    Arg.Of("code", line.Code),
                    Arg.Of("billed", sum),
                    Arg.Of("computed", expected),
                    Arg.Of("method", UnitText.MethodName(units.Method)),
                    Arg.Of("allocations", computed.IsTimed ? allocations! : string.Create(CultureInfo.InvariantCulture, $"{line.Code} ×{expected}")));
                diagnostics.Add(UnitsFixIsCertain(encounter, units, line.Code)
                    ? finding.WithFix(Fix.ChangeUnits(DiagnosticIds.BilledUnitsDiffer, Paths.Index("lines", i), line.Code, expected, "the minutes support this many units (" + UnitText.MethodName(units.Method) + ")"))
                    : finding);
            }
        }
    }

    /// <summary>The valid allocation that agrees with the billed units on the most codes (the default first), and the valid options as text.</summary>
    private static Dictionary<CptCode, int> NearestValid(UnitCalculation units, Dictionary<CptCode, int> billed, out string text)
    {
        var options = units.ValidAllocations(int.MaxValue);
        var best = options[0];
        int bestAgree = -1;
        foreach (var option in options)
        {
            int agree = option.Count(kv => billed.GetValueOrDefault(kv.Key) == kv.Value);
            if (agree > bestAgree)
            {
                (best, bestAgree) = (option, agree);
            }
        }

        text = Describe(units, options);
        return best;
    }

    private static string Describe(UnitCalculation units, List<Dictionary<CptCode, int>> options)
    {
        static string One(Dictionary<CptCode, int> option) =>
            string.Join(" + ", option.Where(static kv => kv.Value > 0).Select(static kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} ×{kv.Value}")));

        if (options.Count <= MaxListedAllocations)
        {
            var listed = options.Select(One).Where(static t => t.Length > 0).ToList();
            return listed.Count == 0 ? "no timed units" : string.Join(" or ", listed);
        }

        var tie = units.Tie!;
        return string.Create(CultureInfo.InvariantCulture, $"{One(options[0])}, or move the {tie.Units} tied unit(s) to any {tie.Units} of {string.Join(", ", tie.Codes)} (equal leftovers of {tie.LeftoverMinutes} minute(s); the clinician chooses)");
    }

    /// <summary>Writes the billed units of each timed line, in line order; returns how many timed lines there are.</summary>
    private static int BilledTimedUnits(Encounter encounter, UnitCalculation units, Span<int> billed)
    {
        int t = 0;
        foreach (var line in units.Lines)
        {
            if (line.IsTimed)
            {
                billed[t++] = SumBilledUnits(encounter, line.Code);
            }
        }

        return t;
    }

    /// <summary>The billed units per timed code (only for a finding: the message names the nearest valid choice).</summary>
    private static Dictionary<CptCode, int> BilledTimedUnits(Encounter encounter, UnitCalculation units)
    {
        var result = new Dictionary<CptCode, int>();
        foreach (var line in units.Lines)
        {
            if (line.IsTimed)
            {
                result[line.Code] = SumBilledUnits(encounter, line.Code);
            }
        }

        return result;
    }

    /// <summary>
    /// The units are certain when the code is billed on one line (a split line cannot tell which part is wrong) and no
    /// CMS leftover tie exists (the clinician may choose another valid allocation).
    /// </summary>
    private static bool UnitsFixIsCertain(Encounter encounter, UnitCalculation units, CptCode code) =>
        encounter.BilledLines.Count(b => b.Code == code) == 1 && units.Tie is null;

    private static int SumBilledUnits(Encounter encounter, CptCode code)
    {
        long sum = 0;
        foreach (var line in encounter.BilledLines)
        {
            if (line.Code == code)
            {
                sum += line.Units;
            }
        }

        return (int)Math.Min(sum, int.MaxValue);
    }

    private static int FirstBilledIndex(Encounter encounter, CptCode code)
    {
        for (int i = 0; i < encounter.BilledLines.Length; i++)
        {
            if (encounter.BilledLines[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }
}
