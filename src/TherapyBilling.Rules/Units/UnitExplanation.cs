namespace TherapyBilling.Rules;

/// <summary>One step of the explanation: why <see cref="Code"/> got unit <see cref="UnitNumber"/>, or why it got none.</summary>
/// <param name="Code">The code.</param>
/// <param name="UnitNumber">The 1-based unit of the code this step explains; 0 for a <see cref="UnitReason.NoUnit"/> or <see cref="UnitReason.UnknownCode"/> step.</param>
/// <param name="Reason">The reason.</param>
/// <param name="Text">A sentence a biller can read, in the invariant culture.</param>
/// <remarks>A run of three or more full 15-minute blocks of one code is one step (units <see cref="UnitNumber"/> to <see cref="ThroughUnitNumber"/>), so the explanation has a few steps per code, never one per unit.</remarks>
public sealed record UnitExplanation(CptCode Code, int UnitNumber, UnitReason Reason, string Text)
{
    private readonly int? _through;

    /// <summary>Gets the last unit this step explains: <see cref="UnitNumber"/> for a one-unit step, more for a run of full blocks.</summary>
    /// <value>The default value is <see cref="UnitNumber"/>.</value>
    public int ThroughUnitNumber
    {
        get => _through ?? UnitNumber;
        init => _through = value;
    }
}
