using NodaTime;
using NodaTime.Text;

namespace TherapyBilling.Rules;

/// <summary>Diagnostic arguments of the payer family in one format: dates as ISO <c>yyyy-MM-dd</c>.</summary>
internal static class PayerArgs
{
    public static DiagnosticArgument Date(string name, LocalDate date) => new(name, LocalDatePattern.Iso.Format(date));
}
