using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>
/// A choice CMS leaves to the clinician: timed codes whose leftover minutes are equal at the cut, among which
/// <see cref="Units"/> extra units go to any codes the clinician picks (CPM ch. 5 §20.2 C, examples 2 and 5:
/// "choose either code").
/// </summary>
/// <param name="Codes">The tied codes, in input order (two or more).</param>
/// <param name="Units">How many of them take one extra unit each (fewer than <see cref="Codes"/>).</param>
/// <param name="LeftoverMinutes">The tied leftover, in whole minutes (ties are judged on exact time).</param>
/// <remarks>Immutable and thread-safe. The AMA method never has a tie: each code's units come from its own minutes.</remarks>
/// <example><code>
/// // 97112 20 min + 97110 20 min: Codes = [97112, 97110], Units = 1, LeftoverMinutes = 5.
/// </code></example>
public sealed record UnitTie(ImmutableArray<CptCode> Codes, int Units, int LeftoverMinutes);
