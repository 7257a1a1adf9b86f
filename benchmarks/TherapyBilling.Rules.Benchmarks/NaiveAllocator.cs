namespace TherapyBilling.Rules.Benchmarks;

/// <summary>The CMS allocation written the obvious way with LINQ: the baseline the span core is measured against.</summary>
internal static class NaiveAllocator
{
    public static int[] Allocate(IReadOnlyList<int> minutes)
    {
        int total = minutes.Sum();
        int totalUnits = total < 8 ? 0 : (total + 7) / 15;
        var units = minutes.Select(m => m / 15).ToArray();
        foreach (int i in Enumerable.Range(0, minutes.Count)
                     .Where(i => minutes[i] % 15 > 0)
                     .OrderByDescending(i => minutes[i] % 15)
                     .ThenByDescending(i => minutes[i])
                     .ThenBy(i => i)
                     .Take(totalUnits - units.Sum()))
        {
            units[i]++;
        }

        return units;
    }
}
