using System.Globalization;

namespace TherapyBilling.Rules.Server.Api;

/// <summary>
/// The fixes the data proves for a checked encounter: the modifier fixes of the code-separation check on the billed
/// lines (59/X{EPSU} only with time evidence, GP/GO/GN from the plan of care), and the units the minutes support when
/// a billed line differs (TBR108). Nothing is guessed: where the library offers no fix, none is given.
/// </summary>
internal static class FixFinder
{
    public static IReadOnlyList<FixDto> Find(Encounter encounter, EncounterReport report, ComplianceOptions options)
    {
        var fixes = new List<FixDto>();
        if (encounter.BilledLines.IsDefaultOrEmpty)
        {
            return fixes;
        }

        var profile = options.ResolvePayerProfile(encounter);
        var separation = new SeparationOptions
        {
            PairTable = options.PairTable,
            Catalog = options.Catalog,
            CheckPairEdits = profile?.ApplyNcciEdits ?? true,
            CheckDisciplineModifiers = profile?.RequireDisciplineModifier ?? true,
        };
        var input = SeparationInput.FromBilledLines(encounter.DateOfService, encounter.Segments, encounter.BilledLines, encounter.Discipline);
        foreach (var fix in CodePairCheck.SuggestFixes(input, separation))
        {
            string action = fix.Action switch
            {
                ModifierFixAction.Add => "addModifier",
                ModifierFixAction.Remove => "removeModifier",
                _ => "documentTimes",
            };
            fixes.Add(new FixDto(fix.DiagnosticId, fix.Path, action, fix.LineIndex, fix.Code.Value, fix.Modifier?.Value, null, fix.Reason));
        }

        foreach (var diagnostic in report.Diagnostics)
        {
            if (diagnostic.Id == DiagnosticIds.BilledUnitsDiffer
                && LineIndexOf(diagnostic.Path) is int line
                && int.TryParse(diagnostic.GetArgument("computed"), NumberStyles.None, CultureInfo.InvariantCulture, out int computed)
                && OnlyLineOfItsCode(encounter, line))
            {
                var code = encounter.BilledLines[line].Code;
                fixes.Add(new FixDto(diagnostic.Id, diagnostic.Path, "setUnits", line, code.Value, null, computed, $"The minutes support {computed} unit(s) of {code.Value}."));
            }
        }

        return fixes;
    }

    /// <summary>A split code (several billed lines) has no single line to change: no fix is offered then.</summary>
    private static bool OnlyLineOfItsCode(Encounter encounter, int line) =>
        encounter.BilledLines.Count(b => b.Code == encounter.BilledLines[line].Code) == 1;

    /// <summary>Reads i from a path <c>lines[i]...</c>.</summary>
    internal static int? LineIndexOf(string path)
    {
        if (!path.StartsWith("lines[", StringComparison.Ordinal))
        {
            return null;
        }

        int close = path.IndexOf(']', StringComparison.Ordinal);
        return close > 6 && int.TryParse(path.AsSpan(6, close - 6), NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : null;
    }
}
