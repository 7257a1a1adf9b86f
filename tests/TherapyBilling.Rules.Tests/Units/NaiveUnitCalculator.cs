namespace TherapyBilling.Rules.Tests.Units;

/// <summary>
/// A deliberately naive reading of CPM ch. 5 §20.2 and the AMA rule, written straight from the rules reference
/// with LINQ and sorting, for differential tests against <see cref="UnitAllocator"/>.
/// </summary>
internal static class NaiveUnitCalculator
{
    public static int[] Allocate(IReadOnlyList<int> minutes, UnitMethod method, IReadOnlyList<int>? tieRank = null)
    {
        if (method == UnitMethod.Ama)
        {
            return minutes.Select(m => m < 8 ? 0 : (int)Math.Round(m / 15.0, MidpointRounding.AwayFromZero)).ToArray();
        }

        int total = minutes.Sum();
        int totalUnits = total < 8 ? 0 : (total + 7) / 15;
        var units = minutes.Select(m => m / 15).ToArray();
        int remaining = totalUnits - units.Sum();
        var order = Enumerable.Range(0, minutes.Count)
            .Where(i => minutes[i] % 15 > 0)
            .OrderByDescending(i => minutes[i] % 15)
            .ThenBy(i => tieRank?[i] ?? 0)
            .ThenByDescending(i => minutes[i])
            .ThenBy(i => i)
            .Take(remaining)
            .ToList();
        foreach (int i in order)
        {
            units[i]++;
        }

        return units;
    }
}
