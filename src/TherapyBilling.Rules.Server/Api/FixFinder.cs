using System.Globalization;

namespace TherapyBilling.Rules.Server.Api;

/// <summary>
/// The fixes of a report as the API shows them: every <see cref="Fix"/> the library attached to a finding (it offers one
/// only where the data proves it) that acts on a billed line. The server adds no fix of its own: a rule in a door is a bug.
/// </summary>
internal static class FixFinder
{
    public static IReadOnlyList<FixDto> Find(Encounter encounter, EncounterReport report, ComplianceOptions options)
    {
        _ = options;
        var fixes = new List<FixDto>();
        foreach (var diagnostic in report.Diagnostics)
        {
            foreach (var fix in diagnostic.Fixes)
            {
                if (LineIndexOf(fix.Path) is not int line || line >= encounter.BilledLines.Length)
                {
                    continue; // a fix on a segment or the note: the API's fixes act on billed lines
                }

                string action = fix.Action switch
                {
                    FixAction.AddModifier => "addModifier",
                    FixAction.RemoveModifier => "removeModifier",
                    FixAction.ChangeUnits => "setUnits",
                    FixAction.MoveModifier => "moveModifier",
                    FixAction.SplitLine => "splitLine",
                    _ => fix.Action.ToString(),
                };

                // The path is the finding's, so a client can show the fix under the finding it resolves.
                fixes.Add(new FixDto(fix.DiagnosticId, diagnostic.Path, action, line, fix.Code.Value, fix.Modifier?.Value, fix.Units, fix.Reason));
            }
        }

        return fixes;
    }

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
