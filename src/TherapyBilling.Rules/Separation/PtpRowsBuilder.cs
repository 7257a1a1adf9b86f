using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Collects <see cref="PtpRow"/>s and the distinct texts they share, for a <see cref="PtpEditTable"/>.</summary>
internal sealed class PtpRowsBuilder
{
    private readonly List<PtpRow> _rows;
    private readonly List<PtpRowText> _texts;
    private readonly Dictionary<(string Rationale, string Source), int> _textIndex = [];
    private string? _lastRationale;
    private string? _lastSource;
    private int _lastText;

    public PtpRowsBuilder(IReadOnlyList<PtpRowText>? texts = null, int capacity = 0)
    {
        _rows = new List<PtpRow>(capacity);
        _texts = [];
        foreach (var text in texts ?? [])
        {
            _ = TextIndex(text.Rationale, text.Source);
        }
    }

    public int Count => _rows.Count;

    /// <summary>Adds a row whose codes are already ranks and dates day numbers, with its texts.</summary>
    public void Add(int column1, int column2, int effective, int deletion, ModifierIndicator indicator, string rationale, string source) =>
        _rows.Add(new PtpRow(column1, column2, effective, deletion, indicator, TextIndex(rationale, source)));

    /// <summary>Adds a public row.</summary>
    public void Add(PtpEdit edit) =>
        _rows.Add(new PtpRow(edit.Column1, edit.Column2, edit.EffectiveDate, edit.DeletionDate, edit.Indicator, TextIndex(edit.Rationale, edit.Source)));

    /// <summary>Adds rows that index the texts this builder was seeded with.</summary>
    public void AddRange(IEnumerable<PtpRow> rows) => _rows.AddRange(rows);

    public (PtpRow[] Rows, PtpRowText[] Texts) Build() => ([.. _rows], [.. _texts]);

    private int TextIndex(string rationale, string source)
    {
        // CMS rows share one rationale instance per distinct text and one source per part: most rows repeat the last pair.
        if (ReferenceEquals(rationale, _lastRationale) && ReferenceEquals(source, _lastSource))
        {
            return _lastText;
        }

        if (!_textIndex.TryGetValue((rationale, source), out int index))
        {
            index = _texts.Count;
            _texts.Add(new PtpRowText(rationale, source));
            _textIndex.Add((rationale, source), index);
        }

        (_lastRationale, _lastSource, _lastText) = (rationale, source, index);
        return index;
    }
}
