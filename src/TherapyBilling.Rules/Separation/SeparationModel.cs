using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>The outcome of one code pair that an NCCI edit in force covers.</summary>
public enum PairStatus
{
    /// <summary>The edit in force does not restrict the pair (modifier indicator 9).</summary>
    Passed = 1,

    /// <summary>The column-2 code would be denied: indicator 0, no modifier, the modifier on the wrong line, or a modifier the times contradict.</summary>
    Failed = 2,

    /// <summary>A 59 or X modifier on the column-2 line resolves the edit, and the segment times show distinct intervals.</summary>
    Bypassed = 3,

    /// <summary>A modifier is present but the segment times needed to support it are missing; never a pass.</summary>
    NotChecked = 4,
}

/// <summary>What the segment times say about two codes of a pair.</summary>
public enum TimeEvidence
{
    /// <summary>Some segment of either code has no start and end time (or no segment records the code).</summary>
    Unknown = 1,

    /// <summary>Every segment of both codes has times and none shares a minute with a segment of the other code.</summary>
    Distinct = 2,

    /// <summary>A segment of one code shares time with a segment of the other.</summary>
    Overlapping = 3,
}

/// <summary>What a <see cref="ModifierFix"/> asks the user to do.</summary>
public enum ModifierFixAction
{
    /// <summary>Add <see cref="ModifierFix.Modifier"/> to the line.</summary>
    Add = 1,

    /// <summary>Remove <see cref="ModifierFix.Modifier"/> from the line.</summary>
    Remove = 2,

    /// <summary>No modifier can be justified yet: record (or correct) the start and end times of the pair's segments first.</summary>
    DocumentTimes = 3,
}

/// <summary>Time shared by a segment of one code and a segment of another.</summary>
/// <param name="FirstSegment">The 0-based index of the earlier segment in the input.</param>
/// <param name="SecondSegment">The 0-based index of the later segment in the input.</param>
/// <param name="Minutes">The shared minutes, rounded up.</param>
public readonly record struct SharedTime(int FirstSegment, int SecondSegment, int Minutes);

/// <summary>One line to check: a code with its modifiers and the path that findings about it use.</summary>
/// <remarks>Immutable and thread-safe. Create lines through <see cref="SeparationInput"/>'s factories.</remarks>
public sealed record SeparationLine
{
    internal SeparationLine(CptCode code, ImmutableArray<Modifier> modifiers, string path, bool isBilled)
    {
        Code = code;
        Modifiers = modifiers;
        Path = path;
        IsBilled = isBilled;
    }

    /// <summary>Gets the code.</summary>
    public CptCode Code { get; }

    /// <summary>Gets the modifiers, in claim order.</summary>
    public ImmutableArray<Modifier> Modifiers { get; }

    /// <summary>Gets the path of the line: <c>lines[i]</c> for a billed line, <c>segments[k]</c> (the code's first segment) for a computed one.</summary>
    public string Path { get; }

    /// <summary>Gets a value indicating whether the line was billed (as opposed to computed from the segments).</summary>
    public bool IsBilled { get; }

    /// <summary>Gets the path of one of the line's modifiers: <c>lines[i].modifiers[j]</c>, or the segment's path for a computed line.</summary>
    /// <param name="index">The 0-based index into <see cref="Modifiers"/>.</param>
    /// <returns>The path.</returns>
    public string ModifierPath(int index) =>
        IsBilled ? string.Create(CultureInfo.InvariantCulture, $"{Path}.modifiers[{index}]") : Path;
}

/// <summary>What the separation checks read: the date of service, the segments, the lines and the plan's discipline.</summary>
/// <remarks>Immutable and thread-safe. Build it with <see cref="FromBilledLines"/> or <see cref="FromUnitCalculation"/>.</remarks>
public sealed record SeparationInput
{
    private SeparationInput(LocalDate dateOfService, ImmutableArray<TreatmentSegment> segments, ImmutableArray<SeparationLine> lines, Discipline? discipline)
    {
        DateOfService = dateOfService;
        Segments = segments;
        Lines = lines;
        Discipline = discipline;
    }

    /// <summary>Gets the date of service (it picks the edit rows in force).</summary>
    public LocalDate DateOfService { get; }

    /// <summary>Gets the treatment segments, in input order (they give the time evidence).</summary>
    public ImmutableArray<TreatmentSegment> Segments { get; }

    /// <summary>Gets the lines to check.</summary>
    public ImmutableArray<SeparationLine> Lines { get; }

    /// <summary>Gets the plan of care's discipline, or <see langword="null"/> when unknown (then only missing or several GP/GO/GN are judged).</summary>
    public Discipline? Discipline { get; }

