using NodaTime;
using NodaTime.Text;

namespace TherapyBilling.Rules.Cli;

/// <summary><c>--today YYYY-MM-DD</c>: the date the progress-report and certification clocks count to (the library never reads the clock).</summary>
internal static class TodayOption
{
    public static LocalDate? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success ? result.Value : throw new CliInputException("--today must be a date as YYYY-MM-DD.");
    }
}
