using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// A running sum of non-negative durations in whole minutes plus nanoseconds, exact and free of overflow: the minutes
/// saturate at <see cref="Cap"/> (about 8.5 billion years), far above any limit the engine checks.
/// </summary>
internal struct TimeSum
{
    /// <summary>The saturation point, in minutes.</summary>
    public const long Cap = 1L << 52;

    /// <summary>Nanoseconds in a minute.</summary>
    public const long NanosPerMinute = 60_000_000_000L;

    /// <summary>Gets the whole minutes (saturated at <see cref="Cap"/>).</summary>
    public long Minutes { get; private set; }

    /// <summary>Gets the nanoseconds beyond <see cref="Minutes"/>, below one minute.</summary>
    public long Nanoseconds { get; private set; }

    /// <summary>Gets the exact sum in minutes, as a decimal (for display and comparisons).</summary>
    public readonly decimal ExactMinutes => Minutes + ((decimal)Nanoseconds / NanosPerMinute);

    /// <summary>Creates a sum of one duration.</summary>
    public static TimeSum Of(Duration duration)
    {
        var sum = default(TimeSum);
        sum.Add(duration);
        return sum;
    }

    /// <summary>Adds a duration; callers pass only non-negative ones (invalid segments have no duration).</summary>
    public void Add(Duration duration)
    {
        long nanoOfDay = duration.NanosecondOfDay;
        Add((duration.Days * 1440L) + (nanoOfDay / NanosPerMinute), nanoOfDay % NanosPerMinute);
    }

    /// <summary>Adds another sum.</summary>
    public void Add(TimeSum other) => Add(other.Minutes, other.Nanoseconds);

    /// <summary>Gets the exact sum in nanoseconds.</summary>
    /// <exception cref="OverflowException">Only when the minutes exceed about 153 million; callers check their limit first.</exception>
    public readonly long TotalNanoseconds() => checked((Minutes * NanosPerMinute) + Nanoseconds);

    private void Add(long minutes, long nanoseconds)
    {
        long nanos = Nanoseconds + nanoseconds;
        long carry = nanos / NanosPerMinute;
        Nanoseconds = nanos % NanosPerMinute;
        Minutes = Math.Min(Cap, Minutes + Math.Min(Cap, minutes) + carry);
    }
}
