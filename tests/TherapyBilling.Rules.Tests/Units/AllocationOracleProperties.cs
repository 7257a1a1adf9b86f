using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TherapyBilling.Rules.Tests.Units;

/// <summary>
/// The engine accepts exactly the CMS-valid allocations, checked against a brute-force oracle written from CPM ch. 5
/// §20.2 C: enumerate every per-code allocation within [full blocks, full blocks + 1] whose total is the table value;
/// valid = an extra unit only where minutes % 15 &gt; 0, and no code without an extra has a strictly larger leftover
/// than a code that got one (equal remainders are a free choice).
/// </summary>
public sealed class AllocationOracleProperties
{
    private static readonly CptCode[] s_timed = [C97110, C97112, C97116, C97140, C97530, C97535];

    public static class Arbitraries
    {
        public static Arbitrary<int[]> Minutes() =>
            (from count in Gen.Choose(1, 6)
             from minutes in Gen.ArrayOf(Gen.OneOf(Gen.Choose(0, 90), Gen.Elements(0, 7, 8, 15, 20, 22, 23, 30, 37, 38)), count)
             select minutes).ToArbitrary();
    }

    private static IEnumerable<int[]> Candidates(int[] minutes)
    {
        int total = (minutes.Sum() + 7) / 15;
        for (int mask = 0; mask < 1 << minutes.Length; mask++)
        {
            var units = minutes.Select((m, i) => (m / 15) + ((mask >> i) & 1)).ToArray();
            if (units.Sum() == total)
            {
                yield return units;
            }
        }
    }

    private static bool OracleValid(int[] minutes, int[] units)
    {
        var got = Enumerable.Range(0, minutes.Length).Where(i => units[i] > minutes[i] / 15).ToList();
        var without = Enumerable.Range(0, minutes.Length).Except(got).ToList();
        return got.All(i => minutes[i] % 15 > 0)
            && !without.Any(i => got.Any(j => minutes[i] % 15 > minutes[j] % 15));
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1500)]
    public bool Engine_AcceptsExactlyTheOracleValidAllocations(int[] minutes)
    {
        var calc = UnitCalculator.Calculate(minutes.Select((m, i) => TreatmentSegment.FromMinutes(s_timed[i], m)), UnitMethod.Cms);
        foreach (var units in Candidates(minutes))
        {
            bool oracle = OracleValid(minutes, units);
            var byCode = Enumerable.Range(0, minutes.Length).ToDictionary(i => s_timed[i], i => units[i]);
            if (calc.IsValidAllocation(byCode) != oracle || UnitAllocator.IsValidAllocation(minutes, units, UnitMethod.Cms) != oracle)
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1500)]
    public bool DefaultAllocation_IsValid_AndTieListsExactlyTheCodesThatCouldSwap(int[] minutes)
    {
        var calc = UnitCalculator.Calculate(minutes.Select((m, i) => TreatmentSegment.FromMinutes(s_timed[i], m)), UnitMethod.Cms);
        var chosen = calc.Lines.ToDictionary(l => l.Code, l => l.Units);
        var valid = Candidates(minutes).Where(u => OracleValid(minutes, u)).ToList();
        // Codes whose units differ between valid allocations are exactly the tied codes.
        var varying = Enumerable.Range(0, minutes.Length).Where(i => valid.Select(u => u[i]).Distinct().Count() > 1).Select(i => s_timed[i]).ToHashSet();
        return calc.IsValidAllocation(chosen)
            && varying.SetEquals(calc.TiedCodes)
            && (calc.Tie is null) == (valid.Count == 1);
    }
}
