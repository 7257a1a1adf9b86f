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
/// <c>tieRank</c> (lower first), then by more total minutes, then by position (earlier first), and
/// <see cref="IsValidAllocation"/> accepts every choice the clinician may make.</para>
/// <para>Limits: the minutes of one call must sum to at most <see cref="MaxTotalMinutes"/>; beyond that the methods
/// throw <see cref="ArgumentOutOfRangeException"/> (misuse), never <see cref="OverflowException"/>.</para>
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

    /// <summary>The largest sum of minutes <see cref="Allocate(ReadOnlySpan{int}, Span{int}, UnitMethod)"/> accepts: <see cref="int.MaxValue"/>, so every unit count fits an <see cref="int"/>.</summary>
    public const int MaxTotalMinutes = int.MaxValue;

    /// <summary>Allocates units among timed codes.</summary>
    /// <param name="minutes">Whole minutes per code (each code once; split segments already summed).</param>
    /// <param name="units">Receives the units per code; at least as long as <paramref name="minutes"/>.</param>
    /// <param name="method">The method.</param>
    /// <returns>The total units.</returns>
    /// <exception cref="ArgumentException"><paramref name="units"/> is shorter than <paramref name="minutes"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A minute count is negative, the minutes sum to more than <see cref="MaxTotalMinutes"/>, or <paramref name="method"/> is undefined.
    /// </exception>
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
    /// <remarks>Cost: O(codes × extra units); the extra units never outnumber the codes.</remarks>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A minute count is negative, the minutes sum to more than <see cref="MaxTotalMinutes"/>, or <paramref name="method"/> is undefined.
    /// </exception>
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

        long totalMinutes = SumMinutes(minutes);
        int fullUnits = 0;
        for (int i = 0; i < minutes.Length; i++)
        {
            units[i] = method == UnitMethod.Ama ? UnitsForMinutes(minutes[i]) : minutes[i] / MinutesPerUnit;
            fullUnits += units[i]; // cannot overflow: the units never exceed totalMinutes <= int.MaxValue
        }

        if (method == UnitMethod.Ama)
        {
            return fullUnits;
        }

        int total = UnitsForMinutes((int)totalMinutes);
        long[]? rented = AllocationCore.RentWide(minutes.Length);
        try
        {
            var wide = AllocationCore.Widen(minutes, rented ?? stackalloc long[AllocationCore.StackCodes]);
            AllocationCore.AssignExtras(wide, MinutesPerUnit, units, total - fullUnits, tieRank);
        }
        finally
        {
            AllocationCore.ReturnWide(rented);
        }

        return total;
    }

    /// <summary>
    /// Gets whether a per-code allocation is one the method allows for these minutes. Under <see cref="UnitMethod.Cms"/>
    /// every choice CPM ch. 5 §20.2 C leaves to the clinician is valid: each code keeps its full 15-minute blocks, the
    /// units left over go one each to codes with leftover minutes, no code left without one has more leftover
    /// minutes than a code that got one (equal leftovers at the cut are a free choice, examples 2 and 5), and the
    /// units add up to the table value of the total minutes. Under <see cref="UnitMethod.Ama"/> there is no choice:
    /// only the per-code values are valid.
    /// </summary>
    /// <param name="minutes">Whole minutes per code.</param>
    /// <param name="units">The units per code to test, one per code.</param>
    /// <param name="method">The method.</param>
    /// <returns><see langword="true"/> when the allocation is valid.</returns>
    /// <exception cref="ArgumentException"><paramref name="units"/> does not have one entry per code.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A minute count is negative, the minutes sum to more than <see cref="MaxTotalMinutes"/>, or <paramref name="method"/> is undefined.
    /// </exception>
    /// <example><code>
    /// UnitAllocator.IsValidAllocation([20, 20], [1, 2], UnitMethod.Cms) == true;   // CPM §20.2 example 2, either code
    /// UnitAllocator.IsValidAllocation([20, 20], [3, 0], UnitMethod.Cms) == false;  // never 3 units on one code
    /// </code></example>
    public static bool IsValidAllocation(ReadOnlySpan<int> minutes, ReadOnlySpan<int> units, UnitMethod method)
    {
        Guard.Defined(method);
        if (units.Length != minutes.Length)
        {
            throw new ArgumentException("The units span must have one entry per code.", nameof(units));
        }

        long totalMinutes = SumMinutes(minutes);
        if (method == UnitMethod.Ama)
        {
            for (int i = 0; i < minutes.Length; i++)
            {
                if (units[i] != UnitsForMinutes(minutes[i]))
                {
                    return false;
                }
            }

            return true;
        }

        long[]? rented = AllocationCore.RentWide(minutes.Length);
        try
        {
            var wide = AllocationCore.Widen(minutes, rented ?? stackalloc long[AllocationCore.StackCodes]);
            return AllocationCore.IsValid(wide, MinutesPerUnit, units, UnitsForMinutes((int)totalMinutes));
        }
        finally
        {
            AllocationCore.ReturnWide(rented);
        }
    }

    private static long SumMinutes(ReadOnlySpan<int> minutes)
    {
        long total = 0;
        for (int i = 0; i < minutes.Length; i++)
        {
            int m = minutes[i];
            if (m < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(minutes), m, "Minutes must not be negative.");
            }

            total += m;
        }

        if (total > MaxTotalMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), total, "The minutes must sum to at most UnitAllocator.MaxTotalMinutes.");
        }

        return total;
    }
}
