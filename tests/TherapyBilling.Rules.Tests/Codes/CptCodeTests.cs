namespace TherapyBilling.Rules.Tests.Codes;

public sealed class CptCodeTests
{
    [Theory]
    [InlineData("97535", "97535")]
    [InlineData("G0283", "G0283")]
    [InlineData("g0283", "G0283")]
    public void Parse_ValidCodes(string text, string expected)
    {
        Assert.Equal(expected, CptCode.Parse(text).ToString());
        Assert.True(CptCode.TryParse(text, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9753")]
    [InlineData("975355")]
    [InlineData("97-35")]
    [InlineData("GG283")]
    [InlineData("9753A")]
    [InlineData(" 97535")]
    public void TryParse_InvalidCodes_ReturnsFalse(string text)
    {
        Assert.False(CptCode.TryParse(text, out var code));
        Assert.True(code.IsDefault);
        Assert.Throws<FormatException>(() => CptCode.Parse(text));
    }

    [Fact]
    public void Parse_Null_Throws() => Assert.Throws<ArgumentNullException>(() => CptCode.Parse(null!));

    [Fact]
    public void Equality_And_Order()
    {
        var a = CptCode.Parse("97110");
        var b = CptCode.Parse("97535");
        Assert.True(a == CptCode.Parse("97110"));
        Assert.True(a != b);
        var a2 = CptCode.Parse("97110");
        Assert.True(a < b && b > a && a <= a2 && b >= a);
        Assert.Equal(a.GetHashCode(), CptCode.Parse("97110").GetHashCode());
        Assert.True(default(CptCode).IsDefault);
        Assert.Equal(string.Empty, default(CptCode).ToString());
    }

    [Fact]
    public void TryParse_KnownCode_DoesNotAllocate()
    {
        Assert.True(CptCode.TryParse("97535".AsSpan(), out _));
        bool all = true;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            all &= CptCode.TryParse("97535".AsSpan(), out _);
        }

        Assert.True(all);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