    /// <summary>Builds the input from lines as billed; findings point at <c>lines[i]</c> and <c>lines[i].modifiers[j]</c>.</summary>
    /// <param name="dateOfService">The date of service.</param>
    /// <param name="segments">The segments of the day.</param>
    /// <param name="lines">The lines as billed, in claim order.</param>
    /// <param name="discipline">The plan of care's discipline, when known.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">A collection is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A collection holds <see langword="null"/>.</exception>
    public static SeparationInput FromBilledLines(LocalDate dateOfService, IEnumerable<TreatmentSegment> segments, IEnumerable<BilledLine> lines, Discipline? discipline = null)
    {
        var segmentArray = NoNulls(segments, nameof(segments));
        var billed = NoNulls(lines, nameof(lines));
        var built = ImmutableArray.CreateBuilder<SeparationLine>(billed.Length);
        for (int i = 0; i < billed.Length; i++)
        {
            built.Add(new SeparationLine(billed[i].Code, billed[i].Modifiers.IsDefault ? [] : billed[i].Modifiers, Paths.Index("lines", i), isBilled: true));
        }

        return new SeparationInput(dateOfService, segmentArray, built.MoveToImmutable(), discipline);
    }

    /// <summary>
    /// Builds the input from a unit calculation: one line per code with units &gt; 0, carrying the modifiers recorded
    /// on the code's segments; findings point at the code's first segment, <c>segments[k]</c>.
    /// </summary>
    /// <param name="dateOfService">The date of service.</param>
    /// <param name="segments">The segments the calculation was made from.</param>
    /// <param name="units">The calculation.</param>
    /// <param name="discipline">The plan of care's discipline, when known.</param>
    /// <returns>The input.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A segment is <see langword="null"/>, or the calculation refers to a segment that is not there.</exception>
    public static SeparationInput FromUnitCalculation(LocalDate dateOfService, IEnumerable<TreatmentSegment> segments, UnitCalculation units, Discipline? discipline = null)
    {
        var segmentArray = NoNulls(segments, nameof(segments));
        Guard.NotNull(units);
        var built = ImmutableArray.CreateBuilder<SeparationLine>();
        foreach (var line in units.Lines)
        {
            if (line.Units <= 0 || line.SegmentIndices.IsDefaultOrEmpty)
            {
                continue;
            }

            var modifiers = ImmutableArray.CreateBuilder<Modifier>();
            foreach (int index in line.SegmentIndices)
            {
                if ((uint)index >= (uint)segmentArray.Length)
                {
                    throw new ArgumentException("The unit calculation does not belong to these segments.", nameof(units));
                }

                foreach (var modifier in segmentArray[index].Modifiers)
                {
                    if (!modifiers.Contains(modifier))
                    {
                        modifiers.Add(modifier);
                    }
                }
            }

            built.Add(new SeparationLine(line.Code, modifiers.ToImmutable(), Paths.Segment(line.SegmentIndices[0]), isBilled: false));
        }

        return new SeparationInput(dateOfService, segmentArray, built.ToImmutable(), discipline);
    }

    private static ImmutableArray<T> NoNulls<T>(IEnumerable<T> items, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, name);
        ImmutableArray<T> array = [.. items];
        foreach (var item in array)
        {
            if (item is null)
            {
                throw new ArgumentException("The collection must not contain null.", name);
            }
        }

        return array;
    }
}

/// <summary>The outcome of one pair of codes that an NCCI edit in force covers, with the time evidence behind it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CodePairOutcome
{
    private readonly PairReason _why;

    internal CodePairOutcome(PtpEdit edit, PairStatus status, TimeEvidence time, ImmutableArray<SharedTime> sharedTimes, Modifier? modifier, PairReason why)
    {
        Edit = edit;
        Status = status;
        Time = time;
        SharedTimes = sharedTimes;
        Modifier = modifier;
        _why = why;
    }

    /// <summary>Gets the edit row in force on the date of service.</summary>
    public PtpEdit Edit { get; }

    /// <summary>Gets the column-1 code.</summary>
    public CptCode Column1 => Edit.Column1;

    /// <summary>Gets the column-2 code.</summary>
    public CptCode Column2 => Edit.Column2;

    /// <summary>Gets the status.</summary>
    public PairStatus Status { get; }

    /// <summary>Gets what the segment times say about the two codes.</summary>
    public TimeEvidence Time { get; }

    /// <summary>Gets the time shared by segments of the two codes (empty unless <see cref="Time"/> is <see cref="TimeEvidence.Overlapping"/>).</summary>
    public ImmutableArray<SharedTime> SharedTimes { get; }

    /// <summary>Gets the PTP modifier found on the column-2 line, or <see langword="null"/>.</summary>
    public Modifier? Modifier { get; }

    /// <summary>Gets a one-sentence explanation in the invariant culture.</summary>
    /// <remarks>Built when read (a batch check that never reads it does not pay for it); the same text every time.</remarks>
    public string Explanation => CodePairCheck.Explain(Edit, Status, Time, PairReasons.Text(_why, this));

    /// <summary>Returns <see cref="Explanation"/>.</summary>
    /// <returns>The explanation.</returns>
    public override string ToString() => Explanation;
}

