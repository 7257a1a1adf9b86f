using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TherapyBilling.Rules.Tests.Documentation;

/// <summary>The allocation-free word count agrees with the tokenizer it replaced.</summary>
public sealed class NarrativeSimilarityTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("  ,; ", 0)]
    [InlineData("Trained lower-body dressing, 2 cues.", 6)]
    [InlineData("reacher/sock aid;teach-back", 5)]
    [InlineData("Élan über 3x", 3)]
    public void CountWords_Examples_CountRunsOfLettersAndDigits(string? text, int expected) =>
        Assert.Equal(expected, NarrativeSimilarity.CountWords(text));

    [Property(MaxTest = 500)]
    public Property CountWords_AnyText_EqualsTheTokenCount()
    {
        var chars = Gen.Elements('a', 'Z', '7', ' ', ',', '-', '\t', 'é', '\u00A0', '/', '.');
        var texts = Gen.ArrayOf(chars).Select(c => new string(c));
        return Prop.ForAll(texts.ToArbitrary(), text => NarrativeSimilarity.CountWords(text) == NarrativeSimilarity.Tokenize(text).Count);
    }
}
