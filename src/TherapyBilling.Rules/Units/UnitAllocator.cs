namespace TherapyBilling.Rules;

/// <summary>
/// The allocation-free core of the unit engine: minutes per timed code in, units per code out.
/// For hot loops (batch claim checks); <see cref="UnitCalculator"/> is the convenient API on top of it.
/// </summary>
/// <remarks>
/// <para>Every method is a pure function of its arguments, allocates nothing and is thread-safe.</para>
/// <para>Under <see cref="UnitMethod.Cms"/> (CPM ch. 5 §20.2 C): the total is <see cref="UnitsForMinutes"/> of the
/// summed minutes; each code first gets <c>minutes / 15</c> full units (a service of 15 minutes or more is never
/// billed for fewer); the remaining units go one each to the codes with the largest leftover
/// (<c>minutes % 15</c>). CMS lets the clinician choose among equal leftovers; this core breaks such ties by
/// <c>tieRank</c> (lower first), then by more total minutes, then by position (earlier first).</para>
/// <para>Under <see cref="UnitMethod.Ama"/> each code gets <see cref="UnitsForMinutes"/> of its own minutes.</para>
/// </remarks>
/// <example><code>
/// Span&lt;int&gt; units = stackalloc int[2];
/// int total = UnitAllocator.Allocate([24, 23], units, UnitMethod.Cms);   // total == 3, units == [2, 1]
/// </code></example>
public static class UnitAllocator
{
    /// <summary>Minutes in one timed unit.</summary>
    public const int MinutesPerUnit = 15;

    /// <summary>The fewest minutes that earn a unit (the 8-minute threshold).</summary>
    public const int MinimumBillableMinutes = 8;

    /// <summary>
    /// Gets the units for a number of timed minutes from the CMS table (CPM ch. 5 §20.2 C): 0–7 → 0, 8–22 → 1,
    /// 23–37 → 2, …, i.e. <c>(minutes + 7) / 15</c> for any whole number of minutes.
    /// </summary>
    /// <param name="minutes">Whole minutes, zero or more.</param>
    /// <returns>The units.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is negative.</exception>
    /// <example><code>UnitAllocator.UnitsForMinutes(22) == 1; UnitAllocator.UnitsForMinutes(23) == 2;</code></example>
    public static int UnitsForMinutes(int minutes)
    {
        Guard.NotNegative(minutes);
        return (int)(((long)minutes + 7) / MinutesPerUnit);
    }

    /// <summary>Allocates units among timed codes.</summary>
    /// <param name="minutes">Whole minutes per code (each code once; split segments already summed).</param>
    /// <param name="units">Receives the units per code; at least as long as <paramref name="minutes"/>.</param>
    /// <param name="method">The method.</param>
    /// <returns>The total units.</returns>
    /// <exception cref="ArgumentException"><paramref name="units"/> is shorter than <paramref name="minutes"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A minute count is negative, or <paramref name="method"/> is undefined.</exception>
    public static int Allocate(ReadOnlySpan<int> minutes, Span<int> units, UnitMethod method) =>
        Allocate(minutes, units, method, default);

    /// <summary>Allocates units among timed codes, with a caller's preference for CMS ties.</summary>
    /// <param name="minutes">Whole minutes per code.</param>
    /// <param name="units">Receives the units per code.</param>
    /// <param name="method">The method.</param>
    /// <param name="tieRank">
    /// Empty, or one rank per code: among equal leftovers a lower rank wins before the default order
    /// (more minutes, then earlier position). Ignored by <see cref="UnitMethod.Ama"/>.
    /// </param>
    /// <returns>The total units.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A minute count is negative, or <paramref name="method"/> is undefined.</exception>
    public static int Allocate(ReadOnlySpan<int> minutes, Span<int> units, UnitMethod method, ReadOnlySpan<int> tieRank)
    {
        Guard.Defined(method);
        if (units.Length < minutes.Length)
        {
            throw new ArgumentException("The units span must be at least as long as the minutes span.", nameof(units));
        }

        if (!tieRank.IsEmpty && tieRank.Length != minutes.Length)
        {
            throw new ArgumentException("tieRank must be empty or have one rank per code.", nameof(tieRank));
        }

        long totalMinutes = 0;
        int fullUnits = 0;
        for (int i = 0; i < minutes.Length; i++)
        {
            int m = minutes[i];
            if (m < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(minutes), m, "Minutes must not be negative.");
            }

            totalMinutes += m;
            if (method == UnitMethod.Ama)
            {
                units[i] = UnitsForMinutes(m);
                fullUnits += units[i];
            }
            else
            {
                units[i] = m / MinutesPerUnit;
                fullUnits += units[i];
            }
        }

        if (method == UnitMethod.Ama)
        {
            return fullUnits;
        }

        int total = checked((int)((totalMinutes + 7) / MinutesPerUnit));
        for (int extra = total - fullUnits; extra > 0; extra--)
        {
            int best = -1;
            for (int i = 0; i < minutes.Length; i++)
            {
                if (units[i] * MinutesPerUnit > minutes[i] || minutes[i] % MinutesPerUnit == 0)
                {
                    continue; // already took a leftover unit, or has no leftover
                }

                if (best < 0 || Precedes(i, best, minutes, tieRank))
                {
                    best = i;
                }
            }

            units[best]++;
        }

        return total;
    }

    /// <summary>Whether code <paramref name="a"/> takes a leftover unit before code <paramref name="b"/>.</summary>
    internal static bool Precedes(int a, int b, ReadOnlySpan<int> minutes, ReadOnlySpan<int> tieRank)
    {
        int leftoverA = minutes[a] % MinutesPerUnit, leftoverB = minutes[b] % MinutesPerUnit;
        if (leftoverA != leftoverB)
        {
            return leftoverA > leftoverB;
        }

        if (!tieRank.IsEmpty && tieRank[a] != tieRank[b])
        {
            return tieRank[a] < tieRank[b];
        }

        if (minutes[a] != minutes[b])
        {
            return minutes[a] > minutes[b];
        }

        return a < b;
    }
}
