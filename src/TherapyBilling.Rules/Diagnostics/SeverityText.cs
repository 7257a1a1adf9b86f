namespace TherapyBilling.Rules;

/// <summary>The lower-case names of severities used in every rendering (<c>error</c>, <c>warning</c>, <c>info</c>).</summary>
public static class SeverityText
{
    /// <summary>Gets the lower-case name of a severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns><c>error</c>, <c>warning</c> or <c>info</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined severity.</exception>
    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };

    /// <summary>Parses <c>error</c>, <c>warning</c> or <c>info</c> (case-insensitive).</summary>
    /// <param name="text">The text.</param>
    /// <param name="severity">The severity.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.ToUpperInvariant())
        {
            case "ERROR": severity = Severity.Error; return true;
            case "WARNING": severity = Severity.Warning; return true;
            case "INFO": severity = Severity.Info; return true;
            default: severity = default; return false;
        }
    }
}
