namespace TherapyBilling.Rules;

/// <summary>Checks the lines as billed against the units the minutes support (TBR108, TBR109).</summary>
internal static class BilledLineCheck
{
    public static void Check(Encounter encounter, UnitCalculation units, List<Diagnostic> diagnostics)
    {
        var billed = encounter.BilledLines;
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

            if (computed.Kind is not null && computed.Units != SumBilledUnits(encounter, line.Code))
            {
                if (FirstBilledIndex(encounter, line.Code) == i)
                {
                    var finding = DiagnosticDescriptors.BilledUnitsDiffer.Create(
                        Paths.Index("lines", i, "units"),
                        Arg.Of("code", line.Code),
                        Arg.Of("billed", SumBilledUnits(encounter, line.Code)),
                        Arg.Of("computed", computed.Units),
                        Arg.Of("method", UnitText.MethodName(units.Method)));
                    diagnostics.Add(UnitsFixIsCertain(encounter, units, line.Code)
                        ? finding.WithFix(Fix.ChangeUnits(DiagnosticIds.BilledUnitsDiffer, Paths.Index("lines", i), line.Code, computed.Units, "the minutes support this many units (" + UnitText.MethodName(units.Method) + ")"))
                        : finding);
                }
            }
        }
    }

    /// <summary>
    /// The units are certain when the code is billed on one line (a split line cannot tell which part is wrong) and no
    /// CMS leftover tie was broken (the clinician may choose the other code).
    /// </summary>
    private static bool UnitsFixIsCertain(Encounter encounter, UnitCalculation units, CptCode code) =>
        encounter.BilledLines.Count(b => b.Code == code) == 1 && !units.Explanation.Any(static e => e.Reason == UnitReason.TieChoice);

    private static int SumBilledUnits(Encounter encounter, CptCode code)
    {
        int sum = 0;
        foreach (var line in encounter.BilledLines)
        {
            if (line.Code == code)
            {
                sum = checked(sum + line.Units);
            }
        }

        return sum;
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
