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

    [Property(MaxTest = 1000)]
    public Property Jaccard_AnyTexts_EqualsTheJaccardOfTheTokenSets()
    {
        // Short words over few letters so that texts share tokens; lengths on both sides of the stack bound (255 characters).
        var chars = Gen.Elements('a', 'B', 'b', '7', ' ', ' ', ',', '-', 'é', 'É', '\u00A0', 'İ', 'i');
        var texts = Gen.Frequency((4, Gen.ArrayOf(chars)), (1, Gen.Choose(250, 700).SelectMany(n => Gen.ArrayOf(chars, n))), (1, Gen.Constant(Array.Empty<char>()))).Select(c => new string(c));
        return Prop.ForAll(texts.ToArbitrary(), texts.ToArbitrary(), (a, b) => NarrativeSimilarity.Jaccard(a, b) == ReferenceJaccard(a, b));
    }

    [Theory]
    [InlineData(null, null, 0.0)]
    [InlineData("", "  ", 0.0)]
    [InlineData("Dressing with reacher", "dressing WITH Reacher", 1.0)]
    [InlineData("a b c d", "c d e f", 2.0 / 6)]
    [InlineData("a a a b", "b b", 0.5)]
    public void Jaccard_Examples(string? a, string? b, double expected) =>
        Assert.Equal(expected, NarrativeSimilarity.Jaccard(a, b), 12);

    [Fact]
    public void Jaccard_LongTexts_AboveTheStackBound_CountEveryDistinctToken()
    {
        string a = string.Join(' ', Enumerable.Range(0, 400).Select(i => "w" + i));
        string b = string.Join(' ', Enumerable.Range(200, 400).Select(i => "W" + i));
        Assert.Equal(200.0 / 600, NarrativeSimilarity.Jaccard(a, b), 12);
    }

    /// <summary>The definition: the Jaccard index of the two sets of normalised tokens.</summary>
    private static double ReferenceJaccard(string a, string b)
    {
        var setA = new HashSet<string>(NarrativeSimilarity.Tokenize(a), StringComparer.Ordinal);
        var setB = new HashSet<string>(NarrativeSimilarity.Tokenize(b), StringComparer.Ordinal);
        if (setA.Count == 0 && setB.Count == 0)
        {
            return 0;
        }

        int shared = setA.Count(setB.Contains);
        return (double)shared / (setA.Count + setB.Count - shared);
    }
}
