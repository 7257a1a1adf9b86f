using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// Allocation-free parsing of the plain forms of the contract's dates (<c>yyyy-MM-dd</c>) and times (<c>HH:mm</c>,
/// <c>HH:mm:ss</c>): a text these accept is one the NodaTime patterns accept with the same value, so callers try
/// these first and fall back to the patterns (and their error handling) when they return <see langword="false"/>.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
internal static class IsoText
{
    /// <summary>Parses <c>yyyy-MM-dd</c>: ten characters, a four-digit year from 0001, a real calendar date.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text.Slice(0, 4), out int year) || !TryDigits(text.Slice(5, 2), out int month) || !TryDigits(text.Slice(8, 2), out int day)
            || year < 1 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>Parses <c>HH:mm</c> (five characters) or <c>HH:mm:ss</c> (eight), a real time of day.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out LocalTime time)
    {
        time = default;
        int second = 0;
        if ((text.Length != 5 && text.Length != 8) || text[2] != ':'
            || !TryDigits(text.Slice(0, 2), out int hour) || !TryDigits(text.Slice(3, 2), out int minute)
            || (text.Length == 8 && (text[5] != ':' || !TryDigits(text.Slice(6, 2), out second)))
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new LocalTime(hour, minute, second);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
