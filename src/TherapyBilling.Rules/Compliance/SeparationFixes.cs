using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>Turns the separation family's modifier suggestions into <see cref="Fix"/>es: adds and removes only.</summary>
/// <remarks>"Document times first" is not a fix: the data cannot tell the right times, and the finding says what to record.</remarks>
internal static class SeparationFixes
{
    /// <param name="lines">The lines the suggestions' indices point into.</param>
    /// <param name="segments">The encounter's segments.</param>
    /// <param name="suggestions">The check's modifier suggestions.</param>
    /// <param name="column2Codes">The codes that are column 2 of an edit in force.</param>
    public static ImmutableArray<Fix> Of(ReadOnlySpan<PairLine> lines, ImmutableArray<TreatmentSegment> segments, ImmutableArray<ModifierFix> suggestions, List<CptCode> column2Codes)
    {
        if (suggestions.IsEmpty)
        {
            return [];
        }

        // A finding whose fix needs times first gets no half fix (removing a modifier from column 1 alone only turns it into TBR303).
        ImmutableArray<Fix>.Builder? fixes = null; // a builder: its RemoveAll below lets the conditions read the whole list
        foreach (var suggestion in suggestions)
        {
            var line = lines[suggestion.LineIndex];
            if (suggestion.Modifier is not { } modifier || NeedsTimes(suggestions, suggestion.DiagnosticId) || ClashesWithAssistant(line.Modifiers, suggestion, suggestions) || XuNotProvenForEveryPair(segments, suggestion))
            {
                continue;
            }

            string path = line.Path;
            (fixes ??= ImmutableArray.CreateBuilder<Fix>()).Add(suggestion.Action == ModifierFixAction.Add
                ? Fix.AddModifier(suggestion.DiagnosticId, path, suggestion.Code, modifier, suggestion.Reason)
                : Fix.RemoveModifier(suggestion.DiagnosticId, path, suggestion.Code, modifier, suggestion.Reason));
        }

        if (fixes is null)
        {
            return []; // only "document times" suggestions: no fix
        }

        // 59 or XS swapped for XU: without the XU, removing the modifier alone would lose the pair's bypass.
        fixes.RemoveAll(f => f.DiagnosticId is DiagnosticIds.PreferXModifier or DiagnosticIds.XsOnTimedTherapy
            && !fixes.Any(a => a.DiagnosticId == f.DiagnosticId && a.Path == f.Path && a.Action == FixAction.AddModifier));

        // A line that is column 1 of one pair and column 2 of another keeps its modifier: it bypasses the other edit.
        fixes.RemoveAll(f => f.DiagnosticId == DiagnosticIds.PairModifierOnColumnOne && f.Action == FixAction.RemoveModifier
            && column2Codes.Contains(f.Code));

        // The modifier on column 1 moves to column 2: without the add, the remove alone is half a fix.
        if (!fixes.Any(static f => f.DiagnosticId == DiagnosticIds.PairModifierOnColumnOne && f.Action == FixAction.AddModifier))
        {
            fixes.RemoveAll(static f => f.DiagnosticId == DiagnosticIds.PairModifierOnColumnOne);
        }

        return fixes.ToImmutable();
    }

    /// <summary>Whether a finding's suggestions include recording times first.</summary>
    private static bool NeedsTimes(ImmutableArray<ModifierFix> suggestions, string diagnosticId)
    {
        foreach (var s in suggestions)
        {
            if (s.Action == ModifierFixAction.DocumentTimes && string.Equals(s.DiagnosticId, diagnosticId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// XU says the line's code was distinct from every code it is paired with; it is proven only when no segment of the
    /// code shares time with a segment of another code (a zero-unit line corrected by another fix may join a pair).
    /// </summary>
    private static bool XuNotProvenForEveryPair(ImmutableArray<TreatmentSegment> segments, ModifierFix suggestion)
    {
        if (suggestion.Action != ModifierFixAction.Add || suggestion.Modifier != Modifier.XU)
        {
            return false;
        }

        var code = suggestion.Code;
        foreach (var mine in segments.Where(s => s.Code == code))
        {
            foreach (var other in segments.Where(s => s.Code != code))
            {
                if (mine.Start is not { } a || mine.End is not { } b || other.Start is not { } c || other.End is not { } d || (a < d && c < b))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A discipline modifier the line's CQ or CO contradicts (CQ goes with GP, CO with GO): which one is wrong, the data cannot tell.</summary>
    private static bool ClashesWithAssistant(ImmutableArray<Modifier> modifiers, ModifierFix suggestion, ImmutableArray<ModifierFix> suggestions)
    {
        if (suggestion.Action == ModifierFixAction.Remove
            && ((suggestion.Modifier == Modifier.GP && modifiers.Contains(Modifier.CQ)) || (suggestion.Modifier == Modifier.GO && modifiers.Contains(Modifier.CO))))
        {
            return true;
        }

        return suggestions.Any(s => s.DiagnosticId == suggestion.DiagnosticId && s.LineIndex == suggestion.LineIndex && s.Action == ModifierFixAction.Add
            && s.Modifier is { } added && (added == Modifier.GP || added == Modifier.GO || added == Modifier.GN)
            && ((modifiers.Contains(Modifier.CQ) && added != Modifier.GP) || (modifiers.Contains(Modifier.CO) && added != Modifier.GO)));
    }
}
