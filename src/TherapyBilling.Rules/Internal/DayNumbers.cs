using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// ISO dates as day numbers (days since 1970-01-01, negative before it), so a table can keep a date in an
/// <see cref="int"/> and compare it with one instruction. Pure arithmetic (the civil-from-days algorithm), the same on
/// every target framework; covers the whole of NodaTime's ISO range (-9998-01-01 … 9999-12-31).
/// </summary>
internal static class DayNumbers
{
    /// <summary>The day number of a date (converted to the ISO calendar first, should it be in another).</summary>
    public static int Of(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        int year = date.Year, month = date.Month, day = date.Day;
        year -= month <= 2 ? 1 : 0;
        int era = (year >= 0 ? year : year - 399) / 400;
        int yearOfEra = year - (era * 400);
        int dayOfYear = (((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5) + day - 1;
        int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>The ISO date of a day number (the inverse of <see cref="Of"/>).</summary>
    public static LocalDate ToDate(int dayNumber)
    {
        int z = dayNumber + 719468;
        int era = (z >= 0 ? z : z - 146096) / 146097;
        int dayOfEra = z - (era * 146097);
        int yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        int dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        int monthIndex = ((5 * dayOfYear) + 2) / 153;
        int day = dayOfYear - (((153 * monthIndex) + 2) / 5) + 1;
        int month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        int year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return new LocalDate(year, month, day);
    }
}
