using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>The earliest and latest date read from a note, for the window check once the date of service is known.</summary>
internal struct NoteDates
{
    private LocalDate _earliest;
    private LocalDate _latest;
    private bool _any;

    /// <summary>Notes a date.</summary>
    public void Add(LocalDate date)
    {
        if (!_any || date < _earliest)
        {
            _earliest = date;
        }

        if (!_any || date > _latest)
        {
            _latest = date;
        }

        _any = true;
    }

    /// <summary>Gets whether every noted date lies within the window (inclusive).</summary>
    public readonly bool AreWithin((LocalDate From, LocalDate Through) window) =>
        !_any || (_earliest >= window.From && _latest <= window.Through);
}
