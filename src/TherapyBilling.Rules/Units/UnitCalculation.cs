using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace TherapyBilling.Rules;

/// <summary>The result of <see cref="UnitCalculator"/>: lines, totals, diagnostics and the explanation of every unit.</summary>
/// <remarks>
/// Immutable and thread-safe. It holds <see cref="ImmutableArray{T}"/> members, so record equality compares them
/// by reference; compare results through their members or their <see cref="Explain"/> text.
/// </remarks>
public sealed record UnitCalculation
{
    private readonly ImmutableArray<CptCode> _preferredOrder;
    /// <summary>Each line's exact time in nanoseconds; <see langword="default"/> when every timed line is whole minutes (see <see cref="ExactOf"/>).</summary>
    private readonly ImmutableArray<long> _exact;
    private readonly bool _chosenByCaller;
    private ImmutableArray<UnitExplanation> _explanation;

    internal UnitCalculation(
        UnitMethod method,
        ImmutableArray<UnitLine> lines,
        MinuteTotals totals,
        int totalUnits,
        ImmutableArray<Diagnostic> diagnostics,
        ImmutableArray<CptCode> preferredOrder,
        string catalogVersion,
        ImmutableArray<long> exact,
        bool chosenByCaller = false)
    {
        Method = method;
        Lines = lines;
        Totals = totals;
        TimedMinutes = totals.Timed;
        UntimedMinutes = totals.Untimed;
        TotalUnits = totalUnits;
        Diagnostics = diagnostics;
        _preferredOrder = preferredOrder;
        CatalogVersion = catalogVersion;
        _exact = exact;
        _chosenByCaller = chosenByCaller;
        Tie = FindTie();
    }

    /// <summary>Gets the method used.</summary>
    public UnitMethod Method { get; }

    /// <summary>Gets one line per code, in the order codes first appear in the input; zero-unit timed lines included.</summary>
    public ImmutableArray<UnitLine> Lines { get; }

    /// <summary>
    /// Gets the total timed minutes (timed codes only; the basis of the CMS total): the exact sum of all timed time,
    /// overlapping time counted once, floored once. It can exceed the sum of the lines' minutes, which are floored per
    /// code (97110 11:30 + 97140 11:30 = 23 timed minutes, lines of 11 and 11).
    /// </summary>
    public int TimedMinutes { get; }

    /// <summary>Gets the minutes recorded on untimed codes (they count in total treatment time, never as timed minutes).</summary>
    public int UntimedMinutes { get; }

    /// <summary>Gets the total treatment minutes: timed plus untimed (BPM ch. 15 §220.3 E).</summary>
    public int TotalTreatmentMinutes => checked(TimedMinutes + UntimedMinutes);

    /// <summary>Gets the sum of the lines' units (an untimed line counts its 1 unit).</summary>
    public int TotalUnits { get; }

    /// <summary>Gets the units of timed codes only.</summary>
    public int TimedUnits
    {
        get
        {
            int sum = 0;
            foreach (var line in Lines)
            {
                if (line.IsTimed)
                {
                    sum += line.Units;
                }
            }

            return sum;
        }
    }

    /// <summary>Gets the findings, in the canonical order (<see cref="DiagnosticOrder"/>).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(static d => d.Severity == Severity.Error);

    /// <summary>Gets the explanation: for each unit, why its code got it; for each zero-unit line, why it got none.</summary>
    /// <remarks>Built on first access (a batch check that never reads it does not pay for its sentences); thread-safe.</remarks>
    public ImmutableArray<UnitExplanation> Explanation
    {
        get
        {
            if (_explanation.IsDefault)
            {
                // A race builds the same immutable value twice at worst.
                _explanation = HasNoAllocation ? UnitText.NotComputed(Lines) : UnitText.Explain(Lines, Method, _preferredOrder, Tie, _chosenByCaller);
            }

            return _explanation;
        }
    }

    /// <summary>Gets the version of the code catalog used.</summary>
    public string CatalogVersion { get; }

    /// <summary>
    /// Gets the tie CMS leaves to the clinician, or <see langword="null"/> when the allocation has no choice: codes
    /// whose leftover minutes are equal at the cut, among which <see cref="UnitTie.Units"/> extra units go to any
    /// codes the clinician picks (CPM ch. 5 §20.2 examples 2 and 5). Always <see langword="null"/> under
    /// <see cref="UnitMethod.Ama"/>: the per-code rule leaves no choice.
    /// </summary>
    public UnitTie? Tie { get; }

    /// <summary>Gets the codes of <see cref="Tie"/>, or an empty array when there is no tie.</summary>
    public ImmutableArray<CptCode> TiedCodes => Tie?.Codes ?? [];

    /// <summary>Gets a value indicating whether the lines follow a choice given to <see cref="WithAllocation"/> rather than the default tie-break.</summary>
    public bool IsCallerChoice => _chosenByCaller;

    internal MinuteTotals Totals { get; }

