namespace TherapyBilling.Rules;

/// <summary>
/// An open-addressing hash from an ordered pair of code ranks to the first of its rows in a sorted
/// <see cref="PtpRow"/> array: one <see cref="int"/> per slot (the row index plus one, and in the spare high bits a
/// tag of the hash, so most misses are decided without touching the rows), at most three slots in four in use.
/// </summary>
internal sealed class PtpPairIndex
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;
    private readonly int[] _slots;
    private readonly int _slotShift;
    private readonly int _tagShift;
    private readonly int _rowBits;
    private readonly int _rowMask;
    private readonly int _tagMask;

    /// <summary>Indexes rows sorted by pair (see <see cref="PtpRow.CompareByPairAndEffective"/>).</summary>
    public PtpPairIndex(PtpRow[] rows)
    {
        int pairs = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            pairs += i == 0 || !rows[i].SamePair(rows[i - 1]) ? 1 : 0;
        }

        int slotBits = 3;
        while ((1L << slotBits) * 3 < (long)pairs * 4)
        {
            slotBits++;
        }

        _rowBits = BitsFor(rows.Length);
        int tagBits = Math.Min(31 - _rowBits, 64 - slotBits);
        _rowMask = (int)((1L << _rowBits) - 1);
        _tagMask = (1 << tagBits) - 1;
        _slotShift = 64 - slotBits;
        _tagShift = Math.Max(0, _slotShift - tagBits);
        _slots = new int[1 << slotBits];
        for (int i = 0; i < rows.Length; i++)
        {
            if (i > 0 && rows[i].SamePair(rows[i - 1]))
            {
                continue;
            }

            ulong hash = Hash(rows[i].Column1, rows[i].Column2);
            int slot = (int)(hash >> _slotShift);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = (Tag(hash) << _rowBits) | (i + 1);
        }
    }

    /// <summary>Finds the first row of a pair, or -1.</summary>
    public int Find(PtpRow[] rows, int column1, int column2)
    {
        ulong hash = Hash(column1, column2);
        int tag = Tag(hash);
        int mask = _slots.Length - 1;
        for (int slot = (int)(hash >> _slotShift); ; slot = (slot + 1) & mask)
        {
            int value = _slots[slot];
            if (value == 0)
            {
                return -1;
            }

            if ((int)((uint)value >> _rowBits) == tag)
            {
                int row = (value & _rowMask) - 1;
                if (rows[row].Column1 == column1 && rows[row].Column2 == column2)
                {
                    return row;
                }
            }
        }
    }

    private static ulong Hash(int column1, int column2) => unchecked((((ulong)(uint)column1 << 32) | (uint)column2) * Fibonacci);

    private static int BitsFor(int count)
    {
        int bits = 1;
        while (bits < 31 && (1L << bits) <= count)
        {
            bits++;
        }

        return bits;
    }

    private int Tag(ulong hash) => (int)((hash >> _tagShift) & (ulong)_tagMask);
}
