using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>Turns the separation family's modifier suggestions into <see cref="Fix"/>es: adds and removes only.</summary>
/// <remarks>"Document times first" is not a fix: the data cannot tell the right times, and the finding says what to record.</remarks>
internal static class SeparationFixes
{
    public static ImmutableArray<Fix> Of(SeparationInput input, ImmutableArray<ModifierFix> suggestions)
    {
        var fixes = ImmutableArray.CreateBuilder<Fix>();
        foreach (var suggestion in suggestions)
        {
            if (suggestion.Modifier is not { } modifier)
            {
                continue;
            }

            string path = input.Lines[suggestion.LineIndex].Path;
            fixes.Add(suggestion.Action == ModifierFixAction.Add
                ? Fix.AddModifier(suggestion.DiagnosticId, path, suggestion.Code, modifier, suggestion.Reason)
                : Fix.RemoveModifier(suggestion.DiagnosticId, path, suggestion.Code, modifier, suggestion.Reason));
        }

        return fixes.ToImmutable();
    }
}
