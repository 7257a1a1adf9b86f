using System.Text;
using System.Text.Json;

namespace TherapyBilling.Rules.Tests.Serialization;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("\"plain\"", true)]
    [InlineData("\"caf\\u00e9 \\ud83d\\ude00\"", true)] // escaped, paired surrogates
    [InlineData("\"\\ud83d alone\"", false)]             // escaped lone surrogate
    public void IsValidText_EscapedAndPlainStrings(string json, bool expected) =>
        Assert.Equal(expected, Check(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void IsValidText_InvalidUtf8_IsNotText() =>
        Assert.False(Check([(byte)'"', 0x61, 0xC3, 0x28, (byte)'"'])); // 0xC3 0x28: a broken two-byte sequence

    private static bool Check(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        return JsonText.IsValidText(ref reader);
    }
}
