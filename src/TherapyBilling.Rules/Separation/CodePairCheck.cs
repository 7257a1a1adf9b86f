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
public static class CodePairCheck
{
    private static readonly CptCode s_firstSupervisedModality = CptCode.Parse("97010");
    private static readonly CptCode s_lastSupervisedModality = CptCode.Parse("97028");
    private const int MaxListedShares = 5;

    /// <summary>Checks one encounter's lines and segments.</summary>
    /// <param name="input">The lines, segments, date of service and discipline.</param>
    /// <param name="options">The pair table and catalog; <see langword="null"/> for <see cref="SeparationOptions.Default"/>.</param>
    /// <returns>The pair outcomes, findings and fixes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    public static SeparationResult Check(SeparationInput input, SeparationOptions? options = null)
    {
        Guard.NotNull(input);
        options ??= SeparationOptions.Default;
        var run = new Run(input, options);
        run.CheckSamePeriod();
        if (options.CheckPairEdits)
        {
            run.CheckPairs();
            run.CheckModifierChoice();
        }

        if (options.CheckDisciplineModifiers)
        {
            run.CheckDiscipline();
        }

        return run.ToResult();
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

    /// <summary>The one-sentence explanation of a pair outcome (built when <see cref="CodePairOutcome.Explanation"/> is read).</summary>
    internal static string ExplainOutcome(PtpEdit edit, PairStatus status, TimeEvidence time, string why) => Run.Explain(edit, status, time, why);

    private sealed class Run
    {
        private readonly SeparationInput _input;
        private readonly SeparationOptions _options;
        private readonly ImmutableArray<SeparationLine> _lines;
        private readonly TreatmentSegment[] _segments;
        private readonly Duration?[] _durations;
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly List<ModifierFix> _fixes = [];
        private readonly List<CodePairOutcome> _outcomes = [];
        private readonly HashSet<CptCode> _paired = [];
        private readonly Dictionary<CptCode, PairStatus> _column2Status = [];
        private readonly HashSet<CptCode> _overlapping = [];
        private readonly HashSet<CptCode> _regionDistinct = [];

        public Run(SeparationInput input, SeparationOptions options)
        {
            _input = input;
            _options = options;
            _lines = input.Lines;
            _segments = [.. input.Segments];
            _durations = new Duration?[_segments.Length];
            for (int i = 0; i < _segments.Length; i++)
            {
                _durations[i] = _segments[i].GetDuration();
            }
        }

        public void CheckSamePeriod()
        {
            if (!_options.ReportTimeOverlaps)
            {
                return;
            }

            var catalog = _options.Catalog;
            var sweep = new ClockSweep(_segments, _durations, _input.DateOfService, i => catalog.IsTimed(_segments[i].Code) && !IsSupervisedModality(_segments[i].Code));
            var counted = new Duration[_segments.Length];
            foreach (var range in sweep.Groups())
            {
                var group = sweep.Attribute(range, counted);
                if (group.Codes.Count < 2)
                {
                    continue; // one code overlapping itself is a units question (TBR101), not separation
                }

                var members = sweep.Order[range];
                int a = members[0], b = members[1];
                _diagnostics.Add(DiagnosticDescriptors.SamePeriodTimedCodes.Create(
                    Paths.Segment(b),
                    Arg.Of("segment", b),
                    Arg.Of("code", _segments[b].Code),
                    Arg.Of("other", a),
                    Arg.Of("otherCode", _segments[a].Code),
                    Arg.Of("count", group.Count),
                    Arg.Of("codes", string.Join(", ", group.Codes)),
                    Arg.Of("minutes", group.SharedMinutes),
                    Arg.Of("from", FormatTime(group.From)),
                    Arg.Of("to", FormatTime(group.To))));
            }
        }

        public void CheckPairs()
        {
            // The distinct codes in order, without LINQ (this runs for every encounter).
            var codes = new CptCode[_lines.Length];
            for (int i = 0; i < codes.Length; i++)
            {
                codes[i] = _lines[i].Code;
            }

            Array.Sort(codes);
            int count = 0;
            for (int i = 0; i < codes.Length; i++)
            {
                if (count == 0 || codes[count - 1] != codes[i])
                {
                    codes[count++] = codes[i];
                }
            }

            for (int i = 0; i < count; i++)
            {
                for (int j = i + 1; j < count; j++)
                {
                    var edit = _options.PairTable.FindPairInForce(codes[i], codes[j], _input.DateOfService);
                    if (edit is not null)
                    {
                        int diagnosticsBefore = _diagnostics.Count, fixesBefore = _fixes.Count;
                        CheckPair(edit);
                        MarkDataConfidence(edit, diagnosticsBefore, fixesBefore);
                    }
                }
            }
        }

        public void CheckModifierChoice()
        {
            for (int i = 0; i < _lines.Length; i++)
            {
                var line = _lines[i];
                bool isColumn2 = _column2Status.TryGetValue(line.Code, out var status);
                bool hasX = line.Modifiers.Any(static m => m == Modifier.XE || m == Modifier.XP || m == Modifier.XU);
                for (int m = 0; m < line.Modifiers.Length; m++)
                {
                    var modifier = line.Modifiers[m];
                    if (!IsPairModifier(modifier))
                    {
                        continue;
                    }

                    if (!_paired.Contains(line.Code) && !_options.PairTable.IsComplete)
                    {
                        // The absence of an edit is evidence only in a complete CMS table (the shipped subset misses real edits).
                        _diagnostics.Add(DiagnosticDescriptors.PairNotInSubset.Create(
                            line.ModifierPath(m),
                            Arg.Of("modifier", modifier),
                            Arg.Of("code", line.Code),
                            Arg.Of("dateOfService", PtpEdit.Iso(_input.DateOfService)),
                            Arg.Of("table", _options.PairTable.Provenance)));
                        continue;
                    }

                    if (!_paired.Contains(line.Code))
                    {
                        _diagnostics.Add(DiagnosticDescriptors.UnnecessaryPairModifier.Create(
                            line.ModifierPath(m),
                            Arg.Of("modifier", modifier),
                            Arg.Of("code", line.Code),
                            Arg.Of("dateOfService", PtpEdit.Iso(_input.DateOfService)),
                            Arg.Of("table", _options.PairTable.Provenance)));
                        AddFix(i, ModifierFixAction.Remove, modifier, "no edit in force pairs this code with another code of the encounter", DiagnosticIds.UnnecessaryPairModifier, line.ModifierPath(m));
                        continue;
                    }

                    bool distinct = isColumn2 && status == PairStatus.Bypassed;
                    if (modifier == Modifier.Distinct59 && isColumn2 && !hasX && !_overlapping.Contains(line.Code))
                    {
                        _diagnostics.Add(DiagnosticDescriptors.PreferXModifier.Create(line.ModifierPath(m), Arg.Of("code", line.Code)));
                        if (distinct)
                        {
                            AddFix(i, ModifierFixAction.Remove, modifier, "XU says more than 59 for services in distinct time intervals", DiagnosticIds.PreferXModifier, line.ModifierPath(m));
                            AddFix(i, ModifierFixAction.Add, Modifier.XU, "the segment times show distinct intervals; XU is the specific modifier", DiagnosticIds.PreferXModifier, line.Path);
                        }
                    }

                    if (modifier == Modifier.XS && _options.Catalog.IsTimed(line.Code) && !_regionDistinct.Contains(line.Code))
                    {
                        _diagnostics.Add(DiagnosticDescriptors.XsOnTimedTherapy.Create(line.ModifierPath(m), Arg.Of("code", line.Code)));
                        AddFix(i, ModifierFixAction.Remove, modifier, "timed therapy is separated by time interval, not by structure", DiagnosticIds.XsOnTimedTherapy, line.ModifierPath(m));
                        if (distinct && !line.Modifiers.Contains(Modifier.XU))
                        {
                            AddFix(i, ModifierFixAction.Add, Modifier.XU, "the segment times show distinct intervals; XU is the specific modifier", DiagnosticIds.XsOnTimedTherapy, line.Path);
                        }
                    }
                }
            }
        }

        public void CheckDiscipline()
        {
            Modifier? expected = _input.Discipline is { } d ? DisciplineModifier(d) : null;
            string expectedText = expected?.Value ?? "one of GP, GO or GN";
            for (int i = 0; i < _lines.Length; i++)
            {
                var line = _lines[i];
                if (!_options.Catalog.TryGet(line.Code, out var entry) || !entry.AlwaysTherapy)
                {
                    continue;
                }

                var found = new List<int>();
                for (int m = 0; m < line.Modifiers.Length; m++)
                {
                    if (IsDisciplineModifier(line.Modifiers[m]) && !found.Any(f => line.Modifiers[f] == line.Modifiers[m]))
                    {
                        found.Add(m);
                    }
                }

                if (found.Count == 0)
                {
                    _diagnostics.Add(DiagnosticDescriptors.DisciplineModifierMissing.Create(line.Path, Arg.Of("code", line.Code), Arg.Of("expected", expectedText)));
                    if (expected is { } add)
                    {
                        AddFix(i, ModifierFixAction.Add, add, "always-therapy codes carry the plan of care's discipline modifier", DiagnosticIds.DisciplineModifierMissing, line.Path);
                    }
                }
                else if (found.Count > 1)
                {
                    string list = string.Join(", ", found.Select(f => line.Modifiers[f].Value));
                    _diagnostics.Add(DiagnosticDescriptors.DisciplineModifierSeveral.Create(
                        line.ModifierPath(found[1]), Arg.Of("code", line.Code), Arg.Of("modifiers", list), Arg.Of("expected", expected?.Value ?? "the one matching the plan of care")));
                    if (expected is { } keep)
                    {
                        foreach (int f in found)
                        {
                            if (line.Modifiers[f] != keep)
                            {
                                AddFix(i, ModifierFixAction.Remove, line.Modifiers[f], "a line takes exactly one discipline modifier, the plan of care's", DiagnosticIds.DisciplineModifierSeveral, line.ModifierPath(f));
                            }
                        }

                        if (!line.Modifiers.Contains(keep))
                        {
                            AddFix(i, ModifierFixAction.Add, keep, "the plan of care's discipline modifier", DiagnosticIds.DisciplineModifierSeveral, line.Path);
                        }
                    }
                }
                else if (expected is { } want && line.Modifiers[found[0]] != want)
                {
                    var wrong = line.Modifiers[found[0]];
                    _diagnostics.Add(DiagnosticDescriptors.DisciplineModifierMismatch.Create(
                        line.ModifierPath(found[0]),
                        Arg.Of("code", line.Code),
                        Arg.Of("modifier", wrong),
                        Arg.Of("discipline", DisciplineName(_input.Discipline!.Value)),
                        Arg.Of("expected", want)));
                    AddFix(i, ModifierFixAction.Remove, wrong, "it does not match the plan of care's discipline", DiagnosticIds.DisciplineModifierMismatch, line.ModifierPath(found[0]));
                    AddFix(i, ModifierFixAction.Add, want, "the plan of care's discipline modifier", DiagnosticIds.DisciplineModifierMismatch, line.Path);
                }
            }
        }

        public SeparationResult ToResult()
        {
            var outcomes = _outcomes.Count switch
            {
                0 => [],
                1 => [_outcomes[0]],
                _ => _outcomes.OrderBy(static o => o.Column1).ThenBy(static o => o.Column2).ToImmutableArray(),
            };
            var fixes = _fixes.Count == 0 ? [] : _fixes
                .Distinct()
                .OrderBy(static f => f.LineIndex)
                .ThenBy(static f => f.Action)
                .ThenBy(static f => f.Modifier?.Value, StringComparer.Ordinal)
                .ThenBy(static f => f.DiagnosticId, StringComparer.Ordinal)
                .ToImmutableArray();
            return new SeparationResult(outcomes, DiagnosticOrder.Sort(_diagnostics), fixes, _options.PairTable.Version);
        }

        private void CheckPair(PtpEdit edit)
        {
            var time = Evidence(edit.Column1, edit.Column2, out var shared);
            string editText = edit.ToString();
            if (edit.Indicator == ModifierIndicator.NotApplicable)
            {
                AddOutcome(edit, PairStatus.Passed, time, shared, null, "the edit has modifier indicator 9 (not applicable)");
                return;
            }

            _paired.Add(edit.Column1);
            _paired.Add(edit.Column2);
            var column1Lines = LinesOf(edit.Column1);
            var column2Lines = LinesOf(edit.Column2);
            if (time == TimeEvidence.Overlapping && edit.Indicator == ModifierIndicator.Allowed)
            {
                CheckOverlappingPair(edit, shared, column1Lines, column2Lines);
                return;
            }

            if (edit.Indicator == ModifierIndicator.NotAllowed)
            {
                foreach (int i in column2Lines)
                {
                    _diagnostics.Add(DiagnosticDescriptors.PairNotPayable.Create(_lines[i].Path, Column1(edit), Column2(edit), Arg.Of("edit", editText)));
                }

                AddOutcome(edit, PairStatus.Failed, time, shared, null, "modifier indicator 0: no modifier bypasses the edit");
                return;
            }

            Modifier? used = null;
            var carriers = new List<(int Line, int Modifier)>();
            foreach (int i in column2Lines)
            {
                int m = FirstPairModifier(_lines[i]);
                if (m >= 0)
                {
                    used ??= _lines[i].Modifiers[m];
                    carriers.Add((i, m));
                }
            }

            if (used is null)
            {
                var onColumn1 = new List<(int Line, int Modifier)>();
                foreach (int i in column1Lines)
                {
                    for (int m = 0; m < _lines[i].Modifiers.Length; m++)
                    {
                        if (IsPairModifier(_lines[i].Modifiers[m]))
                        {
                            onColumn1.Add((i, m));
                        }
                    }
                }

                if (onColumn1.Count > 0)
                {
                    foreach (var (i, m) in onColumn1)
                    {
                        var modifier = _lines[i].Modifiers[m];
                        _diagnostics.Add(DiagnosticDescriptors.PairModifierOnColumnOne.Create(
                            _lines[i].ModifierPath(m), Arg.Of("modifier", modifier), Column1(edit), Column2(edit), Arg.Of("edit", editText)));
                        AddFix(i, ModifierFixAction.Remove, modifier, "the column-1 code is payable; the modifier belongs on the column-2 line", DiagnosticIds.PairModifierOnColumnOne, _lines[i].ModifierPath(m));
                    }

                    foreach (int i in column2Lines)
                    {
                        AddColumn2Fix(i, time, DiagnosticIds.PairModifierOnColumnOne);
                    }

                    AddOutcome(edit, PairStatus.Failed, time, shared, null, "the modifier is on the column-1 line, not on column 2");
                }
                else
                {
                    foreach (int i in column2Lines)
                    {
                        _diagnostics.Add(DiagnosticDescriptors.PairModifierMissing.Create(_lines[i].Path, Column1(edit), Column2(edit), Arg.Of("edit", editText)));
                        AddColumn2Fix(i, time, DiagnosticIds.PairModifierMissing);
                    }

                    AddOutcome(edit, PairStatus.Failed, time, shared, null, "no 59 or X modifier on the column-2 line");
                }

                return;
            }

            if ((used == Modifier.XS || used == Modifier.Distinct59) && IsAnatomic(edit) && RegionsDistinct(edit.Column1, edit.Column2))
            {
                // An anatomic edit (rules reference §4.3): the codes are distinct on different body regions, which the
                // segments record; XS (or 59) describes that, whatever the time intervals.
                _regionDistinct.Add(edit.Column2);
                AddOutcome(edit, PairStatus.Bypassed, time, shared, used, $"{used} on {edit.Column2}, an anatomic edit and the segments record different body regions");
                return;
            }

            switch (time)
            {
                case TimeEvidence.Distinct:
                    AddOutcome(edit, PairStatus.Bypassed, time, shared, used, $"{used} on {edit.Column2}, segments in distinct time intervals");
                    break;
                default:
                    foreach (var (i, m) in carriers)
                    {
                        _diagnostics.Add(DiagnosticDescriptors.PairTimesNotChecked.Create(
                            _lines[i].ModifierPath(m), Arg.Of("modifier", _lines[i].Modifiers[m]), Column1(edit), Column2(edit), Arg.Of("edit", editText)));
                        AddFix(i, ModifierFixAction.DocumentTimes, null, "distinct time intervals cannot be shown without segment times", DiagnosticIds.PairTimesNotChecked, _lines[i].Path);
                    }

                    AddOutcome(edit, PairStatus.NotChecked, time, shared, used, $"{used} on {edit.Column2}, but segment times are missing");
                    break;
            }
        }

        /// <summary>
        /// A pair whose segments share time: no 59/XU advice (no modifier can be true); a modifier already billed is
        /// TBR305, and the overlap itself is reported once by the unit calculation (TBR101): the fix is to correct the times.
        /// </summary>
        private void CheckOverlappingPair(PtpEdit edit, ImmutableArray<SharedTime> shared, List<int> column1Lines, List<int> column2Lines)
        {
            _overlapping.Add(edit.Column1);
            _overlapping.Add(edit.Column2);
            long minutes = shared.Sum(static s => (long)s.Minutes);
            string sharedText = string.Join(", ", shared.Take(MaxListedShares).Select(static s => string.Create(CultureInfo.InvariantCulture, $"segments {s.FirstSegment} and {s.SecondSegment}: {s.Minutes} min")))
                + (shared.Length > MaxListedShares ? string.Create(CultureInfo.InvariantCulture, $" and {shared.Length - MaxListedShares} more") : string.Empty);
            Modifier? used = null;
            foreach (int i in column2Lines.Concat(column1Lines))
            {
                for (int m = 0; m < _lines[i].Modifiers.Length; m++)
                {
                    var modifier = _lines[i].Modifiers[m];
                    if (!IsPairModifier(modifier))
                    {
                        continue;
                    }

                    used ??= modifier;
                    _diagnostics.Add(DiagnosticDescriptors.PairModifierNotSupported.Create(
                        _lines[i].ModifierPath(m), Arg.Of("modifier", modifier), Column1(edit), Column2(edit), Arg.Of("minutes", minutes), Arg.Of("shared", sharedText)));
                    AddFix(i, ModifierFixAction.DocumentTimes, null, "the segment times overlap, so no modifier is supported; correct the times if they are wrong", DiagnosticIds.PairModifierNotSupported, _lines[i].Path);
                }
            }

            AddOutcome(edit, PairStatus.Failed, TimeEvidence.Overlapping, shared, used, string.Create(CultureInfo.InvariantCulture, $"the segments share {minutes} minute(s): no modifier can show distinct intervals; correct the times"));
        }

        /// <summary>
        /// Findings from a row tagged [L] (the shipped subset's single or dated secondary sources) are at most warnings
        /// that say to verify the edit, and carry no add/remove fix (the data does not prove the edit; recording times stays
        /// useful); every other pair
        /// finding gets an empty note.
        /// </summary>
        private void MarkDataConfidence(PtpEdit edit, int diagnosticsBefore, int fixesBefore)
        {
            bool low = edit.IsLowConfidence;
            string note = low
                ? $" The edit {edit.Column1}/{edit.Column2} is a row of the shipped subset tagged [L]: verify in the current CMS file (load the CMS practitioner PTP release with --ptp-file or PtpEditTable.LoadCms)."
                : string.Empty;
            for (int k = diagnosticsBefore; k < _diagnostics.Count; k++)
            {
                var d = _diagnostics[k];
                var severity = low && d.Severity == Severity.Error ? Severity.Warning : d.Severity;
                _diagnostics[k] = d.Descriptor.Create(severity, d.Path, [.. d.Arguments, Arg.Of("verify", note)]);
            }

            for (int k = _fixes.Count - 1; low && k >= fixesBefore; k--)
            {
                if (_fixes[k].Action != ModifierFixAction.DocumentTimes)
                {
                    _fixes.RemoveAt(k);
                }
            }
        }

        private bool IsAnatomic(PtpEdit edit)
        {
            foreach (var pair in _options.RegionDistinctPairs)
            {
                if (pair.Matches(edit.Column1, edit.Column2))
                {
                    return true;
                }
            }

            var rationale = edit.Rationale.AsSpan();
            return rationale.Contains("region", StringComparison.OrdinalIgnoreCase) || rationale.Contains("anatomic", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Gets whether every segment of both codes records a body region and no region is shared by the two codes.</summary>
        private bool RegionsDistinct(CptCode column1, CptCode column2)
        {
            var first = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var second = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var segment in _segments)
            {
                if (segment.Code != column1 && segment.Code != column2)
                {
                    continue;
                }

                if (segment.Region is not { } region)
                {
                    return false;
                }

                (segment.Code == column1 ? first : second).Add(region);
            }

            return first.Count > 0 && second.Count > 0 && !first.Overlaps(second);
        }

        private void AddColumn2Fix(int line, TimeEvidence time, string diagnosticId)
        {
            if (time == TimeEvidence.Distinct)
            {
                AddFix(line, ModifierFixAction.Add, Modifier.XU, "the segment times show distinct intervals; XU on the column-2 line bypasses the edit", diagnosticId, _lines[line].Path);
            }
            else
            {
                AddFix(line, ModifierFixAction.DocumentTimes, null, time == TimeEvidence.Overlapping
                    ? "the segment times overlap, so no modifier is supported; correct the times if they are wrong, else bill one code"
                    : "record segment times first; 59/XU is supported only by distinct time intervals", diagnosticId, _lines[line].Path);
            }
        }

        private void AddOutcome(PtpEdit edit, PairStatus status, TimeEvidence time, ImmutableArray<SharedTime> shared, Modifier? modifier, string why)
        {
            if (status != PairStatus.Passed)
            {
                _column2Status[edit.Column2] = Worse(_column2Status.GetValueOrDefault(edit.Column2), status);
            }

            _outcomes.Add(new CodePairOutcome(edit, status, time, shared, modifier, why));
        }

        private TimeEvidence Evidence(CptCode column1, CptCode column2, out ImmutableArray<SharedTime> shared)
        {
            bool any1 = false, any2 = false, allTimed = true;
            for (int i = 0; i < _segments.Length; i++)
            {
                var code = _segments[i].Code;
                if (code != column1 && code != column2)
                {
                    continue;
                }

                any1 |= code == column1;
                any2 |= code == column2;
                allTimed &= _segments[i].HasTimes && _durations[i] is not null;
            }

            var found = ImmutableArray.CreateBuilder<SharedTime>();
            var sweep = new ClockSweep(_segments, _durations, _input.DateOfService, i => _segments[i].Code == column1 || _segments[i].Code == column2);
            int reach1 = -1, reach2 = -1;
            foreach (int i in sweep.Order)
            {
                var (start, end) = sweep.TimesOf(i);
                bool isColumn1 = _segments[i].Code == column1;
                int other = isColumn1 ? reach2 : reach1;
                if (other >= 0 && start < sweep.TimesOf(other).End)
                {
                    var to = end < sweep.TimesOf(other).End ? end : sweep.TimesOf(other).End;
                    int minutes = (int)Math.Min(int.MaxValue, Math.Ceiling(ClockSweep.Between(start, to).TotalMinutes));
                    found.Add(new SharedTime(Math.Min(i, other), Math.Max(i, other), minutes));
                }

                ref int own = ref isColumn1 ? ref reach1 : ref reach2;
                if (own < 0 || end > sweep.TimesOf(own).End)
                {
                    own = i;
                }
            }

            shared = found.ToImmutable();
            if (shared.Length > 0)
            {
                return TimeEvidence.Overlapping;
            }

            return any1 && any2 && allTimed ? TimeEvidence.Distinct : TimeEvidence.Unknown;
        }

        private List<int> LinesOf(CptCode code)
        {
            var found = new List<int>();
            for (int i = 0; i < _lines.Length; i++)
            {
                if (_lines[i].Code == code)
                {
                    found.Add(i);
                }
            }

            return found;
        }

        private void AddFix(int line, ModifierFixAction action, Modifier? modifier, string reason, string diagnosticId, string path) =>
            _fixes.Add(new ModifierFix(line, _lines[line].Code, action, modifier, reason, diagnosticId, path));

        private static int FirstPairModifier(SeparationLine line)
        {
            for (int m = 0; m < line.Modifiers.Length; m++)
            {
                if (IsPairModifier(line.Modifiers[m]))
                {
                    return m;
                }
            }

            return -1;
        }

        private static PairStatus Worse(PairStatus current, PairStatus next) =>
            current == default || Rank(next) > Rank(current) ? next : current;

        private static int Rank(PairStatus status) => status switch
        {
            PairStatus.Bypassed => 1,
            PairStatus.NotChecked => 2,
            _ => 3,
        };

        private static DiagnosticArgument Column1(PtpEdit edit) => Arg.Of("column1", edit.Column1);

        private static DiagnosticArgument Column2(PtpEdit edit) => Arg.Of("column2", edit.Column2);

        private static string FormatTime(LocalDateTime value) => value.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);

        /// <summary>The one-sentence explanation of an outcome (built when it is read).</summary>
        internal static string Explain(PtpEdit edit, PairStatus status, TimeEvidence time, string why) =>
            $"{edit}: {StatusName(status)} - {why} (time evidence: {TimeName(time)})";

        private static string StatusName(PairStatus status) => status switch
        {
            PairStatus.Passed => "passed",
            PairStatus.Failed => "failed",
            PairStatus.Bypassed => "bypassed",
            _ => "not checked",
        };

        private static string TimeName(TimeEvidence time) => time switch
        {
            TimeEvidence.Distinct => "distinct",
            TimeEvidence.Overlapping => "overlapping",
            _ => "unknown",
        };

        private static string DisciplineName(Discipline discipline) => discipline switch
        {
            Discipline.PhysicalTherapy => "physical therapy",
            Discipline.OccupationalTherapy => "occupational therapy",
            _ => "speech-language pathology",
        };
    }
}
