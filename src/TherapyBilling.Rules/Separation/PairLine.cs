using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>
/// A line as the pair checks read it: code, modifiers and where it sits in the input. The path is built only when a
/// finding or fix reads it (a clean encounter never builds one).
/// </summary>
internal readonly struct PairLine
{
    private readonly string? _path;
    private readonly int _index;

    private PairLine(CptCode code, ImmutableArray<Modifier> modifiers, bool isBilled, int index, string? path)
    {
        Code = code;
        Modifiers = modifiers;
        IsBilled = isBilled;
        _index = index;
        _path = path;
    }

    public CptCode Code { get; }

    public ImmutableArray<Modifier> Modifiers { get; }

    public bool IsBilled { get; }

    /// <summary>Gets <c>lines[i]</c> for a billed line, <c>segments[k]</c> (the code's first segment) for a computed one.</summary>
    public string Path => _path ?? (IsBilled ? Paths.Index("lines", _index) : Paths.Segment(_index));

    /// <summary>A public line, whose path is already built.</summary>
    public static PairLine Of(SeparationLine line) => new(line.Code, line.Modifiers, line.IsBilled, 0, line.Path);

    /// <summary>The billed line at <paramref name="index"/> of the claim.</summary>
    public static PairLine Billed(BilledLine line, int index) => new(line.Code, line.Modifiers.IsDefault ? [] : line.Modifiers, isBilled: true, index, null);

    /// <summary>A line computed from segments; findings point at its first segment.</summary>
    public static PairLine Computed(CptCode code, ImmutableArray<Modifier> modifiers, int firstSegment) => new(code, modifiers, isBilled: false, firstSegment, null);

    /// <summary>Gets the path of one modifier: <c>lines[i].modifiers[j]</c>, or the segment's path for a computed line (as <see cref="SeparationLine.ModifierPath"/>).</summary>
    public string ModifierPath(int index) =>
        IsBilled ? string.Create(CultureInfo.InvariantCulture, $"{Path}.modifiers[{index}]") : Path;

    public bool Has(Modifier modifier)
    {
        foreach (var m in Modifiers)
        {
            if (m == modifier)
            {
                return true;
            }
        }

        return false;
    }
}
