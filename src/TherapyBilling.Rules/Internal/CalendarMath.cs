using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// Date arithmetic that never throws near the ends of the calendar: NodaTime's <c>PlusDays</c> and <c>Plus(Period)</c>
/// throw past 9999-12-31 (or before the ISO minimum). A result past either end is that end, which every rule reads
/// correctly ("due by the end of time" is never before a real date). ISO calendar, as the input contract.
/// </summary>
internal static class CalendarMath
{
    /// <summary>Adds days; a result beyond the calendar is its last (or first) day.</summary>
    public static LocalDate PlusDays(LocalDate date, int days)
    {
        var iso = date.WithCalendar(CalendarSystem.Iso);
        if (days > 0 && days > Period.DaysBetween(iso, LocalDate.MaxIsoValue))
        {
            return LocalDate.MaxIsoValue;
        }

        if (days < 0 && days < Period.DaysBetween(iso, LocalDate.MinIsoValue))
        {
            return LocalDate.MinIsoValue;
        }

        return date.PlusDays(days);
    }

    /// <summary>
    /// Adds the date part of a period (years, months, weeks, days; a time part is not a date duration and is ignored);
    /// a result beyond the calendar is its last (or first) day.
    /// </summary>
    public static LocalDate Plus(LocalDate date, Period period)
    {
        var iso = date.WithCalendar(CalendarSystem.Iso);
        long up = 0, down = 0;
        foreach (long days in new[] { period.Years * 366L, period.Months * 31L, period.Weeks * 7L, (long)period.Days })
        {
            if (days > 0)
            {
                up += days;
            }
            else
            {
                down += days;
            }
        }

        if (up > Period.DaysBetween(iso, LocalDate.MaxIsoValue))
        {
            return up + down > 0 ? LocalDate.MaxIsoValue : date;
        }

        if (down < Period.DaysBetween(iso, LocalDate.MinIsoValue))
        {
            return LocalDate.MinIsoValue;
        }

        var datePart = new PeriodBuilder { Years = period.Years, Months = period.Months, Weeks = period.Weeks, Days = period.Days }.Build();
        return date.Plus(datePart);
    }
}
