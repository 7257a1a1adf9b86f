using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// Checks a treatment note for completeness (BPM ch. 15 §220.3), the 97535-specific elements, cloned or generic
/// language, and the episode's progress-report and certification clocks. Findings are diagnostics TBR201-TBR223.
/// </summary>
/// <remarks>
/// <para>Which elements are required, with which severity and source, is data: <see cref="DocumentationRequirementSet"/>.</para>
/// <para>Paths are relative to the checked object (an encounter): findings in the note start with
/// <see cref="DocumentationCheckContext.NotePath"/> (<c>documentation.interventions[2].assistanceBefore</c>), findings
/// about the time record point at it (<c>segments[0]</c>, <c>lines[1]</c>) only through message arguments.</para>
/// <para>Free text is never copied into a message. Pure and thread-safe: no clock ("today" is in the context),
/// invariant culture, output in the canonical order.</para>
/// </remarks>
/// <example><code>
/// var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
/// var findings = DocumentationCheck.Validate(note, new DocumentationCheckContext(dateOfService, units));
/// </code></example>
public static partial class DocumentationCheck
{
    private static readonly CptCode s_selfCare = CptCode.Parse("97535");

    /// <summary>Checks a treatment note.</summary>
    /// <param name="note">The note.</param>
    /// <param name="context">The date of service, units, billed lines and requirement set.</param>
    /// <returns>The findings, in the canonical order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ImmutableArray<Diagnostic> Validate(TreatmentNote note, DocumentationCheckContext context)
    {
        Guard.NotNull(note);
        Guard.NotNull(context);
        var run = new Run(note, context);
        run.CheckNoteElements();
        run.CheckTotals();
        run.CheckTimedServicesDocumented();
        for (int i = 0; i < note.Interventions.Length; i++)
        {
            if (note.Interventions[i] is { } intervention && intervention.Code == s_selfCare)
            {
                run.CheckSelfCare(i, intervention);
            }
        }

        if (note.Episode is { } episode)
        {
            run.CheckProgressReports(episode);
            run.CheckCertification(episode);
            if (episode.PeriodTimedMinutes is int minutes && episode.PeriodTimedUnits is int units && IsLowAverage(minutes, units, context.Requirements))
            {
                run.Add(LowAverageFinding(minutes, units, context.Requirements, run.Path("episode.periodTimedUnits")));
            }
        }

        return run.Findings();
    }

    /// <summary>
    /// The review flag for a period: the average minutes per billed timed unit across several visits is under the
    /// threshold (15 by default; CPM ch. 5 §20.2 C).
    /// </summary>
    /// <param name="visits">Each visit's timed minutes and timed units.</param>
    /// <param name="requirements">The requirement set (threshold and severity overrides); <see langword="null"/> for Medicare.</param>
    /// <param name="path">The path to report the finding at.</param>
    /// <returns>The finding (TBR212, info), or <see langword="null"/> when the average is at least the threshold or nothing was billed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="visits"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A visit has negative minutes or units.</exception>
    public static Diagnostic? CheckAverageMinutesPerUnit(IEnumerable<VisitUsage> visits, DocumentationRequirementSet? requirements = null, string path = "")
    {
        Guard.NotNull(visits);
        Guard.NotNull(path);
        requirements ??= DocumentationRequirementSet.Medicare;
        long minutes = 0, units = 0;
        foreach (var visit in visits)
        {
            minutes = checked(minutes + Guard.NotNegative(visit.TimedMinutes));
            units = checked(units + Guard.NotNegative(visit.TimedUnits));
        }

        return IsLowAverage(minutes, units, requirements) ? LowAverageFinding(minutes, units, requirements, path) : null;
    }

    private static bool IsLowAverage(long minutes, long units, DocumentationRequirementSet requirements) =>
        units != 0 && minutes < units * requirements.MinimumAverageMinutesPerUnit;

