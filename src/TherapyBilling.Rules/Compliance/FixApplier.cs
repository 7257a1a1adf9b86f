using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>
/// Applies fixes to an encounter, as an EMR would after the user accepts them: the preview of "fix all", and the
/// way to check that fixes do what they say (check again: the findings they name are gone).
/// </summary>
/// <remarks>
/// <para>Paths are read against the encounter as given, so fixes apply in any order: a split appends its new line
/// at the end. A modifier removed from a segment is removed from every segment of its code (the computed line).</para>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class FixApplier
{
    /// <summary>Returns the encounter with the fixes applied.</summary>
    /// <param name="encounter">The encounter the fixes were found on.</param>
    /// <param name="fixes">The fixes, such as <see cref="EncounterReport.Fixes"/>.</param>
    /// <returns>The fixed encounter.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A fix names a line or segment the encounter does not have, or asks for something this version cannot apply.</exception>
    public static Encounter Apply(Encounter encounter, IEnumerable<Fix> fixes)
    {
        Guard.NotNull(encounter);
        Guard.NotNull(fixes);
        var lines = encounter.BilledLines.IsDefault ? [] : encounter.BilledLines.ToList();
        var segments = encounter.Segments.ToList();
        foreach (var fix in fixes)
        {
            Guard.NotNull(fix);
            if (TryIndex(fix.Path, "lines", out int line) && line < encounter.BilledLines.Length)
            {
                ApplyToLine(lines, line, fix);
            }
            else if (TryIndex(fix.Path, "segments", out int segment) && segment < segments.Count)
            {
                ApplyToSegment(segments, segment, fix);
            }
            else
            {
                throw new ArgumentException("The fix names no line or segment of the encounter: " + fix.Path, nameof(fixes));
            }
        }

        return encounter with { BilledLines = [.. lines], Segments = [.. segments] };
    }

    private static void ApplyToLine(List<BilledLine> lines, int index, Fix fix)
    {
        var line = lines[index];
        switch (fix.Action)
        {
            case FixAction.AddModifier:
                lines[index] = line with { Modifiers = With(line.Modifiers, Required(fix.Modifier, fix)) };
                break;
            case FixAction.RemoveModifier:
                lines[index] = line with { Modifiers = line.Modifiers.Remove(Required(fix.Modifier, fix)) };
                break;
            case FixAction.MoveModifier:
                var modifier = Required(fix.Modifier, fix);
                lines[index] = line with { Modifiers = line.Modifiers.Remove(modifier) };
                if (!TryIndex(fix.TargetPath, "lines", out int target) || target >= lines.Count)
                {
                    throw new ArgumentException("The fix moves a modifier to no line of the encounter: " + fix.TargetPath, nameof(fix));
                }

                lines[target] = lines[target] with { Modifiers = With(lines[target].Modifiers, modifier) };
                break;
            case FixAction.ChangeUnits:
                lines[index] = new BilledLine(line.Code, Required(fix.Units, fix), line.Modifiers);
                break;
            case FixAction.SplitLine:
                int moved = Math.Min(Required(fix.Units, fix), line.Units);
                lines[index] = new BilledLine(line.Code, line.Units - moved, line.Modifiers);
                lines.Add(new BilledLine(line.Code, moved, With(line.Modifiers, Required(fix.Modifier, fix))));
                break;
            default:
                throw Unsupported(fix);
        }
    }

    private static void ApplyToSegment(List<TreatmentSegment> segments, int index, Fix fix)
    {
        var segment = segments[index];
        switch (fix.Action)
        {
            case FixAction.AddModifier:
                segments[index] = segment with { Modifiers = With(segment.Modifiers, Required(fix.Modifier, fix)) };
                break;
            case FixAction.RemoveModifier:
                var modifier = Required(fix.Modifier, fix);
                for (int i = 0; i < segments.Count; i++)
                {
                    if (segments[i].Code == segment.Code)
                    {
                        segments[i] = segments[i] with { Modifiers = segments[i].Modifiers.Remove(modifier) };
                    }
                }

                break;
            default:
                throw Unsupported(fix);
        }
    }

    private static ImmutableArray<Modifier> With(ImmutableArray<Modifier> modifiers, Modifier modifier) =>
        modifiers.Contains(modifier) ? modifiers : modifiers.Add(modifier);

    private static T Required<T>(T? value, Fix fix)
        where T : struct =>
        value ?? throw new ArgumentException("The fix lacks the value its action needs: " + fix, nameof(fix));

    private static ArgumentException Unsupported(Fix fix) =>
        new("This fix cannot be applied to " + fix.Path + ": " + fix.Describe(), nameof(fix));

    private static bool TryIndex(string? path, string collection, out int index)
    {
        index = -1;
        if (path is null || !path.StartsWith(collection + "[", StringComparison.Ordinal))
        {
            return false;
        }

        int close = path.IndexOf(']', collection.Length);
        return close > 0 && close == path.Length - 1
            && int.TryParse(path.AsSpan(collection.Length + 1, close - collection.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }
}
