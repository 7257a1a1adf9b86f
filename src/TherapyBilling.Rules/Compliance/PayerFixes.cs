using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>
/// Fixes for the payer family's modifier findings, read from the finding and the line it names: CQ/CO added,
/// split onto their own line or removed; GP/GO with CQ/CO; telehealth modifiers. Nothing where the data cannot tell.
/// </summary>
internal static class PayerFixes
{
    public static void Attach(Encounter encounter, UnitCalculation units, List<Diagnostic> diagnostics)
    {
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            var fix = diagnostic.Id switch
            {
                DiagnosticIds.AssistantModifierMissing => AssistantMissing(encounter, units, diagnostic),
                DiagnosticIds.AssistantModifierUnsupported => AssistantUnsupported(encounter, diagnostic),
                DiagnosticIds.AssistantModifierWrongDiscipline => AssistantDiscipline(encounter, units, diagnostic),
                DiagnosticIds.TelehealthModifierMissing => AddNamedModifier(encounter, diagnostic, "the payer's telehealth policy requires it on every line"),
                _ => ImmutableArray<Fix>.Empty,
            };
            foreach (var f in fix)
            {
                diagnostic = diagnostic.WithFix(f);
            }

            diagnostics[i] = diagnostic;
        }
    }

    /// <summary>CQ/CO missing: on the whole line when every unit is the assistant's, else split the assistant's units onto their own line.</summary>
    private static ImmutableArray<Fix> AssistantMissing(Encounter encounter, UnitCalculation units, Diagnostic diagnostic)
    {
        if (LineOf(encounter, diagnostic.Path) is not { } line || ModifierArgument(diagnostic, "modifier") is not { } modifier
            || !int.TryParse(diagnostic.GetArgument("units"), NumberStyles.None, CultureInfo.InvariantCulture, out int assistantUnits) || assistantUnits <= 0)
        {
            return [];
        }

        if (!line.IsOnlyLineOfCode)
        {
            return [];
        }

        // CQ travels with GP and CO with GO: with no discipline modifier on the line both are added; with another, no fix.
        var discipline = AssistantRules.DisciplineModifierFor(modifier)!.Value;
        bool hasDiscipline = line.Modifiers.Contains(discipline);
        bool otherAssistant = line.Modifiers.Contains(modifier == Modifier.CQ ? Modifier.CO : Modifier.CQ);
        if (otherAssistant || (!hasDiscipline && line.Modifiers.Any(static m => m == Modifier.GP || m == Modifier.GO || m == Modifier.GN)))
        {
            return [];
        }

        // A split is certain only on a line billed with the units the minutes support (else TBR108 comes first).
        int computedUnits = units.UnitsOf(line.Code);
        if (line.IsBilled && line.Units != computedUnits)
        {
            return []; // the billed units are wrong first (TBR108): no modifier fix is certain until they are right
        }

        if (assistantUnits >= computedUnits)
        {
            var add = Fix.AddModifier(diagnostic.Id, line.Path, line.Code, modifier, "every unit of the code was furnished in part by the assistant beyond the de minimis share");
            return hasDiscipline ? [add] : [add, Fix.AddModifier(diagnostic.Id, line.Path, line.Code, discipline, "CQ travels with GP and CO with GO")];
        }

        return hasDiscipline && line.IsBilled
            ? [Fix.SplitLine(diagnostic.Id, line.Path, line.Code, assistantUnits, modifier, "only these units were furnished in part by the assistant beyond the de minimis share")]
            : [];
    }

    private static ImmutableArray<Fix> AssistantUnsupported(Encounter encounter, Diagnostic diagnostic)
    {
        if (LineOf(encounter, diagnostic.Path) is not { } first)
        {
            return [];
        }

        // Every line of the code that carries CQ or CO loses it: the assistant's share is de minimis.
        var fixes = ImmutableArray.CreateBuilder<Fix>();
        foreach (var line in LinesOfCode(encounter, first.Code))
        {
            foreach (var modifier in (ReadOnlySpan<Modifier>)[Modifier.CQ, Modifier.CO])
            {
                if (line.Modifiers.Contains(modifier))
                {
                    fixes.Add(Fix.RemoveModifier(diagnostic.Id, line.Path, line.Code, modifier, "the assistant's share of the code is within the de minimis standard"));
                }
            }
        }

        return fixes.ToImmutable();
    }

    /// <summary>CQ without GP (CO without GO): the discipline modifier is certain only when the line has none at all.</summary>
    private static ImmutableArray<Fix> AssistantDiscipline(Encounter encounter, UnitCalculation units, Diagnostic diagnostic)
    {
        if (LineOf(encounter, diagnostic.Path) is not { } line || ModifierArgument(diagnostic, "required") is not { } required)
        {
            return [];
        }

        // Once the pair is valid the CQ/CO unit count is checked (TBR414): adding the discipline cannot be proven to
        // leave no error unless the line is the code's only line and carries the units the minutes support.
        if (line.IsBilled && (!line.IsOnlyLineOfCode || line.Units != units.UnitsOf(line.Code)))
        {
            return [];
        }

        // With a plan of care of another discipline, the assistant modifier is the wrong one, not the discipline: no fix.
        bool hasDiscipline = line.Modifiers.Any(static m => m == Modifier.GP || m == Modifier.GO || m == Modifier.GN);
        bool planDisagrees = encounter.Discipline is { } plan && CodePairCheck.DisciplineModifier(plan) != required;
        bool bothAssistants = line.Modifiers.Contains(Modifier.CQ) && line.Modifiers.Contains(Modifier.CO);
        return hasDiscipline || planDisagrees || bothAssistants
            ? []
            : [Fix.AddModifier(diagnostic.Id, line.Path, line.Code, required, "CQ travels with GP and CO with GO")];
    }

    private static ImmutableArray<Fix> AddNamedModifier(Encounter encounter, Diagnostic diagnostic, string reason) =>
        LineOf(encounter, diagnostic.Path) is { } line && ModifierArgument(diagnostic, "modifier") is { } modifier
            ? [Fix.AddModifier(diagnostic.Id, line.Path, line.Code, modifier, reason)]
            : [];

    private static Modifier? ModifierArgument(Diagnostic diagnostic, string name) =>
        diagnostic.GetArgument(name) is { } text && Modifier.TryParse(text, out var modifier) ? modifier : null;

    /// <summary>The billed line or segment a payer finding's path starts with.</summary>
    private static FixLine? LineOf(Encounter encounter, string path)
    {
        for (int i = 0; i < encounter.BilledLines.Length; i++)
        {
            string linePath = Paths.Index("lines", i);
            if (FixAttacher.IsWithin(path, linePath))
            {
                var billed = encounter.BilledLines[i];
                return new FixLine(linePath, billed.Code, billed.Units, billed.Modifiers, IsBilled: true, encounter.BilledLines.Count(b => b.Code == billed.Code) == 1);
            }
        }

        if (!encounter.BilledLines.IsDefaultOrEmpty)
        {
            return null;
        }

        for (int i = 0; i < encounter.Segments.Length; i++)
        {
            string segmentPath = Paths.Segment(i);
            if (FixAttacher.IsWithin(path, segmentPath))
            {
                var segment = encounter.Segments[i];
                var modifiers = encounter.Segments.Where(s => s.Code == segment.Code).SelectMany(static s => s.Modifiers).Distinct().ToImmutableArray();
                return new FixLine(segmentPath, segment.Code, 0, modifiers, IsBilled: false, IsOnlyLineOfCode: true);
            }
        }

        return null;
    }

    private static IEnumerable<FixLine> LinesOfCode(Encounter encounter, CptCode code)
    {
        if (encounter.BilledLines.IsDefaultOrEmpty)
        {
            for (int i = 0; i < encounter.Segments.Length; i++)
            {
                var segment = encounter.Segments[i];
                if (segment.Code == code)
                {
                    yield return new FixLine(Paths.Segment(i), code, 0, segment.Modifiers, IsBilled: false, IsOnlyLineOfCode: false);
                }
            }

            yield break;
        }

        for (int i = 0; i < encounter.BilledLines.Length; i++)
        {
            var billed = encounter.BilledLines[i];
            if (billed.Code == code)
            {
                yield return new FixLine(Paths.Index("lines", i), code, billed.Units, billed.Modifiers, IsBilled: true, IsOnlyLineOfCode: false);
            }
        }
    }

    private sealed record FixLine(string Path, CptCode Code, int Units, ImmutableArray<Modifier> Modifiers, bool IsBilled, bool IsOnlyLineOfCode);
}
