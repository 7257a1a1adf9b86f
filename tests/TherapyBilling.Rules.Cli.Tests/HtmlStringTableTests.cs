using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>The HTML report's table of repeated text: numbers in first-use order, and bounded.</summary>
public sealed class HtmlStringTableTests
{
    [Fact]
    public void WriteValue_RepeatedText_WrittenOnceAndReferredToByNumber()
    {
        var table = new HtmlStringTable();
        var (values, strings) = Write(table, ["b", "a", "b", "a", "c"]);

        Assert.Equal("[0,1,0,1,2]", values);
        Assert.Equal("[\"b\",\"a\",\"c\"]", strings);
    }

    [Fact]
    public void WriteValue_TableFull_NewTextWrittenInPlace_KnownTextStillANumber()
    {
        var table = new HtmlStringTable();
        var many = Enumerable.Range(0, HtmlStringTable.MaxStrings).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        Write(table, many);

        var (values, strings) = Write(table, ["new", "7"]);

        Assert.Equal("[\"new\",7]", values);
        Assert.Equal(HtmlStringTable.MaxStrings, JsonDocument.Parse(strings).RootElement.GetArrayLength());
    }

    [Fact]
    public void WriteValue_CharacterBudgetSpent_LongTextWrittenInPlace()
    {
        var table = new HtmlStringTable();
        string half = new('x', (HtmlStringTable.MaxChars / 2) + 1);

        var (values, _) = Write(table, [half, half.Replace('x', 'y')]);

        Assert.StartsWith("[0,\"yyy", values, StringComparison.Ordinal);
    }

    private static (string Values, string Strings) Write(HtmlStringTable table, IReadOnlyList<string> texts)
    {
        using var values = new MemoryStream();
        using (var json = new Utf8JsonWriter(values))
        {
            json.WriteStartArray();
            foreach (string text in texts)
            {
                table.WriteValue(json, text);
            }

            json.WriteEndArray();
        }

        using var strings = new MemoryStream();
        using (var json = new Utf8JsonWriter(strings))
        {
            table.WriteTo(json);
        }

        return (Encoding.UTF8.GetString(values.ToArray()), Encoding.UTF8.GetString(strings.ToArray()));
    }
}
