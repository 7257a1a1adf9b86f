using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>
/// Two codes that NCCI treats as distinct when performed on different body regions, so XS (separate structure) is the
/// descriptive modifier for their edit when the segments record different regions (rules reference §4.3).
/// </summary>
/// <param name="First">One code.</param>
/// <param name="Second">The other code (the order does not matter).</param>
/// <param name="Source">Where the attribute comes from, with its confidence tag.</param>
public sealed record RegionDistinctPair(CptCode First, CptCode Second, string Source)
{
    private const string ChiropracticSource = "[M] NCCI Policy Manual ch. 11 (chiropractic manipulation and manual therapy): 97140 is reportable beside CMT 98940-98942 only on a different region; rules reference §4.3";

    /// <summary>Gets the pairs that ship with the library: 97012/97140 and 97140 beside 98940, 98941, 98942.</summary>
    public static ImmutableArray<RegionDistinctPair> Default { get; } =
    [
        new(CptCode.Parse("97012"), CptCode.Parse("97140"), "[M] AAPC PM&R Coding Alert (traction and manual therapy on different regions, modifier on 97140); NCCI ch. 11; rules reference §4.2-4.3"),
        new(CptCode.Parse("98940"), CptCode.Parse("97140"), ChiropracticSource),
        new(CptCode.Parse("98941"), CptCode.Parse("97140"), ChiropracticSource),
        new(CptCode.Parse("98942"), CptCode.Parse("97140"), ChiropracticSource),
    ];

    /// <summary>Gets whether this pair is the two codes, in either order.</summary>
    /// <param name="a">One code.</param>
    /// <param name="b">The other code.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public bool Matches(CptCode a, CptCode b) => (First == a && Second == b) || (First == b && Second == a);
}
