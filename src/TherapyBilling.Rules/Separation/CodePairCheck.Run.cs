using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

public static partial class CodePairCheck
{
    /// <summary>Up to this many lines or segments, the per-call scratch lives on the stack; above it, in arrays.</summary>
    internal const int StackLimit = 32;

    private const int MaxListedShares = 5;

    /// <summary>
    /// One check of one encounter. A <see langword="ref"/> struct over spans: the per-code marks live on the stack
    /// (one <see cref="LineMarks"/> per line, a code's marks repeated on each of its lines), and the lists of
    /// findings, fixes and outcomes are created only when something is added, so a clean encounter allocates nothing
    /// here but its result.
    /// </summary>
    private ref struct Run
    {
        private readonly LocalDate _dateOfService;
        private readonly ImmutableArray<TreatmentSegment> _segments;
        private readonly ReadOnlySpan<PairLine> _lines;
        private readonly Span<LineMarks> _marks;
        private readonly Discipline? _discipline;
        private readonly PairCheckSettings _settings;
        private readonly bool _collectOutcomes;
        private List<Diagnostic>? _diagnostics;
        private List<ModifierFix>? _fixes;
        private CodePairOutcome[]? _outcomes; // rented from the pool, exact-size copy in ToResult
        private int _outcomeCount;

        /// <summary>Starts a check; <paramref name="marks"/> holds one mark per line (the caller's stack for a few lines) and is cleared here.</summary>
        public Run(LocalDate dateOfService, ImmutableArray<TreatmentSegment> segments, ReadOnlySpan<PairLine> lines, Span<LineMarks> marks, Discipline? discipline, PairCheckSettings settings, bool collectOutcomes)
        {
            _dateOfService = dateOfService;
            _segments = segments;
            _lines = lines;
            _discipline = discipline;
            _settings = settings;
            _collectOutcomes = collectOutcomes;
            _marks = marks;
            _marks.Clear();
            _diagnostics = null;
            _fixes = null;
            _outcomes = null;
            _outcomeCount = 0;
        }

        public readonly bool HasDiagnostics => _diagnostics is { Count: > 0 };

        private readonly int FixCount => _fixes?.Count ?? 0;

        public void CheckAll()
        {
            CheckSamePeriod();
            if (_settings.CheckPairEdits)
            {
                CheckPairs();
                CheckModifierChoice();
            }

            if (_settings.CheckDisciplineModifiers)
            {
                CheckDiscipline();
            }
        }

        /// <summary>Gives the rented outcome buffer back (cleared: it holds references).</summary>
        public void ReturnBuffers()
        {
            if (_outcomes is not null)
            {
                System.Buffers.ArrayPool<CodePairOutcome>.Shared.Return(_outcomes, clearArray: true);
                _outcomes = null;
            }
        }

        public readonly SeparationResult ToResult() =>
            new(SortedOutcomes(), SortedDiagnostics(), SortedFixes(), _settings.PairTable.Version);

        public readonly ImmutableArray<Diagnostic> SortedDiagnostics() => _diagnostics is null ? [] : DiagnosticOrder.Sort(_diagnostics);

        /// <summary>The fixes without repeats (the first kept), by line, action, modifier and finding id: a stable insertion sort (a few fixes).</summary>
        public readonly ImmutableArray<ModifierFix> SortedFixes()
        {
            if (_fixes is null || _fixes.Count == 0)
            {
                return [];
            }

            var sorted = ImmutableArray.CreateBuilder<ModifierFix>(_fixes.Count);
            foreach (var fix in _fixes)
            {
                if (sorted.Contains(fix))
                {
                    continue;
                }

                int at = sorted.Count;
                while (at > 0 && CompareFixes(sorted[at - 1], fix) > 0)
                {
                    at--;
                }

                sorted.Insert(at, fix);
            }

            return sorted.Count == sorted.Capacity ? sorted.MoveToImmutable() : sorted.ToImmutable();
        }

        private static int CompareFixes(ModifierFix a, ModifierFix b)
        {
            int c = a.LineIndex.CompareTo(b.LineIndex);
            c = c != 0 ? c : a.Action.CompareTo(b.Action);
            c = c != 0 ? c : StringComparer.Ordinal.Compare(a.Modifier?.Value, b.Modifier?.Value);
            return c != 0 ? c : StringComparer.Ordinal.Compare(a.DiagnosticId, b.DiagnosticId);
        }

        /// <summary>The codes that are column 2 of an edit in force (whatever its outcome), for the fixes.</summary>
        public readonly List<CptCode> Column2Codes()
        {
            var codes = new List<CptCode>();
            for (int i = 0; i < _lines.Length; i++)
            {
                if ((_marks[i].Flags & CodeFlags.Column2) != 0 && !codes.Contains(_lines[i].Code))
                {
                    codes.Add(_lines[i].Code);
                }
            }

            return codes;
        }

        private readonly ImmutableArray<CodePairOutcome> SortedOutcomes()
        {
            if (_outcomeCount == 0)
            {
                return [];
            }

            // By column 1 then column 2: each pair of codes has one outcome, so the keys are unique and any sort is the one order.
            var sorted = new CodePairOutcome[_outcomeCount];
            for (int k = 0; k < sorted.Length; k++)
            {
                var item = _outcomes![k];
                int j = k - 1;
                while (j >= 0 && CompareOutcomes(sorted[j], item) > 0)
                {
                    sorted[j + 1] = sorted[j];
                    j--;
                }

                sorted[j + 1] = item;
            }

            return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(sorted);
        }

        private static int CompareOutcomes(CodePairOutcome a, CodePairOutcome b)
        {
            int c = a.Column1.CompareTo(b.Column1);
            return c != 0 ? c : a.Column2.CompareTo(b.Column2);
        }

        private void CheckSamePeriod()
        {
            if (!_settings.ReportTimeOverlaps || !TimedSegmentsOverlap())
            {
                return; // no two timed segments share a minute: no group of two codes (the sweep below is for the rare overlap)
            }

            var segments = _segments;
            var catalog = _settings.Catalog;
            var durations = new Duration?[segments.Length];
            for (int i = 0; i < durations.Length; i++)
            {
                durations[i] = segments[i].GetDuration();
            }

            var sweep = new ClockSweep(segments, durations, _dateOfService, i => catalog.IsTimed(segments[i].Code) && !IsSupervisedModality(segments[i].Code));
            var counted = new Duration[segments.Length];
            foreach (var range in sweep.Groups())
            {
                var group = sweep.Attribute(range, counted);
                if (group.Codes.Count < 2)
                {
                    continue; // one code overlapping itself is a units question (TBR101), not separation
                }

                var members = sweep.Order[range];
                int a = members[0], b = members[1];
                Diagnostics().Add(DiagnosticDescriptors.SamePeriodTimedCodes.Create(
                    Paths.Segment(b),
                    Arg.Of("segment", b),
                    Arg.Of("code", segments[b].Code),
                    Arg.Of("other", a),
                    Arg.Of("otherCode", segments[a].Code),
                    Arg.Of("count", group.Count),
                    Arg.Of("codes", string.Join(", ", group.Codes)),
                    Arg.Of("minutes", group.SharedMinutes),
                    Arg.Of("from", FormatTime(group.From)),
                    Arg.Of("to", FormatTime(group.To))));
            }
        }

        /// <summary>
        /// Whether two segments the same-period check includes (times, positive duration, timed, not a supervised
        /// modality) share time: exactly when the clock sweep would find a group of two or more.
        /// </summary>
        private readonly bool TimedSegmentsOverlap()
        {
            var catalog = _settings.Catalog;
            Span<TimedSegment> timed = _segments.Length <= StackLimit ? stackalloc TimedSegment[_segments.Length] : new TimedSegment[_segments.Length];
            int count = 0;
            for (int i = 0; i < _segments.Length; i++)
            {
                var code = _segments[i].Code;
                if (TimedSegment.TryOf(_segments[i], i, _dateOfService, out var segment) && catalog.IsTimed(code) && !IsSupervisedModality(code))
                {
                    timed[count++] = segment;
                }
            }

            for (int a = 0; a < count; a++)
            {
                for (int b = a + 1; b < count; b++)
                {
                    if (timed[a].Start < timed[b].End && timed[b].Start < timed[a].End)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void CheckPairs()
        {
            // One line per distinct code, in code order (the order pairs are looked up and outcomes found in).
            Span<int> codes = _lines.Length <= StackLimit ? stackalloc int[_lines.Length] : new int[_lines.Length];
            int count = 0;
            for (int i = 0; i < _lines.Length; i++)
            {
                var code = _lines[i].Code;
                int at = 0;
                while (at < count && _lines[codes[at]].Code.CompareTo(code) < 0)
                {
                    at++;
                }

                if (at < count && _lines[codes[at]].Code == code)
                {
                    continue;
                }

                codes.Slice(at, count - at).CopyTo(codes.Slice(at + 1));
                codes[at] = i;
                count++;
            }

            for (int i = 0; i < count; i++)
            {
                for (int j = i + 1; j < count; j++)
                {
                    var edit = _settings.PairTable.FindPairInForce(_lines[codes[i]].Code, _lines[codes[j]].Code, _dateOfService);
                    if (edit is not null)
                    {
                        int fixesBefore = FixCount;
                        CheckPair(edit, count);
                        MarkDataConfidence(edit, fixesBefore);
                    }
                }
            }
        }

        private void CheckModifierChoice()
        {
            for (int i = 0; i < _lines.Length; i++)
            {
                var line = _lines[i];
                var marks = _marks[i];
                var status = marks.Column2Status;
                bool isColumn2 = status != default;
                bool paired = (marks.Flags & CodeFlags.Paired) != 0;
                bool hasX = line.Has(Modifier.XE) || line.Has(Modifier.XP) || line.Has(Modifier.XU);
                for (int m = 0; m < line.Modifiers.Length; m++)
                {
                    var modifier = line.Modifiers[m];
                    if (!IsPairModifier(modifier))
                    {
                        continue;
                    }

                    if (!paired && !_settings.PairTable.IsComplete)
                    {
                        // The absence of an edit is evidence only in a complete CMS table (the shipped subset misses real edits).
                        Diagnostics().Add(DiagnosticDescriptors.PairNotInSubset.Create(
                            line.ModifierPath(m),
                            Arg.Of("modifier", modifier),
                            Arg.Of("code", line.Code),
                            Arg.Of("dateOfService", PtpEdit.Iso(_dateOfService)),
                            Arg.Of("table", _settings.PairTable.Provenance)));
                        continue;
                    }

                    if (!paired)
                    {
                        Diagnostics().Add(DiagnosticDescriptors.UnnecessaryPairModifier.Create(
                            line.ModifierPath(m),
                            Arg.Of("modifier", modifier),
                            Arg.Of("code", line.Code),
                            Arg.Of("dateOfService", PtpEdit.Iso(_dateOfService)),
                            Arg.Of("table", _settings.PairTable.Provenance)));
                        AddFix(i, ModifierFixAction.Remove, modifier, "no edit in force pairs this code with another code of the encounter", DiagnosticIds.UnnecessaryPairModifier, line.ModifierPath(m));
                        continue;
                    }

                    bool distinct = isColumn2 && status == PairStatus.Bypassed;
                    if (modifier == Modifier.Distinct59 && isColumn2 && !hasX && (marks.Flags & CodeFlags.Overlapping) == 0)
                    {
                        Diagnostics().Add(DiagnosticDescriptors.PreferXModifier.Create(line.ModifierPath(m), Arg.Of("code", line.Code)));
                        if (distinct)
                        {
                            AddFix(i, ModifierFixAction.Remove, modifier, "XU says more than 59 for services in distinct time intervals", DiagnosticIds.PreferXModifier, line.ModifierPath(m));
                            AddFix(i, ModifierFixAction.Add, Modifier.XU, "the segment times show distinct intervals; XU is the specific modifier", DiagnosticIds.PreferXModifier, line.Path);
                        }
                    }

                    if (modifier == Modifier.XS && _settings.Catalog.IsTimed(line.Code) && (marks.Flags & CodeFlags.RegionDistinct) == 0)
                    {
                        Diagnostics().Add(DiagnosticDescriptors.XsOnTimedTherapy.Create(line.ModifierPath(m), Arg.Of("code", line.Code)));
                        AddFix(i, ModifierFixAction.Remove, modifier, "timed therapy is separated by time interval, not by structure", DiagnosticIds.XsOnTimedTherapy, line.ModifierPath(m));
                        if (distinct && !line.Has(Modifier.XU))
                        {
                            AddFix(i, ModifierFixAction.Add, Modifier.XU, "the segment times show distinct intervals; XU is the specific modifier", DiagnosticIds.XsOnTimedTherapy, line.Path);
                        }
                    }
                }
            }
        }

        private void CheckDiscipline()
        {
            Modifier? expected = _discipline is { } d ? DisciplineModifier(d) : null;
            string expectedText = expected?.Value ?? "one of GP, GO or GN";
            Span<int> found = stackalloc int[3]; // the first position of each distinct discipline modifier: GP, GO, GN at most
            for (int i = 0; i < _lines.Length; i++)
            {
                var line = _lines[i];
                if (!_settings.Catalog.TryGet(line.Code, out var entry) || !entry.AlwaysTherapy)
                {
                    continue;
                }

                int foundCount = 0;
                for (int m = 0; m < line.Modifiers.Length; m++)
                {
                    if (IsDisciplineModifier(line.Modifiers[m]) && !FoundAlready(line, found.Slice(0, foundCount), line.Modifiers[m]))
                    {
                        found[foundCount++] = m;
                    }
                }

                if (foundCount == 0)
                {
                    Diagnostics().Add(DiagnosticDescriptors.DisciplineModifierMissing.Create(line.Path, Arg.Of("code", line.Code), Arg.Of("expected", expectedText)));
                    if (expected is { } add)
                    {
                        AddFix(i, ModifierFixAction.Add, add, "always-therapy codes carry the plan of care's discipline modifier", DiagnosticIds.DisciplineModifierMissing, line.Path);
                    }
                }
                else if (foundCount > 1)
                {
                    ReportSeveralDisciplines(i, found.Slice(0, foundCount), expected);
                }
                else if (expected is { } want && line.Modifiers[found[0]] != want)
                {
                    var wrong = line.Modifiers[found[0]];
                    Diagnostics().Add(DiagnosticDescriptors.DisciplineModifierMismatch.Create(
                        line.ModifierPath(found[0]),
                        Arg.Of("code", line.Code),
                        Arg.Of("modifier", wrong),
                        Arg.Of("discipline", DisciplineName(_discipline!.Value)),
                        Arg.Of("expected", want)));
                    AddFix(i, ModifierFixAction.Remove, wrong, "it does not match the plan of care's discipline", DiagnosticIds.DisciplineModifierMismatch, line.ModifierPath(found[0]));
                    AddFix(i, ModifierFixAction.Add, want, "the plan of care's discipline modifier", DiagnosticIds.DisciplineModifierMismatch, line.Path);
                }
            }
        }

        private static bool FoundAlready(PairLine line, ReadOnlySpan<int> found, Modifier modifier)
        {
            foreach (int f in found)
            {
                if (line.Modifiers[f] == modifier)
                {
                    return true;
                }
            }

            return false;
        }

        private void ReportSeveralDisciplines(int i, scoped ReadOnlySpan<int> found, Modifier? expected)
        {
            var line = _lines[i];
            string list = line.Modifiers[found[0]].Value;
            for (int k = 1; k < found.Length; k++)
            {
                list += ", " + line.Modifiers[found[k]].Value;
            }

            Diagnostics().Add(DiagnosticDescriptors.DisciplineModifierSeveral.Create(
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

                if (!line.Has(keep))
                {
                    AddFix(i, ModifierFixAction.Add, keep, "the plan of care's discipline modifier", DiagnosticIds.DisciplineModifierSeveral, line.Path);
                }
            }
        }

        private void CheckPair(PtpEdit edit, int distinctCodes)
        {
            var time = Evidence(edit.Column1, edit.Column2, out var shared);
            if (edit.Indicator == ModifierIndicator.NotApplicable)
            {
                AddOutcome(edit, PairStatus.Passed, time, shared, null, PairReason.IndicatorNotApplicable, distinctCodes);
                return;
            }

            Mark(edit.Column1, CodeFlags.Paired);
            Mark(edit.Column2, CodeFlags.Paired);
            if (time == TimeEvidence.Overlapping && edit.Indicator == ModifierIndicator.Allowed)
            {
                CheckOverlappingPair(edit, shared, distinctCodes);
                return;
            }

            if (edit.Indicator == ModifierIndicator.NotAllowed)
            {
                for (int i = 0; i < _lines.Length; i++)
                {
                    if (_lines[i].Code == edit.Column2)
                    {
                        AddPairFinding(edit, DiagnosticDescriptors.PairNotPayable, _lines[i].Path, [Column1(edit), Column2(edit), EditArgument(edit)]);
                    }
                }

                AddOutcome(edit, PairStatus.Failed, time, shared, null, PairReason.IndicatorNotAllowed, distinctCodes);
                return;
            }

            // The first PTP modifier on a column-2 line is the one used.
            Modifier? used = null;
            for (int i = 0; i < _lines.Length && used is null; i++)
            {
                int m = _lines[i].Code == edit.Column2 ? FirstPairModifier(_lines[i]) : -1;
                if (m >= 0)
                {
                    used = _lines[i].Modifiers[m];
                }
            }

            if (used is null)
            {
                CheckUnmodifiedColumn2(edit, time, shared, distinctCodes);
                return;
            }

            if ((used == Modifier.XS || used == Modifier.Distinct59) && IsAnatomic(edit) && RegionsDistinct(edit.Column1, edit.Column2))
            {
                // An anatomic edit (rules reference §4.3): the codes are distinct on different body regions, which the
                // segments record; XS (or 59) describes that, whatever the time intervals.
                Mark(edit.Column2, CodeFlags.RegionDistinct);
                AddOutcome(edit, PairStatus.Bypassed, time, shared, used, PairReason.DistinctRegions, distinctCodes);
                return;
            }

            switch (time)
            {
                case TimeEvidence.Distinct:
                    AddOutcome(edit, PairStatus.Bypassed, time, shared, used, PairReason.DistinctTimes, distinctCodes);
                    break;
                default:
                    for (int i = 0; i < _lines.Length; i++)
                    {
                        int m = _lines[i].Code == edit.Column2 ? FirstPairModifier(_lines[i]) : -1;
                        if (m >= 0)
                        {
                            AddPairFinding(edit, DiagnosticDescriptors.PairTimesNotChecked, _lines[i].ModifierPath(m), [Arg.Of("modifier", _lines[i].Modifiers[m]), Column1(edit), Column2(edit), EditArgument(edit)]);
                            AddFix(i, ModifierFixAction.DocumentTimes, null, "distinct time intervals cannot be shown without segment times", DiagnosticIds.PairTimesNotChecked, _lines[i].Path);
                        }
                    }

                    AddOutcome(edit, PairStatus.NotChecked, time, shared, used, PairReason.TimesMissing, distinctCodes);
                    break;
            }
        }

        /// <summary>No PTP modifier on any column-2 line: the modifier is on column 1 (TBR304), or missing (TBR303).</summary>
        private void CheckUnmodifiedColumn2(PtpEdit edit, TimeEvidence time, ImmutableArray<SharedTime> shared, int distinctCodes)
        {
            bool onColumn1 = false;
            for (int i = 0; i < _lines.Length; i++)
            {
                if (_lines[i].Code != edit.Column1)
                {
                    continue;
                }

                for (int m = 0; m < _lines[i].Modifiers.Length; m++)
                {
                    var modifier = _lines[i].Modifiers[m];
                    if (IsPairModifier(modifier))
                    {
                        onColumn1 = true;
                        AddPairFinding(edit, DiagnosticDescriptors.PairModifierOnColumnOne, _lines[i].ModifierPath(m), [Arg.Of("modifier", modifier), Column1(edit), Column2(edit), EditArgument(edit)]);
                        AddFix(i, ModifierFixAction.Remove, modifier, "the column-1 code is payable; the modifier belongs on the column-2 line", DiagnosticIds.PairModifierOnColumnOne, _lines[i].ModifierPath(m));
                    }
                }
            }

            for (int i = 0; i < _lines.Length; i++)
            {
                if (_lines[i].Code != edit.Column2)
                {
                    continue;
                }

                if (!onColumn1)
                {
                    AddPairFinding(edit, DiagnosticDescriptors.PairModifierMissing, _lines[i].Path, [Column1(edit), Column2(edit), EditArgument(edit)]);
                }

                AddColumn2Fix(i, time, onColumn1 ? DiagnosticIds.PairModifierOnColumnOne : DiagnosticIds.PairModifierMissing);
            }

            AddOutcome(edit, PairStatus.Failed, time, shared, null, onColumn1 ? PairReason.ModifierOnColumnOne : PairReason.ModifierMissing, distinctCodes);
        }

        /// <summary>
        /// A pair whose segments share time: no 59/XU advice (no modifier can be true); a modifier already billed is
        /// TBR305, and the overlap itself is reported once by the unit calculation (TBR101): the fix is to correct the times.
        /// </summary>
        private void CheckOverlappingPair(PtpEdit edit, ImmutableArray<SharedTime> shared, int distinctCodes)
        {
            Mark(edit.Column1, CodeFlags.Overlapping);
            Mark(edit.Column2, CodeFlags.Overlapping);
            long minutes = PairReasons.SharedMinutes(shared);

            string? sharedText = null;
            Modifier? used = null;

            // The column-2 lines first, then the column-1 lines.
            foreach (var column in (ReadOnlySpan<CptCode>)[edit.Column2, edit.Column1])
            {
                for (int i = 0; i < _lines.Length; i++)
                {
                    if (_lines[i].Code != column)
                    {
                        continue;
                    }

                    for (int m = 0; m < _lines[i].Modifiers.Length; m++)
                    {
                        var modifier = _lines[i].Modifiers[m];
                        if (!IsPairModifier(modifier))
                        {
                            continue;
                        }

                        used ??= modifier;
                        sharedText ??= SharedText(shared);
                        AddPairFinding(edit, DiagnosticDescriptors.PairModifierNotSupported, _lines[i].ModifierPath(m), [Arg.Of("modifier", modifier), Column1(edit), Column2(edit), Arg.Of("minutes", minutes), Arg.Of("shared", sharedText)]);
                        AddFix(i, ModifierFixAction.DocumentTimes, null, "the segment times overlap, so no modifier is supported; correct the times if they are wrong", DiagnosticIds.PairModifierNotSupported, _lines[i].Path);
                    }
                }
            }

            AddOutcome(edit, PairStatus.Failed, TimeEvidence.Overlapping, shared, used, PairReason.SharedTime, distinctCodes);
        }

        private static string SharedText(ImmutableArray<SharedTime> shared) =>
            string.Join(", ", shared.Take(MaxListedShares).Select(static s => string.Create(CultureInfo.InvariantCulture, $"segments {s.FirstSegment} and {s.SecondSegment}: {s.Minutes} min")))
            + (shared.Length > MaxListedShares ? string.Create(CultureInfo.InvariantCulture, $" and {shared.Length - MaxListedShares} more") : string.Empty);

        /// <summary>
        /// Adds a pair finding with its data-confidence note: findings from a row tagged [L] (the shipped subset's
        /// single or dated secondary sources) are at most warnings that say to verify the edit; every other pair
        /// finding gets an empty note (the last argument, <c>verify</c>).
        /// </summary>
        private void AddPairFinding(PtpEdit edit, DiagnosticDescriptor descriptor, string path, scoped ReadOnlySpan<DiagnosticArgument> arguments)
        {
            bool low = edit.IsLowConfidence;
            var severity = low && descriptor.DefaultSeverity == Severity.Error ? Severity.Warning : descriptor.DefaultSeverity;
            var all = new DiagnosticArgument[arguments.Length + 1];
            arguments.CopyTo(all);
            all[arguments.Length] = Arg.Of("verify", low ? PairEditTexts.Of(edit).VerifyNote : string.Empty);
            Diagnostics().Add(descriptor.Create(severity, path, all));
        }

        /// <summary>
        /// A row tagged [L] carries no add/remove fix (the data does not prove the edit; recording times stays useful).
        /// </summary>
        private readonly void MarkDataConfidence(PtpEdit edit, int fixesBefore)
        {
            for (int k = FixCount - 1; edit.IsLowConfidence && k >= fixesBefore; k--)
            {
                if (_fixes![k].Action != ModifierFixAction.DocumentTimes)
                {
                    _fixes.RemoveAt(k);
                }
            }
        }

        private readonly bool IsAnatomic(PtpEdit edit)
        {
            foreach (var pair in _settings.RegionDistinctPairs)
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
        private readonly bool RegionsDistinct(CptCode column1, CptCode column2)
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

        private void AddOutcome(PtpEdit edit, PairStatus status, TimeEvidence time, ImmutableArray<SharedTime> shared, Modifier? modifier, PairReason why, int distinctCodes)
        {
            for (int i = 0; i < _lines.Length; i++)
            {
                if (_lines[i].Code == edit.Column2)
                {
                    _marks[i].Flags |= CodeFlags.Column2;
                    if (status != PairStatus.Passed)
                    {
                        _marks[i].Column2Status = Worse(_marks[i].Column2Status, status);
                    }
                }
            }

            if (!_collectOutcomes)
            {
                return;
            }

            // At most one outcome per pair of distinct codes: usually the buffer is rented once at that size; a huge
            // encounter starts smaller and grows.
            if (_outcomes is null || _outcomeCount == _outcomes.Length)
            {
                long pairs = (long)distinctCodes * (distinctCodes - 1) / 2;
                var larger = System.Buffers.ArrayPool<CodePairOutcome>.Shared.Rent(_outcomes is null ? (int)Math.Min(pairs, 64) : _outcomes.Length * 2);
                if (_outcomes is not null)
                {
                    _outcomes.AsSpan().CopyTo(larger);
                    System.Buffers.ArrayPool<CodePairOutcome>.Shared.Return(_outcomes, clearArray: true);
                }

                _outcomes = larger;
            }

            _outcomes[_outcomeCount++] = new CodePairOutcome(edit, status, time, shared, modifier, why);
        }

        private readonly void Mark(CptCode code, CodeFlags flag)
        {
            for (int i = 0; i < _lines.Length; i++)
            {
                if (_lines[i].Code == code)
                {
                    _marks[i].Flags |= flag;
                }
            }
        }

        /// <summary>
        /// What the segment times say about two codes, and the time their segments share: the segments of both codes
        /// (with times and a positive duration) in start order, each compared with the latest-ending segment of the
        /// other code so far.
        /// </summary>
        private readonly TimeEvidence Evidence(CptCode column1, CptCode column2, out ImmutableArray<SharedTime> shared)
        {
            bool any1 = false, any2 = false, allTimed = true;
            Span<TimedSegment> order = _segments.Length <= StackLimit ? stackalloc TimedSegment[_segments.Length] : new TimedSegment[_segments.Length];
            int count = 0;
            for (int i = 0; i < _segments.Length; i++)
            {
                var segment = _segments[i];
                if (segment.Code != column1 && segment.Code != column2)
                {
                    continue;
                }

                any1 |= segment.Code == column1;
                any2 |= segment.Code == column2;
                allTimed &= segment.HasTimes && segment.GetDuration() is not null;
                if (TimedSegment.TryOf(segment, i, _dateOfService, out var timed))
                {
                    // Insertion by start; equal starts keep input order.
                    int at = count;
                    while (at > 0 && order[at - 1].Start > timed.Start)
                    {
                        order[at] = order[at - 1];
                        at--;
                    }

                    order[at] = timed;
                    count++;
                }
            }

            ImmutableArray<SharedTime>.Builder? found = null;
            int reach1 = -1, reach2 = -1; // positions in order of the latest-ending segment of each code so far
            for (int p = 0; p < count; p++)
            {
                var (i, start, end) = (order[p].Index, order[p].Start, order[p].End);
                bool isColumn1 = _segments[i].Code == column1;
                int other = isColumn1 ? reach2 : reach1;
                if (other >= 0 && start < order[other].End)
                {
                    var to = end < order[other].End ? end : order[other].End;
                    int minutes = (int)Math.Min(int.MaxValue, Math.Ceiling(ClockSweep.Between(start, to).TotalMinutes));
                    int j = order[other].Index;
                    (found ??= ImmutableArray.CreateBuilder<SharedTime>()).Add(new SharedTime(Math.Min(i, j), Math.Max(i, j), minutes));
                }

                ref int own = ref isColumn1 ? ref reach1 : ref reach2;
                if (own < 0 || end > order[own].End)
                {
                    own = p;
                }
            }

            if (found is not null)
            {
                shared = found.ToImmutable();
                return TimeEvidence.Overlapping;
            }

            shared = [];
            return any1 && any2 && allTimed ? TimeEvidence.Distinct : TimeEvidence.Unknown;
        }

        private List<Diagnostic> Diagnostics() => _diagnostics ??= [];

        private void AddFix(int line, ModifierFixAction action, Modifier? modifier, string reason, string diagnosticId, string path) =>
            (_fixes ??= []).Add(new ModifierFix(line, _lines[line].Code, action, modifier, reason, diagnosticId, path));
    }

    private static int FirstPairModifier(PairLine line)
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

    private static DiagnosticArgument EditArgument(PtpEdit edit) => Arg.Of("edit", PairEditTexts.Of(edit).Description);

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

    /// <summary>What the check has learnt about a line's code.</summary>
    [Flags]
    private enum CodeFlags : byte
    {
        None = 0,

        /// <summary>An edit in force with indicator 0 or 1 pairs the code with another code of the encounter.</summary>
        Paired = 1,

        /// <summary>The code is in a pair whose segments share time.</summary>
        Overlapping = 2,

        /// <summary>XS (or 59) on the code is accepted: an anatomic edit, different body regions.</summary>
        RegionDistinct = 4,

        /// <summary>The code is column 2 of an edit in force.</summary>
        Column2 = 8,
    }

    /// <summary>The marks of one line's code: flags and the worst status it has as column 2 (default when none).</summary>
    private struct LineMarks
    {
        public CodeFlags Flags;
        public PairStatus Column2Status;
    }
}