    /// <summary>
    /// Gets whether per-code timed units are an allocation the method allows for this calculation's minutes. Under
    /// <see cref="UnitMethod.Cms"/> every choice the clinician may make is valid: each code keeps its full 15-minute
    /// blocks, the units left go one each to codes with leftover time, no code left without one has more leftover
    /// time than a code that got one (equal leftovers at the cut are a free choice), and the units add up to the
    /// table value of <see cref="TimedMinutes"/>. Under <see cref="UnitMethod.Ama"/> only the computed units are valid.
    /// </summary>
    /// <param name="timedUnits">Units per timed code; a timed line missing from it counts as 0 units; codes that are not timed lines are ignored.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    /// <remarks>Leftovers are compared on exact time: with times to the second, 11:40 is more than 11:20 although both show 11 minutes.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="timedUnits"/> is <see langword="null"/>.</exception>
    /// <example><code>
    /// // 97110 20 min + 97112 20 min (CPM §20.2 example 2): 3 units, either code takes the second.
    /// calc.IsValidAllocation(new Dictionary&lt;CptCode, int&gt; { [c97110] = 1, [c97112] = 2 }) == true;
    /// calc.IsValidAllocation(new Dictionary&lt;CptCode, int&gt; { [c97110] = 3 }) == false;
    /// </code></example>
    public bool IsValidAllocation(IReadOnlyDictionary<CptCode, int> timedUnits)
    {
        Guard.NotNull(timedUnits);
        int timed = TimedLineCount();
        Span<int> units = timed <= SegmentChecks.StackSegments ? stackalloc int[timed] : new int[timed];
        return IsValidTimedUnits(UnitsFrom(timedUnits, units[..timed]));
    }

    /// <summary>Gets whether per-code timed units, one per timed line in line order, are a valid allocation (see <see cref="IsValidAllocation(IReadOnlyDictionary{CptCode, int})"/>).</summary>
    /// <param name="timedUnits">The units of each timed line, in line order.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    internal bool IsValidTimedUnits(ReadOnlySpan<int> timedUnits)
    {
        if (Method == UnitMethod.Ama || HasNoAllocation)
        {
            int t = 0;
            foreach (var line in Lines)
            {
                if (line.IsTimed && timedUnits[t++] != line.Units)
                {
                    return false;
                }
            }

            return true;
        }

        Span<long> amount = timedUnits.Length <= SegmentChecks.StackSegments ? stackalloc long[timedUnits.Length] : new long[timedUnits.Length];
        amount = amount[..timedUnits.Length];
        TimedAmounts(amount);
        return AllocationCore.IsValid(amount, Block, timedUnits, UnitAllocator.UnitsForMinutes(TimedMinutes));
    }

    /// <summary>
    /// Returns this calculation with the timed units of a valid choice (for example the one the billed lines show);
    /// the explanation then says the clinician chose.
    /// </summary>
    /// <param name="timedUnits">Units per timed code, as for <see cref="IsValidAllocation"/>.</param>
    /// <returns>The calculation following the choice (this instance when it already does).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timedUnits"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The allocation is not valid (<see cref="IsValidAllocation"/>).</exception>
    public UnitCalculation WithAllocation(IReadOnlyDictionary<CptCode, int> timedUnits)
    {
        if (!IsValidAllocation(timedUnits))
        {
            throw new ArgumentException("The allocation is not one the method allows for these minutes.", nameof(timedUnits));
        }

        int timed = TimedLineCount();
        Span<int> units = timed <= SegmentChecks.StackSegments ? stackalloc int[timed] : new int[timed];
        return WithTimedUnits(UnitsFrom(timedUnits, units[..timed]));
    }

    /// <summary>Returns this calculation with the timed units of a choice the caller has checked with <see cref="IsValidTimedUnits"/>.</summary>
    /// <param name="timedUnits">The units of each timed line, in line order.</param>
    /// <returns>The calculation following the choice (this instance when it already does).</returns>
    internal UnitCalculation WithTimedUnits(ReadOnlySpan<int> timedUnits)
    {
        bool same = true;
        int t = 0;
        foreach (var line in Lines)
        {
            same &= !line.IsTimed || timedUnits[t++] == line.Units;
        }

        if (same)
        {
            return this;
        }

        var lines = new UnitLine[Lines.Length];
        int total = 0;
        t = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = Lines[i];
            lines[i] = line.IsTimed ? line with { Units = timedUnits[t++] } : line;
            total += lines[i].Units;
        }

