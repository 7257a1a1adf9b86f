using System.Text.Json;

namespace TherapyBilling.Rules.Cli;

/// <summary>
/// The HTML report's table of repeated text (explanation sentences, messages, fix lines): each distinct string is
/// written once, at the end, and the encounters refer to it by number. Numbers follow first use in output order, so
/// the page is the same at any <c>--parallel</c>. The table is bounded: once full, new strings are written in place.
/// </summary>
internal sealed class HtmlStringTable
{
    /// <summary>The most strings the table holds.</summary>
    public const int MaxStrings = 1 << 16;

    /// <summary>The most characters the table holds, all strings together.</summary>
    public const int MaxChars = 1 << 23;

    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private long _chars;

    /// <summary>Writes the string's number, or the string itself when the table is full.</summary>
    public void WriteValue(Utf8JsonWriter json, string text)
    {
        if (!_numbers.TryGetValue(text, out int number))
        {
            if (_strings.Count >= MaxStrings || _chars + text.Length > MaxChars)
            {
                json.WriteStringValue(text);
                return;
            }

            number = _strings.Count;
            _numbers.Add(text, number);
            _strings.Add(text);
            _chars += text.Length;
        }

        json.WriteNumberValue(number);
    }

    /// <summary>Writes the table as a JSON array, in number order.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartArray();
        foreach (string text in _strings)
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
    }
}