/// <summary>A one-click fix an EMR can offer: which line, which modifier to add or remove, why, and what it resolves.</summary>
/// <param name="LineIndex">The 0-based index into <see cref="SeparationInput.Lines"/> (for billed lines, the claim line).</param>
/// <param name="Code">The line's code.</param>
/// <param name="Action">Add or remove a modifier, or document times first.</param>
/// <param name="Modifier">The modifier to add or remove; <see langword="null"/> for <see cref="ModifierFixAction.DocumentTimes"/>.</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="DiagnosticId">The id of the finding the fix resolves.</param>
/// <param name="Path">The path of the line (or of the modifier to remove).</param>
public sealed record ModifierFix(int LineIndex, CptCode Code, ModifierFixAction Action, Modifier? Modifier, string Reason, string DiagnosticId, string Path)
{
    /// <summary>Describes the fix, such as <c>lines[1] 97530: add XU (TBR303) - ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        string what = Action switch
        {
            ModifierFixAction.Add => "add " + Modifier,
            ModifierFixAction.Remove => "remove " + Modifier,
            _ => "document times",
        };
        return $"{Path} {Code}: {what} ({DiagnosticId}) - {Reason}";
    }
}

/// <summary>The result of <see cref="CodePairCheck.Check"/>: pair outcomes, findings and fixes.</summary>
/// <remarks>Immutable and thread-safe. Outcomes are ordered by column 1 then column 2; diagnostics in the canonical order.</remarks>
public sealed record SeparationResult
{
    internal SeparationResult(ImmutableArray<CodePairOutcome> outcomes, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<ModifierFix> fixes, string pairTableVersion)
    {
        Outcomes = outcomes;
        Diagnostics = diagnostics;
        Fixes = fixes;
        PairTableVersion = pairTableVersion;
    }

    /// <summary>Gets one outcome per pair of the lines' codes that an edit in force covers.</summary>
    public ImmutableArray<CodePairOutcome> Outcomes { get; }

    /// <summary>Gets the findings (TBR3xx).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the suggested modifier fixes, ordered by line then action.</summary>
    public ImmutableArray<ModifierFix> Fixes { get; }

    /// <summary>Gets the version of the pair table used.</summary>
    public string PairTableVersion { get; }

    /// <summary>Gets a value indicating whether any finding is an error.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == Severity.Error);

    /// <summary>Renders the outcomes, findings and fixes as plain text, one per line.</summary>
    /// <returns>The text, in the invariant culture.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append("pair table ").Append(PairTableVersion).Append('\n');
        foreach (var outcome in Outcomes)
        {
            text.Append("pair ").Append(outcome.Explanation).Append('\n');
        }

        foreach (var diagnostic in Diagnostics)
        {
            text.Append(diagnostic.ToString()).Append('\n');
        }

        foreach (var fix in Fixes)
        {
            text.Append("fix ").Append(fix.ToString()).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>The pair table and code catalog the separation checks use.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record SeparationOptions
{
    /// <summary>Gets the default options: the shipped pair table and code catalog.</summary>
    public static SeparationOptions Default { get; } = new();

    /// <summary>Gets the PTP edit table.</summary>
    /// <value>The default value is <see cref="PtpEditTable.Default"/>.</value>
    public PtpEditTable PairTable { get; init; } = PtpEditTable.Default;

    /// <summary>Gets the code catalog (which codes are timed, which are always therapy).</summary>
    /// <value>The default value is <see cref="CodeCatalog.Default"/>.</value>
    public CodeCatalog Catalog { get; init; } = CodeCatalog.Default;

    /// <summary>
    /// Gets a value indicating whether NCCI procedure-to-procedure edits and the 59/X modifier rules apply
    /// (a payer profile may say they do not). The one-service-per-15-minute-period check always applies.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckPairEdits { get; init; } = true;

    /// <summary>Gets the code pairs that are distinct by body region (XS accepted with different segment regions), in addition to edits whose rationale names a region or anatomy.</summary>
    /// <value>The default value is <see cref="RegionDistinctPair.Default"/>.</value>
    public ImmutableArray<RegionDistinctPair> RegionDistinctPairs { get; init; } = RegionDistinctPair.Default;

    /// <summary>Gets a value indicating whether always-therapy lines must carry exactly one matching GP/GO/GN (CPM ch. 5 §20.1).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckDisciplineModifiers { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether segments of different timed codes sharing time are reported here (TBR301, one
    /// finding per overlapping group). <see cref="ComplianceEngine"/> turns it off because the unit calculation
    /// already reports every overlap once (TBR101); keep it on when calling <see cref="CodePairCheck"/> alone.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReportTimeOverlaps { get; init; } = true;
}
