namespace TherapyBilling.Rules;

/// <summary>One step of the explanation: why <see cref="Code"/> got unit <see cref="UnitNumber"/>, or why it got none.</summary>
/// <param name="Code">The code.</param>
/// <param name="UnitNumber">The 1-based unit of the code this step explains; 0 for a <see cref="UnitReason.NoUnit"/> or <see cref="UnitReason.UnknownCode"/> step.</param>
/// <param name="Reason">The reason.</param>
/// <param name="Text">A sentence a biller can read, in the invariant culture.</param>
public sealed record UnitExplanation(CptCode Code, int UnitNumber, UnitReason Reason, string Text);