    private static Diagnostic LowAverageFinding(long minutes, long units, DocumentationRequirementSet requirements, string path)
    {
        double average = (double)minutes / units;
        return requirements.Apply(DiagnosticDescriptors.LowAverageMinutesPerUnit.Create(
            path,
            Arg.Of("minutes", minutes),
            Arg.Of("units", units),
            Arg.Of("average", Math.Round(average, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture)),
            Arg.Of("threshold", requirements.MinimumAverageMinutesPerUnit)));
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(double value) =>
        ((int)Math.Floor((value * 100) + 1e-9)).ToString(CultureInfo.InvariantCulture) + "%";

    private sealed partial class Run(TreatmentNote note, DocumentationCheckContext context)
    {
        private DocumentationCheckContext Context => context;

        // Made on the first finding: a note without findings allocates no list.
        private List<Diagnostic>? _diagnostics;

        private DocumentationRequirementSet Set => context.Requirements;

        public void Add(Diagnostic diagnostic) => (_diagnostics ??= []).Add(diagnostic);

        /// <summary>The findings with the requirement set's severity overrides, in the canonical order.</summary>
        public ImmutableArray<Diagnostic> Findings()
        {
            if (_diagnostics is null)
            {
                return [];
            }

            for (int i = 0; i < _diagnostics.Count; i++)
            {
                _diagnostics[i] = Set.Apply(_diagnostics[i]);
            }

            return DiagnosticOrder.Sort(_diagnostics);
        }

        public string Path(string member) => context.NotePath.Length == 0 ? member : context.NotePath + "." + member;

        private string Intervention(int index, string? member = null) =>
            Path(member is null ? Paths.Index("interventions", index) : Paths.Index("interventions", index, member));

        private void Missing(NoteElement element, string path, string text)
        {
            if (Set.Find(element) is { } requirement)
            {
                Add(DiagnosticDescriptors.NoteElementMissing.Create(requirement.Severity, path, Arg.Of("element", text), Arg.Of("source", requirement.Source)));
            }
        }

        private void MissingAdl(NoteElement element, string path, string text)
        {
            if (Set.Find(element) is { } requirement)
            {
                Add(DiagnosticDescriptors.AdlElementMissing.Create(
                    requirement.Severity, path, Arg.Of("element", text), Arg.Of("source", requirement.Source), Arg.Of("confidence", requirement.Confidence)));
            }
        }

        public void CheckNoteElements()
        {
            if (note.DateOfService is not LocalDate date)
            {
                Missing(NoteElement.DateOfService, Path("dateOfService"), "date of service");
            }
            else if (date != context.DateOfService)
            {
                Add(DiagnosticDescriptors.NoteDateDiffers.Create(Path("dateOfService"), Arg.Of("noteDate", Iso(date)), Arg.Of("date", Iso(context.DateOfService))));
            }

            if (note.Interventions.IsDefaultOrEmpty)
            {
                Missing(NoteElement.Interventions, Path("interventions"), "interventions (each service provided, billed or not)");
            }

            if (note.TotalTimedMinutes is null)
            {
                Missing(NoteElement.TotalTimedMinutes, Path("totalTimedMinutes"), "total timed-code treatment minutes");
            }

            if (note.TotalTreatmentMinutes is null)
            {
                Missing(NoteElement.TotalTreatmentMinutes, Path("totalTreatmentMinutes"), "total treatment time in minutes");
            }

            if (note.Signature is not { IsSigned: true })
            {
                Missing(NoteElement.Signature, Path("signature"), "signature of the professional who furnished or supervised the services");
            }

            if (string.IsNullOrWhiteSpace(note.Signature?.Credentials))
            {
                Missing(NoteElement.Credentials, Path("signature.credentials"), "professional identification (credentials) with the signature");
            }

            if (note.AssistantInvolved == true && !HasSignedAssistant())
            {
                Missing(NoteElement.ContributorSignatures, Path("contributors"), "signature of the assistant who contributed");
            }
        }

        private bool HasSignedAssistant()
        {
            foreach (var contributor in note.Contributors)
            {
                if (contributor is { IsSigned: true, Role: ClinicianRole.Assistant })
                {
                    return true;
                }
            }

            return false;
        }

        public void CheckTotals()
        {
            var units = context.Units;
            if (note.TotalTimedMinutes is int recorded)
            {
                if (!units.Lines.IsEmpty && recorded != units.TimedMinutes)
                {
                    Add(DiagnosticDescriptors.TotalTimedMinutesDiffer.Create(Path("totalTimedMinutes"), Arg.Of("recorded", recorded), Arg.Of("computed", units.TimedMinutes)));
                }

                if (units.Method == UnitMethod.Cms && recorded >= 0)
                {
                    int billed = BilledTimedUnits();
                    int supported = UnitAllocator.UnitsForMinutes(recorded);
                    if (billed > supported)
                    {
                        Add(DiagnosticDescriptors.UnitsNotSupportedByNote.Create(
                            Path("totalTimedMinutes"),
                            Arg.Of("billed", billed),
                            Arg.Of("recorded", recorded),
                            Arg.Of("supported", supported),
                            Arg.Of("method", "CMS")));
                    }
                }
            }

            int timed = note.TotalTimedMinutes ?? units.TimedMinutes;
            if (note.TotalTreatmentMinutes is int total && total < timed)
            {
                Add(DiagnosticDescriptors.TotalTreatmentTimeTooShort.Create(Path("totalTreatmentMinutes"), Arg.Of("total", total), Arg.Of("timed", timed)));
            }
        }

        private int BilledTimedUnits()
        {
            if (context.BilledLines.IsDefaultOrEmpty)
            {
                return context.Units.TimedUnits;
            }

            int sum = 0;
            foreach (var line in context.BilledLines)
            {
                if (context.Catalog.IsTimed(line.Code))
                {
                    sum = (int)Math.Min(int.MaxValue, (long)sum + line.Units); // saturates: a count this large is a finding either way
                }
            }

            return sum;
        }

        public void CheckTimedServicesDocumented()
        {
            // Linear scans instead of sets: a note documents a handful of codes, and a code is looked for among the
            // lines before it only when it is undocumented (when a finding is due).
            var lines = context.Units.Lines;
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (IsUndocumentedTimedMinutes(line) && !IsDocumented(line.Code) && !ReportedBefore(line.Code, i, 0))
                {
                    Add(DiagnosticDescriptors.TimedServiceNotDocumented.Create(
                        Path("interventions"), Arg.Of("code", line.Code), Arg.Of("where", Paths.Segment(line.SegmentIndices[0]))));
                }
            }

            for (int i = 0; i < context.BilledLines.Length; i++)
            {
                var code = context.BilledLines[i].Code;
                if (context.Catalog.IsTimed(code) && !IsDocumented(code) && !ReportedBefore(code, lines.Length, i))
                {
                    Add(DiagnosticDescriptors.TimedServiceNotDocumented.Create(
                        Path("interventions"), Arg.Of("code", code), Arg.Of("where", Paths.Index("lines", i))));
                }
            }
        }

        private static bool IsUndocumentedTimedMinutes(UnitLine line) => line.IsTimed && line.Minutes > 0;

        private bool IsDocumented(CptCode code)
        {
            foreach (var intervention in note.Interventions)
            {
                if (intervention?.Code == code)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether an undocumented <paramref name="code"/> was already reported: by one of the first <paramref name="unitLines"/> unit lines or the first <paramref name="billedLines"/> billed lines.</summary>
        private bool ReportedBefore(CptCode code, int unitLines, int billedLines)
        {
            var lines = context.Units.Lines;
            for (int i = 0; i < unitLines; i++)
            {
                if (lines[i].Code == code && IsUndocumentedTimedMinutes(lines[i]))
                {
                    return true;
                }
            }

            for (int i = 0; i < billedLines; i++)
            {
                if (context.BilledLines[i].Code == code) // the caller passes billed lines only for a timed code
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsGenericTask(string task)
        {
            // The task's tokens joined by single spaces, lower case (as string.Join(' ', Tokenize(task))), built once
            // in a stack buffer and compared with each generic name; and the task trimmed, as a span.
            char[]? rented = null;
            Span<char> buffer = task.Length <= 128 ? stackalloc char[128] : (rented = ArrayPool<char>.Shared.Rent(task.Length));
            try
            {
                ReadOnlySpan<char> normalised = Normalise(task, buffer);
                ReadOnlySpan<char> trimmed = task.AsSpan().Trim();
                foreach (string generic in Set.GenericTaskNames)
                {
                    if (generic.AsSpan().Equals(normalised, StringComparison.OrdinalIgnoreCase) || generic.AsSpan().Equals(trimmed, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<char>.Shared.Return(rented);
                }
            }
        }

        /// <summary>Writes the runs of letters and digits of <paramref name="text"/>, lower case, one space between runs (never longer than the text).</summary>
        private static ReadOnlySpan<char> Normalise(string text, Span<char> buffer)
        {
            int length = 0;
            bool inWord = false;
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (!inWord && length > 0)
                    {
                        buffer[length++] = ' ';
                    }

                    buffer[length++] = char.ToLowerInvariant(c);
                    inWord = true;
                }
                else
                {
                    inWord = false;
                }
            }

            return buffer.Slice(0, length);
        }

        public void CheckSelfCare(int i, NoteIntervention n)
        {
            if (string.IsNullOrWhiteSpace(n.Task))
            {
                MissingAdl(NoteElement.AdlTask, Intervention(i, "task"), "the specific ADL/IADL task trained");
            }
            else if (IsGenericTask(n.Task))
            {
                MissingAdl(NoteElement.AdlTask, Intervention(i, "task"), "the specific ADL/IADL task trained (a generic name such as 'ADL training' does not say what was trained)");
            }

            CheckLevel(i, n.AssistanceBefore, NoteElement.AssistanceBefore, "assistanceBefore", "before");
            CheckLevel(i, n.AssistanceAfter, NoteElement.AssistanceAfter, "assistanceAfter", "after");

            if (string.IsNullOrWhiteSpace(n.CompensatoryStrategy) && string.IsNullOrWhiteSpace(n.AdaptiveEquipment) && string.IsNullOrWhiteSpace(n.SafetyInstruction))
            {
                MissingAdl(NoteElement.TrainingContent, Intervention(i), "the compensatory strategy, adaptive equipment or safety instruction taught");
            }

            if (string.IsNullOrWhiteSpace(n.CompensatoryStrategy))
            {
                MissingAdl(NoteElement.CompensatoryStrategy, Intervention(i, "compensatoryStrategy"), "the compensatory strategy taught");
            }

            if (string.IsNullOrWhiteSpace(n.AdaptiveEquipment))
            {
                MissingAdl(NoteElement.AdaptiveEquipment, Intervention(i, "adaptiveEquipment"), "the adaptive equipment or assistive technology instructed");
            }

            if (string.IsNullOrWhiteSpace(n.SafetyInstruction))
            {
                MissingAdl(NoteElement.SafetyInstruction, Intervention(i, "safetyInstruction"), "the safety procedures instructed");
            }

            if (string.IsNullOrWhiteSpace(n.PatientResponse))
            {
                MissingAdl(NoteElement.PatientResponse, Intervention(i, "patientResponse"), "the patient's response to the training");
            }

            var goals = n.GoalIds.IsDefault ? [] : n.GoalIds;
            if (goals.IsEmpty)
            {
                MissingAdl(NoteElement.GoalLink, Intervention(i, "goalIds"), "the functional goal(s) the training serves");
            }

            for (int g = 0; g < goals.Length; g++)
            {
                if (goals[g] is null || !IsKnownGoal(goals[g]))
                {
                    Add(DiagnosticDescriptors.GoalLinkUnresolved.Create(Intervention(i, Paths.Index("goalIds", g)), Arg.Of("link", Paths.Index("goalIds", g))));
                }
            }

            switch (n.OneOnOne)
            {
                case null: MissingAdl(NoteElement.OneOnOne, Intervention(i, "oneOnOne"), "whether the time was direct one-on-one contact"); break;
                case false: Add(DiagnosticDescriptors.NotOneOnOne.Create(Intervention(i, "oneOnOne"))); break;
                default: break;
            }

            switch (n.AbleToFollowInstructions)
            {
                case null: MissingAdl(NoteElement.AbilityToFollowInstructions, Intervention(i, "ableToFollowInstructions"), "the patient's ability to follow instructions"); break;
                case false: Add(DiagnosticDescriptors.PatientCannotFollowInstructions.Create(Intervention(i, "ableToFollowInstructions"))); break;
                default: break;
            }

            if (n.CaregiverOnly == true)
            {
                Add(DiagnosticDescriptors.CaregiverOnlyTraining.Create(Intervention(i, "caregiverOnly")));
            }

            string? when = Set.IsIndependent(n.AssistanceBefore) ? "before" : Set.IsIndependent(n.AssistanceAfter) ? "after" : null;
            if (when is not null)
            {
                string member = when == "before" ? "assistanceBefore" : "assistanceAfter";
                string goalList = goals.IsEmpty ? "(none linked)" : string.Join(", ", Enumerable.Range(0, goals.Length).Where(g => goals[g] is not null).Select(static g => Paths.Index("goalIds", g)));
                Add(DiagnosticDescriptors.GoalReachedIndependence.Create(Intervention(i, member), Arg.Of("when", when), Arg.Of("goals", goalList)));
            }

            CheckNarrative(i, n.Narrative);
        }

        /// <summary>Whether the note has a goal of this id (a linear scan: a note has a handful of goals).</summary>
        private bool IsKnownGoal(string id)
        {
            foreach (var goal in note.Goals)
            {
                if (goal is not null && string.Equals(goal.Id, id, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private void CheckLevel(int i, AssistanceLevel? level, NoteElement element, string member, string when)
        {
            if (level is null || string.IsNullOrWhiteSpace(level.Value))
            {
                MissingAdl(element, Intervention(i, member), "the assistance level " + when + " the training, on a named scale");
            }
            else if (string.IsNullOrWhiteSpace(level.Scale))
            {
                MissingAdl(element, Intervention(i, member + ".scale"), "the name of the scale of the assistance level " + when + " the training");
            }
        }

        private void CheckNarrative(int i, string? narrative)
        {
            if (narrative is null)
            {
                MissingAdl(NoteElement.Narrative, Intervention(i, "narrative"), "a narrative of the session");
                return;
            }

            int words = NarrativeSimilarity.CountWords(narrative);
            if (words < Set.MinimumNarrativeWords)
            {
                Add(DiagnosticDescriptors.NarrativeTooShort.Create(Intervention(i, "narrative"), Arg.Of("words", words), Arg.Of("minimum", Set.MinimumNarrativeWords)));
            }

            if (note.Episode?.PreviousNarrative is { } previous)
            {
                // Over spans of both texts, no token strings or sets (the previous narrative is re-scanned per 97535 intervention).
                double similarity = NarrativeSimilarity.Jaccard(narrative, previous);
                if (similarity >= Set.ClonedSimilarityThreshold)
                {
                    Add(DiagnosticDescriptors.ClonedNarrative.Create(
                        Intervention(i, "narrative"), Arg.Of("similarity", Percent(similarity)), Arg.Of("threshold", Percent(Set.ClonedSimilarityThreshold))));
                }
            }
        }
    }
}
