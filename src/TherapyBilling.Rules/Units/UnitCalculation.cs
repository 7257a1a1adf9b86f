using System.Collections.Immutable;
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
    private ImmutableArray<UnitExplanation> _explanation;

    internal UnitCalculation(
        UnitMethod method,
        ImmutableArray<UnitLine> lines,
        int timedMinutes,
        int untimedMinutes,
        int totalUnits,
        ImmutableArray<Diagnostic> diagnostics,
        ImmutableArray<CptCode> preferredOrder,
        string catalogVersion)
    {
        Method = method;
        Lines = lines;
        TimedMinutes = timedMinutes;
        UntimedMinutes = untimedMinutes;
        TotalUnits = totalUnits;
        Diagnostics = diagnostics;
        _preferredOrder = preferredOrder;
        CatalogVersion = catalogVersion;
    }

    /// <summary>Gets the method used.</summary>
    public UnitMethod Method { get; }

    /// <summary>Gets one line per code, in the order codes first appear in the input; zero-unit timed lines included.</summary>
    public ImmutableArray<UnitLine> Lines { get; }

    /// <summary>Gets the total timed minutes (timed codes only; the basis of the CMS total).</summary>
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
                _explanation = UnitText.Explain(Lines, Method, _preferredOrder);
            }

            return _explanation;
        }
    }

    /// <summary>Gets the version of the code catalog used.</summary>
    public string CatalogVersion { get; }

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
