using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>One line for the MUE check: a code, its units and the path findings about it use.</summary>
/// <param name="Code">The code.</param>
/// <param name="Units">The units on the line.</param>
/// <param name="Path">The path of the line, such as <c>lines[0]</c> or <c>segments[2]</c>.</param>
public readonly record struct MueLine(CptCode Code, int Units, string Path);

/// <summary>
/// Checks units against medically unlikely edits (MUE): MAI 1 per claim line, MAI 2 and MAI 3 per date of service
/// (the units of every line of the code added up). Source: NCCI Policy Manual ch. 1 §V (rules reference §4.2) [H].
/// </summary>
/// <remarks>
/// <para>Without a table the check is not made and says so once (<see cref="DiagnosticIds.MueNotChecked"/>), never
/// per line and never as a pass. A code the table does not list has no MUE to check. Pure and thread-safe.</para>
/// </remarks>
public static class MueCheck
{
    /// <summary>Checks one encounter's lines (one beneficiary, one date of service).</summary>
    /// <param name="dateOfService">The date of service (it picks the limit in force).</param>
    /// <param name="lines">The lines as billed (or computed).</param>
    /// <param name="table">The MUE table, or <see langword="null"/> when none is loaded.</param>
    /// <returns>The findings: TBR313 per line above a MAI 1 limit, TBR314 per code above a MAI 2/3 limit, or one TBR315 info without a table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<Diagnostic> Check(LocalDate dateOfService, IEnumerable<MueLine> lines, MueTable? table)
    {
        Guard.NotNull(lines);
        if (table is null)
        {
            return [NotChecked()];
        }

        var diagnostics = new List<Diagnostic>();
        var byCode = new Dictionary<CptCode, (int Units, int Lines, string FirstPath)>();
        var order = new List<CptCode>();
        foreach (var line in lines)
        {
            if (line.Code.IsDefault || line.Units <= 0 || table.Find(line.Code, dateOfService) is not { } limit)
            {
                continue;
            }

            if (limit.Indicator == MueAdjudicationIndicator.Line)
            {
                if (line.Units > limit.Units)
                {
                    diagnostics.Add(DiagnosticDescriptors.MueLineExceeded.Create(
                        line.Path, Arg.Of("code", line.Code), Arg.Of("units", line.Units), Arg.Of("limit", limit.Units)));
                }

                continue;
            }

            if (byCode.TryGetValue(line.Code, out var sum))
            {
                byCode[line.Code] = (checked(sum.Units + line.Units), sum.Lines + 1, sum.FirstPath);
            }
            else
            {
                byCode.Add(line.Code, (line.Units, 1, line.Path));
                order.Add(line.Code);
            }
        }

        foreach (var code in order)
        {
            var (units, count, path) = byCode[code];
            var limit = table.Find(code, dateOfService)!;
            if (units > limit.Units)
            {
                diagnostics.Add(DiagnosticDescriptors.MueDateOfServiceExceeded.Create(
                    path,
                    Arg.Of("code", code),
                    Arg.Of("units", units),
                    Arg.Of("lines", count),
                    Arg.Of("limit", limit.Units),
                    Arg.Of("mai", (int)limit.Indicator),
                    Arg.Of("meaning", Meaning(limit.Indicator))));
            }
        }

        return DiagnosticOrder.Sort(diagnostics);
    }

    /// <summary>Gets the one-per-run notice that MUE limits were not checked (no table loaded).</summary>
    /// <returns>The TBR315 info, with an empty path.</returns>
    public static Diagnostic NotChecked() => DiagnosticDescriptors.MueNotChecked.Create(string.Empty);

    /// <summary>The engine's MUE check of an encounter: its lines (<see cref="LinesOf"/>) against a loaded table.</summary>
    internal static void CheckEncounter(Encounter encounter, UnitCalculation units, MueTable table, List<Diagnostic> diagnostics) =>
        diagnostics.AddRange(Check(encounter.DateOfService, LinesOf(encounter, units), table));

    /// <summary>The lines the engine checks: the billed lines when the encounter has them, else the computed lines with units.</summary>
    internal static IEnumerable<MueLine> LinesOf(Encounter encounter, UnitCalculation units)
    {
        if (!encounter.BilledLines.IsDefaultOrEmpty)
        {
            for (int i = 0; i < encounter.BilledLines.Length; i++)
            {
                yield return new MueLine(encounter.BilledLines[i].Code, encounter.BilledLines[i].Units, Paths.Index("lines", i, "units"));
            }

            yield break;
        }

        foreach (var line in units.Lines)
        {
            if (line.Units > 0 && !line.SegmentIndices.IsDefaultOrEmpty)
            {
                yield return new MueLine(line.Code, line.Units, Paths.Segment(line.SegmentIndices[0]));
            }
        }
    }

    private static string Meaning(MueAdjudicationIndicator indicator) => indicator == MueAdjudicationIndicator.DateOfServicePolicy
        ? "date-of-service edit based on policy; the limit is absolute and units above it are not paid on appeal"
        : "date-of-service edit based on clinical judgment; units above it can be paid on appeal with records that show they were reasonable and necessary";
}