        return new UnitCalculation(Method, ImmutableCollectionsMarshal.AsImmutableArray(lines), Totals, total, Diagnostics, _preferredOrder, CatalogVersion, _exact, chosenByCaller: true);
    }

    /// <summary>Lists the valid allocations of the timed units, at most <paramref name="limit"/> of them (the default one first).</summary>
    internal List<Dictionary<CptCode, int>> ValidAllocations(int limit)
    {
        var result = new List<Dictionary<CptCode, int>> { TimedLines().ToDictionary(static l => l.Code, static l => l.Units) };
        if (Tie is not { } tie)
        {
            return result;
        }

        var timed = TimedLines();
        var fixedUnits = timed.ToDictionary(static l => l.Code, l => tie.Codes.Contains(l.Code) ? l.FullBlocks : l.Units);
        foreach (var pick in Combinations(tie.Codes.Length, tie.Units))
        {
            var option = new Dictionary<CptCode, int>(fixedUnits);
            foreach (int k in pick)
            {
                option[tie.Codes[k]]++;
            }

            if (!option.All(kv => result[0][kv.Key] == kv.Value))
            {
                result.Add(option);
            }

            if (result.Count >= limit)
            {
                break;
            }
        }

        return result;
    }

    private static long Block => UnitAllocator.MinutesPerUnit * TimeSum.NanosPerMinute;

    internal bool HasNoAllocation
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.Id == DiagnosticIds.MinutesBeyondLimit)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private List<UnitLine> TimedLines() => [.. Lines.Where(static l => l.IsTimed)];

    private int TimedLineCount()
    {
        int count = 0;
        foreach (var line in Lines)
        {
            count += line.IsTimed ? 1 : 0;
        }

        return count;
    }

    /// <summary>Writes the units <paramref name="timedUnits"/> gives each timed line (0 when missing), in line order.</summary>
    private Span<int> UnitsFrom(IReadOnlyDictionary<CptCode, int> timedUnits, Span<int> units)
    {
        int t = 0;
        foreach (var line in Lines)
        {
            if (line.IsTimed)
            {
                units[t++] = timedUnits.GetValueOrDefault(line.Code);
            }
        }

        return units;
    }

    /// <summary>Writes the exact time of each timed line, in line order.</summary>
    private void TimedAmounts(Span<long> amount)
    {
        int t = 0;
        for (int i = 0; i < Lines.Length; i++)
        {
            if (Lines[i].IsTimed)
            {
                amount[t++] = ExactOf(i);
            }
        }
    }

    /// <summary>The exact time of line <paramref name="line"/>: kept when some timed line has seconds, else its whole minutes (an untimed line's is 0).</summary>
    private long ExactOf(int line) =>
        !_exact.IsDefault ? _exact[line]
        : Lines[line].IsTimed ? Lines[line].Minutes * TimeSum.NanosPerMinute
        : 0L;

    private UnitTie? FindTie()
    {
        if (Method != UnitMethod.Cms || HasNoAllocation)
        {
            return null;
        }

        int timed = TimedLineCount();
        bool small = timed <= SegmentChecks.StackSegments;
        Span<long> amount = small ? stackalloc long[timed] : new long[timed];
        Span<int> units = small ? stackalloc int[timed] : new int[timed];
        amount = amount[..timed];
        units = units[..timed];
        TimedAmounts(amount);
        int t = 0;
        foreach (var line in Lines)
        {
            if (line.IsTimed)
            {
                units[t++] = line.Units;
            }
        }

        if (!AllocationCore.TryFindTie(amount, Block, units, out long cut))
        {
            return null;
        }

        int tied = 0;
        foreach (long time in amount)
        {
            tied += time % Block == cut ? 1 : 0;
        }

        var codes = new CptCode[tied];
        int extra = 0, c = 0;
        t = 0;
        foreach (var line in Lines)
        {
            if (!line.IsTimed)
            {
                continue;
            }

            if (amount[t] % Block == cut)
            {
                codes[c++] = line.Code;
                extra += AllocationCore.TookExtra(amount[t], Block, units[t]) ? 1 : 0;
            }

            t++;
        }

        return new UnitTie(ImmutableCollectionsMarshal.AsImmutableArray(codes), extra, (int)(cut / TimeSum.NanosPerMinute));
    }

    private static IEnumerable<int[]> Combinations(int n, int k)
    {
        var pick = new int[k];
        for (int i = 0; i < k; i++)
        {
            pick[i] = i;
        }

        while (true)
        {
            yield return pick;
            int j = k - 1;
            while (j >= 0 && pick[j] == n - k + j)
            {
                j--;
            }

            if (j < 0)
            {
                yield break;
            }

            pick[j]++;
            for (int i = j + 1; i < k; i++)
            {
                pick[i] = pick[i - 1] + 1;
            }
        }
    }

    /// <summary>Gets the units of a code, or 0 when the code has no line.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The units.</returns>
    public int UnitsOf(CptCode code)
    {
        foreach (var line in Lines)
        {
            if (line.Code == code)
            {
                return line.Units;
            }
        }

        return 0;
    }

    /// <summary>Renders the totals and the explanation as plain text, one sentence per line.</summary>
    /// <returns>The text, in the invariant culture.</returns>
    public string Explain()
    {
        var text = new StringBuilder();
        text.Append(UnitText.Header(this)).Append('\n');
        foreach (var step in Explanation)
        {
            text.Append("  ").Append(step.Text).Append('\n');
        }

        return text.ToString();
    }
}
