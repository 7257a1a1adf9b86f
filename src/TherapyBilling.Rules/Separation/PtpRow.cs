using System.Runtime.InteropServices;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// One PTP edit row of a <see cref="PtpEditTable"/> in 20 bytes: both codes as ranks (<see cref="CodeRanks"/>), the
/// dates as day numbers (<see cref="DayNumbers"/>; no deletion date is <see cref="NoDeletion"/>), and the modifier
/// indicator with the index of the row's rationale and source in the table's shared list of distinct texts.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct PtpRow
{
    /// <summary>The deletion day of a row that is still active (<c>*</c> in the CMS file): after every real date.</summary>
    public const int NoDeletion = int.MaxValue;

    private readonly int _textAndIndicator; // text index << 2 | indicator (0 → 0, 1 → 1, 9 → 2)

    public PtpRow(int column1, int column2, int effective, int deletion, ModifierIndicator indicator, int text)
    {
        Column1 = column1;
        Column2 = column2;
        Effective = effective;
        Deletion = deletion;
        _textAndIndicator = (text << 2) | indicator switch
        {
            ModifierIndicator.NotAllowed => 0,
            ModifierIndicator.Allowed => 1,
            _ => 2,
        };
    }

    public PtpRow(CptCode column1, CptCode column2, LocalDate effective, LocalDate? deletion, ModifierIndicator indicator, int text)
        : this(CodeRanks.Of(column1), CodeRanks.Of(column2), DayNumbers.Of(effective), deletion is { } d ? DayNumbers.Of(d) : NoDeletion, indicator, text)
    {
    }

    /// <summary>Gets the rank of the column-1 code.</summary>
    public int Column1 { get; }

    /// <summary>Gets the rank of the column-2 code.</summary>
    public int Column2 { get; }

    /// <summary>Gets the effective day number.</summary>
    public int Effective { get; }

    /// <summary>Gets the deletion day number, or <see cref="NoDeletion"/>.</summary>
    public int Deletion { get; }

    /// <summary>Gets the index of the row's rationale and source in the table's texts.</summary>
    public int Text => _textAndIndicator >> 2;

    /// <summary>Gets the modifier indicator.</summary>
    public ModifierIndicator Indicator => (_textAndIndicator & 3) switch
    {
        0 => ModifierIndicator.NotAllowed,
        1 => ModifierIndicator.Allowed,
        _ => ModifierIndicator.NotApplicable,
    };

    /// <summary>Gets whether the row is in force on a day: effective on or before it, not deleted on or before it.</summary>
    public bool IsInForceOn(int day) => Effective <= day && day < Deletion;

    /// <summary>Gets whether two rows edit the same ordered pair.</summary>
    public bool SamePair(in PtpRow other) => Column1 == other.Column1 && Column2 == other.Column2;

    /// <summary>Gets whether two rows are the same edit (pair, window and indicator), whatever their texts.</summary>
    public bool SameWindow(in PtpRow other) =>
        SamePair(other) && Effective == other.Effective && Deletion == other.Deletion && (_textAndIndicator & 3) == (other._textAndIndicator & 3);

    /// <summary>Orders rows by column 1, column 2, then effective date (the codes' ranks sort as their texts do).</summary>
    public int CompareByPairAndEffective(in PtpRow other)
    {
        int byColumn1 = Column1.CompareTo(other.Column1);
        if (byColumn1 != 0)
        {
            return byColumn1;
        }

        int byColumn2 = Column2.CompareTo(other.Column2);
        return byColumn2 != 0 ? byColumn2 : Effective.CompareTo(other.Effective);
    }

    /// <summary>Builds the public row, with the codes given (they must be this row's).</summary>
    public PtpEdit ToEdit(CptCode column1, CptCode column2, PtpRowText text) =>
        new(column1, column2, DayNumbers.ToDate(Effective), Deletion == NoDeletion ? null : DayNumbers.ToDate(Deletion), Indicator, text.Rationale, text.Source);
}

/// <summary>A distinct (rationale, source) pair that rows of a <see cref="PtpEditTable"/> share.</summary>
/// <param name="Rationale">The PTP edit rationale.</param>
/// <param name="Source">Where the row comes from.</param>
internal sealed record PtpRowText(string Rationale, string Source)
{
    /// <summary>Gets whether rows with this source are tagged [L] (see <see cref="PtpEdit.IsLowConfidence"/>).</summary>
    public bool IsLowConfidence { get; } = Source.StartsWith("[L", StringComparison.Ordinal);
}
