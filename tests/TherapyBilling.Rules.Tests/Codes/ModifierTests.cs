namespace TherapyBilling.Rules.Tests.Codes;

public sealed class ModifierTests
{
    [Theory]
    [InlineData("59")]
    [InlineData("xu")]
    [InlineData("GP")]
    public void Parse_Valid(string text) => Assert.Equal(text.ToUpperInvariant(), Modifier.Parse(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("XUX")]
    [InlineData("X-")]
    public void Parse_Invalid_Throws(string text)
    {
        Assert.False(Modifier.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Modifier.Parse(text));
    }

    [Fact]
    public void WellKnown_AreEqualToParsed()
    {
        Assert.Equal(Modifier.Parse("59"), Modifier.Distinct59);
        Assert.Equal(Modifier.Parse("xu"), Modifier.XU);
        Assert.True(Modifier.GP != Modifier.GO);
    }
}
