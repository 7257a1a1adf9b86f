using System.Text.Json;

namespace TherapyBilling.Rules;

/// <summary>
/// Text checks for JSON input that System.Text.Json leaves until a string is read (and then throws): every door that
/// reads the contract (the tool, the server, the payer-profile loader) checks strings the same way before reading.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class JsonText
{
    /// <summary>
    /// Gets whether the reader's current string or property name is valid Unicode text: well-formed UTF-8 and, when
    /// escaped, no unpaired <c>\u</c> surrogate.
    /// </summary>
    /// <param name="reader">A reader positioned on a <see cref="JsonTokenType.String"/> or <see cref="JsonTokenType.PropertyName"/> token.</param>
    /// <returns><see langword="true"/> when the text can be read as a string.</returns>
    public static bool IsValidText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Utf8Text.IsValid(reader.ValueSpan);
        }

        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
