using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>Hangs fixes computed apart from their findings on those findings: same id, on the same line when one is.</summary>
internal static class FixAttacher
{
    public static IEnumerable<Diagnostic> Attach(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Fix> fixes)
    {
        if (fixes.IsDefaultOrEmpty)
        {
            return diagnostics;
        }

        var result = diagnostics.ToArray();
        foreach (var fix in fixes)
        {
            int target = -1;
            for (int i = 0; i < result.Length; i++)
            {
                if (string.Equals(result[i].Id, fix.DiagnosticId, StringComparison.Ordinal))
                {
                    if (IsWithin(result[i].Path, fix.Path))
                    {
                        target = i;
                        break;
                    }

                    target = target < 0 ? i : target;
                }
            }

            if (target >= 0)
            {
                result[target] = result[target].WithFix(fix);
            }
        }

        return result;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="line"/> or inside it (<c>lines[1].modifiers[0]</c> is in <c>lines[1]</c>, <c>lines[10]</c> is not).</summary>
    public static bool IsWithin(string path, string line) =>
        path.StartsWith(line, StringComparison.Ordinal) && (path.Length == line.Length || path[line.Length] is '.' or '[');
}
