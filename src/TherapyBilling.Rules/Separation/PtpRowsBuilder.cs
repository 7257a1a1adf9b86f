namespace TherapyBilling.Rules;

/// <summary>Collects <see cref="PtpRow"/>s and the distinct texts they share, for a <see cref="PtpEditTable"/>.</summary>
/// <remarks>Rows are collected in chunks of <see cref="ChunkSize"/>, so a million rows are copied once (into the
/// table's array) rather than at every doubling of a list.</remarks>
internal sealed class PtpRowsBuilder
{
    private const int ChunkSize = 1 << 16;
    private readonly List<PtpRow[]> _chunks = [];
    private int _count;
    private readonly List<PtpRowText> _texts;
    private readonly Dictionary<(string Rationale, string Source), int> _textIndex = [];
    private string? _lastRationale;
    private string? _lastSource;
    private int _lastText;

    public PtpRowsBuilder(IReadOnlyList<PtpRowText>? texts = null)
    {
        _texts = [];
        foreach (var text in texts ?? [])
        {
            _ = TextIndex(text.Rationale, text.Source);
        }
    }

    /// <summary>Adds a row whose codes are already ranks and dates day numbers, with its texts.</summary>
    public void Add(int column1, int column2, int effective, int deletion, ModifierIndicator indicator, string rationale, string source) =>
        Add(new PtpRow(column1, column2, effective, deletion, indicator, TextIndex(rationale, source)));

    /// <summary>Adds a public row.</summary>
    public void Add(PtpEdit edit) =>
        Add(new PtpRow(edit.Column1, edit.Column2, edit.EffectiveDate, edit.DeletionDate, edit.Indicator, TextIndex(edit.Rationale, edit.Source)));

    /// <summary>Adds rows that index the texts this builder was seeded with.</summary>
    public void AddRange(IEnumerable<PtpRow> rows)
    {
        foreach (var row in rows)
        {
            Add(row);
        }
    }

    public (PtpRow[] Rows, PtpRowText[] Texts) Build()
    {
        var rows = new PtpRow[_count];
        for (int i = 0, at = 0; i < _chunks.Count; i++, at += ChunkSize)
        {
            Array.Copy(_chunks[i], 0, rows, at, Math.Min(ChunkSize, _count - at));
        }

        _chunks.Clear();
        _count = 0;
        return (rows, [.. _texts]);
    }

    private void Add(in PtpRow row)
    {
        int offset = _count % ChunkSize;
        if (offset == 0)
        {
            _chunks.Add(new PtpRow[ChunkSize]);
        }

        _chunks[^1][offset] = row;
        _count++;
    }

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
