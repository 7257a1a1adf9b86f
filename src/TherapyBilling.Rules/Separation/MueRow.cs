using System.Runtime.InteropServices;

namespace TherapyBilling.Rules;

/// <summary>
/// One limit of a <see cref="MueTable"/> in 20 bytes: the code's rank (<see cref="CodeRanks"/>), the units, the dates
/// as day numbers (<see cref="DayNumbers"/>; an open end is <see cref="int.MinValue"/> or <see cref="int.MaxValue"/>),
/// and the adjudication indicator with the index of the rationale in the table's distinct rationales.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct MueRow
{
    private const int NoEffective = int.MinValue;
    private const int NoEnd = int.MaxValue;
    private static readonly int s_firstDay = DayNumbers.Of(NodaTime.LocalDate.MinIsoValue);

    private readonly int _textAndIndicator; // rationale index << 2 | MAI (1, 2 or 3)

    public MueRow(MueLimit limit, int rationale)
    {
        Code = CodeRanks.Of(limit.Code);
        Units = limit.Units;
        Effective = limit.EffectiveDate is { } from ? DayNumbers.Of(from) : NoEffective;
        End = limit.EndDate is { } to ? DayNumbers.Of(to) : NoEnd;
        _textAndIndicator = (rationale << 2) | (int)limit.Indicator;
    }

    /// <summary>Gets the rank of the code.</summary>
    public int Code { get; }

    /// <summary>Gets the most units allowed.</summary>
    public int Units { get; }

    /// <summary>Gets the effective day number, or <see cref="int.MinValue"/> when the file does not say.</summary>
    public int Effective { get; }

    /// <summary>Gets the end day number, or <see cref="int.MaxValue"/>.</summary>
    public int End { get; }

    /// <summary>Gets the day the table sorts the row by: no effective date sorts as the first ISO day, as <see cref="MueLimit.EffectiveDate"/> did.</summary>
    public int SortDay => Effective == NoEffective ? s_firstDay : Effective;

    /// <summary>Gets whether the value applies on a day.</summary>
    public bool IsInForceOn(int day) => Effective <= day && day < End;

    /// <summary>Builds the public limit.</summary>
    public MueLimit ToLimit(string[] rationales) =>
        new(CodeRanks.ToCode(Code), Units, (MueAdjudicationIndicator)(_textAndIndicator & 3), rationales[_textAndIndicator >> 2],
            Effective == NoEffective ? null : DayNumbers.ToDate(Effective), End == NoEnd ? null : DayNumbers.ToDate(End));
}
