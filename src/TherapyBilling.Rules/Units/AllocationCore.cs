using System.Buffers;

namespace TherapyBilling.Rules;

/// <summary>
/// The CMS leftover rule over any whole-number scale (minutes for <see cref="UnitAllocator"/>, nanoseconds for the
/// calculator's exact time): full blocks stay with their code, extra units go to the largest leftovers.
/// </summary>
/// <remarks>
/// Pure and allocation-free; one rule over <see cref="long"/> amounts so the minute API and the exact-time API share it
/// (the minute API widens its spans with <see cref="Widen"/>). Not generic math: the netstandard2.0 build has none.
/// </remarks>
internal static class AllocationCore
{
    /// <summary>Gives <paramref name="extra"/> units, one each, to the codes with the largest leftovers (the default tie-break).</summary>
    /// <param name="amount">Time per code in the scale of <paramref name="block"/>.</param>
    /// <param name="block">One 15-minute unit in that scale.</param>
    /// <param name="units">Holds each code's full blocks on entry; receives the extras.</param>
    /// <param name="extra">The units left after the full blocks.</param>
    /// <param name="tieRank">Empty, or one rank per code (lower wins a tie).</param>
    public static void AssignExtras(ReadOnlySpan<long> amount, long block, Span<int> units, long extra, ReadOnlySpan<int> tieRank)
    {
        for (; extra > 0; extra--)
        {
            int best = -1;
            for (int i = 0; i < amount.Length; i++)
            {
                if (TookExtra(amount[i], block, units[i]) || amount[i] % block == 0L)
                {
                    continue; // already took a leftover unit, or has no leftover
                }

                if (best < 0 || Precedes(i, best, amount, block, tieRank))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                return; // cannot happen: the extra units never outnumber the codes with a leftover
            }

            units[best]++;
        }
    }

    /// <summary>Whether code <paramref name="a"/> takes a leftover unit before code <paramref name="b"/>.</summary>
    public static bool Precedes(int a, int b, ReadOnlySpan<long> amount, long block, ReadOnlySpan<int> tieRank)
    {
        long leftoverA = amount[a] % block, leftoverB = amount[b] % block;
        if (leftoverA != leftoverB)
        {
            return leftoverA > leftoverB;
        }

        if (!tieRank.IsEmpty && tieRank[a] != tieRank[b])
        {
            return tieRank[a] < tieRank[b];
        }

        if (amount[a] != amount[b])
        {
            return amount[a] > amount[b];
        }

        return a < b;
    }

    /// <summary>
    /// Whether an allocation is one CMS allows: each code has its full blocks and at most one more; an extra unit
    /// only where a leftover exists; no code left without an extra has a strictly larger leftover than a code that got
    /// one; the units add up to <paramref name="total"/>. <paramref name="units"/> has one entry per code.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<long> amount, long block, ReadOnlySpan<int> units, long total)
    {
        long sum = 0;
        long smallestWithExtra = block, largestWithout = 0L; // block is above every leftover: "no extra yet"
        for (int i = 0; i < amount.Length; i++)
        {
            long full = (amount[i] / block);
            long leftover = amount[i] % block;
            long above = units[i] - full;
            if (above < 0 || above > 1 || (above == 1 && leftover == 0L))
            {
                return false;
            }

            if (above == 1)
            {
                smallestWithExtra = Math.Min(smallestWithExtra, leftover);
            }
            else
            {
                largestWithout = Math.Max(largestWithout, leftover); // a code without leftover adds 0, never above a real leftover
            }

            sum += units[i];
        }

        return sum == total && largestWithout <= smallestWithExtra;
    }

    /// <summary>The leftover at the cut of an allocation (the smallest leftover that got an extra unit), when a tie sits there.</summary>
    /// <returns><see langword="true"/> when a code with that leftover got no extra: the clinician may choose among them.</returns>
    public static bool TryFindTie(ReadOnlySpan<long> amount, long block, ReadOnlySpan<int> units, out long cut)
    {
        bool anyExtra = false;
        cut = 0L;
        for (int i = 0; i < amount.Length; i++)
        {
            if (TookExtra(amount[i], block, units[i]))
            {
                long leftover = amount[i] % block;
                cut = anyExtra ? Math.Min(cut, leftover) : leftover;
                anyExtra = true;
            }
        }

        if (!anyExtra)
        {
            return false;
        }

        for (int i = 0; i < amount.Length; i++)
        {
            if (!TookExtra(amount[i], block, units[i]) && amount[i] % block == cut)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a code holds more units than its full blocks.</summary>
    public static bool TookExtra(long amount, long block, int units) => (amount / block) < units;

    /// <summary>The most codes a caller widens on the stack (<c>stackalloc long[StackCodes]</c>); more go to <see cref="RentWide"/>.</summary>
    public const int StackCodes = 64;

    /// <summary>Rents a buffer for more than <see cref="StackCodes"/> codes; <see langword="null"/> when the stack will do.</summary>
    public static long[]? RentWide(int codes) => codes > StackCodes ? ArrayPool<long>.Shared.Rent(codes) : null;

    /// <summary>Returns a buffer from <see cref="RentWide"/> (nothing for <see langword="null"/>).</summary>
    public static void ReturnWide(long[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<long>.Shared.Return(rented);
        }
    }

    /// <summary>Copies whole minutes into <paramref name="buffer"/> as <see cref="long"/> and returns the filled part.</summary>
    public static ReadOnlySpan<long> Widen(ReadOnlySpan<int> minutes, Span<long> buffer)
    {
        var wide = buffer.Slice(0, minutes.Length);
        for (int i = 0; i < minutes.Length; i++)
        {
            wide[i] = minutes[i];
        }

        return wide;
    }
}
