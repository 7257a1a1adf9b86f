using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace TherapyBilling.Rules.Fhir;

/// <summary>
/// Reads FHIR <c>date</c> and <c>dateTime</c> values as the local clock values written: <c>2026-03-02T21:30:00-05:00</c>
/// is March 2 at 21:30. The offset is never applied (nothing is converted to UTC).
/// </summary>
internal static class FhirClock
{
    private static readonly LocalDateTimePattern s_local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF");
    private static readonly LocalDatePattern s_date = LocalDatePattern.Iso;
    private static readonly OffsetPattern s_offset = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>Reads the date of a <c>date</c> or <c>dateTime</c> (<c>yyyy-MM-dd</c>, with or without a time).</summary>
    public static LocalDate? Date(string? value)
    {
        if (value is null || value.Length < 10)
        {
            return null;
        }

        var parsed = s_date.Parse(value[..10]);
        return parsed.Success && (value.Length == 10 || value[10] == 'T') ? parsed.Value : null;
    }

    /// <summary>Reads a <c>dateTime</c> that has a time of day, ignoring its offset; <see langword="null"/> for a date alone or malformed text.</summary>
    public static LocalDateTime? DateTime(string? value)
    {
        if (value is null || value.Length < 19 || value[10] != 'T')
        {
            return null;
        }

        int end = value.Length;
        if (value.EndsWith('Z'))
        {
            end--;
        }
        else if (Math.Max(value.LastIndexOf('+'), value.LastIndexOf('-')) is int sign and > 18)
        {
            end = sign;
        }

        var parsed = s_local.Parse(value[..end]);
        return parsed.Success ? parsed.Value : null;
    }

    /// <summary>Writes a local date-time as a FHIR <c>dateTime</c> with the given offset.</summary>
    public static string Format(LocalDateTime value, Offset offset) => s_local.Format(value) + s_offset.Format(offset);

    /// <summary>Writes a date as FHIR <c>date</c>.</summary>
    public static string Format(LocalDate value) => s_date.Format(value);

    /// <summary>Formats a number in the invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
