using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// Checks code separation on one encounter (one patient, one date of service): timed codes sharing minutes, NCCI
/// procedure-to-procedure edits with modifier 59 / XE / XS / XP / XU, and the GP/GO/GN discipline modifiers.
/// </summary>
/// <remarks>
/// <para>Rules (rules reference §4 and §5): one PM&amp;R service per period of time, supervised modalities
/// 97010–97028 exempt (NCCI ch. 11 §P.2); the column-2 code of an edit is denied unless a PTP modifier on the
/// column-2 line shows distinct services (NCCI ch. 1 §A, §E); for timed therapy, distinct means different time
/// intervals (NCCI ch. 11 §P.2), so a modifier is accepted only with time evidence; GP/GO/GN per the plan of care
/// (CPM ch. 5 §20.1).</para>
/// <para>Pure and thread-safe; findings do not depend on the order of the lines.</para>
/// </remarks>
/// <example><code>
/// var input = SeparationInput.FromBilledLines(date, segments, billedLines, Discipline.PhysicalTherapy);
/// var result = CodePairCheck.Check(input);
/// foreach (var fix in result.Fixes) Console.WriteLine(fix);
/// </code></example>
public static partial class CodePairCheck
{
    private static readonly CptCode s_firstSupervisedModality = CptCode.Parse("97010");
    private static readonly CptCode s_lastSupervisedModality = CptCode.Parse("97028");

    /// <summary>Checks one encounter's lines and segments.</summary>
    /// <param name="input">The lines, segments, date of service and discipline.</param>
    /// <param name="options">The pair table and catalog; <see langword="null"/> for <see cref="SeparationOptions.Default"/>.</param>
    /// <returns>The pair outcomes, findings and fixes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    public static SeparationResult Check(SeparationInput input, SeparationOptions? options = null)
    {
        Guard.NotNull(input);
        options ??= SeparationOptions.Default;
        var settings = PairCheckSettings.Of(options);
        var lines = PairLineBuffer.Rent(input.Lines.Length);
        try
        {
            for (int i = 0; i < input.Lines.Length; i++)
            {
                lines[i] = PairLine.Of(input.Lines[i]);
            }

            int count = input.Lines.Length;
            Span<LineMarks> marks = count <= StackLimit ? stackalloc LineMarks[count] : new LineMarks[count];
            var run = new Run(input.DateOfService, input.Segments, lines.AsSpan(0, count), marks, input.Discipline, settings, collectOutcomes: true);
            try
            {
                run.CheckAll();
                return run.ToResult();
            }
            finally
            {
                run.ReturnBuffers();
            }
        }
        finally
        {
            PairLineBuffer.Return(lines);
        }
    }

    /// <summary>
    /// Checks an encounter for the engine: the billed lines when it has them, else the computed lines with units; adds
    /// the findings (sorted, with the fixes the data proves) to <paramref name="diagnostics"/>. Builds no
    /// <see cref="SeparationInput"/>, no outcomes and no paths unless a finding needs them.
    /// </summary>
    internal static void CheckEncounter(Encounter encounter, UnitCalculation units, PairCheckSettings settings, List<Diagnostic> diagnostics)
    {
        var billed = encounter.BilledLines;
        int count = billed.IsDefaultOrEmpty ? CountComputedLines(units) : billed.Length;
        var lines = PairLineBuffer.Rent(count);
        try
        {
            if (billed.IsDefaultOrEmpty)
            {
                FillComputedLines(encounter.Segments, units, lines);
            }
            else
            {
                for (int i = 0; i < billed.Length; i++)
                {
                    lines[i] = PairLine.Billed(billed[i], i);
                }
            }

            var span = lines.AsSpan(0, count);
            Span<LineMarks> marks = count <= StackLimit ? stackalloc LineMarks[count] : new LineMarks[count];
            var run = new Run(encounter.DateOfService, encounter.Segments, span, marks, encounter.Discipline, settings, collectOutcomes: false);
            run.CheckAll();
            if (run.HasDiagnostics)
            {
                var fixes = SeparationFixes.Of(span, encounter.Segments, run.SortedFixes(), run.Column2Codes());
                diagnostics.AddRange(FixAttacher.Attach(run.SortedDiagnostics(), fixes));
            }
        }
        finally
        {
            PairLineBuffer.Return(lines);
        }
    }

    private static int CountComputedLines(UnitCalculation units)
    {
        int count = 0;
        foreach (var line in units.Lines)
        {
            if (line.Units > 0 && !line.SegmentIndices.IsDefaultOrEmpty)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The lines of <see cref="SeparationInput.FromUnitCalculation"/>: one per code with units, with its segments' modifiers.</summary>
    private static void FillComputedLines(ImmutableArray<TreatmentSegment> segments, UnitCalculation units, PairLine[] lines)
    {
        int count = 0;
        foreach (var line in units.Lines)
        {
            if (line.Units > 0 && !line.SegmentIndices.IsDefaultOrEmpty)
            {
                lines[count++] = PairLine.Computed(line.Code, SegmentModifiers.Of(segments, line.SegmentIndices), line.SegmentIndices[0]);
            }
        }
    }

    /// <summary>Lists the modifier fixes for an encounter (the same as <see cref="SeparationResult.Fixes"/>).</summary>
    /// <param name="input">The lines, segments, date of service and discipline.</param>
    /// <param name="options">The pair table and catalog; <see langword="null"/> for the defaults.</param>
    /// <returns>Which line, which modifier to add or remove, why, and the finding it resolves.</returns>
    /// <remarks>59 or XU is suggested only when the segment times show distinct intervals; otherwise the fix is to document the times.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<ModifierFix> SuggestFixes(SeparationInput input, SeparationOptions? options = null) =>
        Check(input, options).Fixes;

    /// <summary>Gets whether a modifier is one of the PTP-associated modifiers used for therapy: 59, XE, XS, XP, XU.</summary>
    /// <param name="modifier">The modifier.</param>
    /// <returns><see langword="true"/> for 59, XE, XS, XP or XU.</returns>
    public static bool IsPairModifier(Modifier modifier) =>
        modifier == Modifier.Distinct59 || modifier == Modifier.XE || modifier == Modifier.XS || modifier == Modifier.XP || modifier == Modifier.XU;

    /// <summary>Gets the discipline modifier of a plan of care: GP, GO or GN.</summary>
    /// <param name="discipline">The discipline.</param>
    /// <returns>The modifier.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The discipline is not defined.</exception>
    public static Modifier DisciplineModifier(Discipline discipline) => discipline switch
    {
        Discipline.PhysicalTherapy => Modifier.GP,
        Discipline.OccupationalTherapy => Modifier.GO,
        Discipline.SpeechLanguagePathology => Modifier.GN,
        _ => throw new ArgumentOutOfRangeException(nameof(discipline), discipline, "Unknown discipline."),
    };

    internal static bool IsSupervisedModality(CptCode code) => code >= s_firstSupervisedModality && code <= s_lastSupervisedModality;

    private static bool IsDisciplineModifier(Modifier m) => m == Modifier.GP || m == Modifier.GO || m == Modifier.GN;
}
