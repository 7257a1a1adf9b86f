namespace TherapyBilling.Rules.Tests.Codes;

public sealed class CodeCatalogTests
{
    [Theory]
    [InlineData("97110")] [InlineData("97112")] [InlineData("97113")] [InlineData("97116")] [InlineData("97140")]
    [InlineData("97530")] [InlineData("97533")] [InlineData("97535")] [InlineData("97537")] [InlineData("97542")]
    [InlineData("97750")] [InlineData("97755")] [InlineData("97760")] [InlineData("97761")] [InlineData("97763")]
    [InlineData("97032")] [InlineData("97033")] [InlineData("97034")] [InlineData("97035")] [InlineData("97036")]
    [InlineData("97124")]
    public void Default_TimedCodes(string code) => Assert.True(CodeCatalog.Default.IsTimed(CptCode.Parse(code)));

    [Theory]
    [InlineData("97010")] [InlineData("97012")] [InlineData("97014")] [InlineData("97016")] [InlineData("97018")]
    [InlineData("97022")] [InlineData("97024")] [InlineData("97026")] [InlineData("97028")] [InlineData("97150")]
    [InlineData("97161")] [InlineData("97162")] [InlineData("97163")] [InlineData("97164")] [InlineData("97165")]
    [InlineData("97166")] [InlineData("97167")] [InlineData("97168")] [InlineData("92507")] [InlineData("92521")]
    [InlineData("92522")] [InlineData("92523")] [InlineData("92524")] [InlineData("G0283")]
    public void Default_UntimedCodes(string code)
    {
        Assert.True(CodeCatalog.Default.TryGet(CptCode.Parse(code), out var entry));
        Assert.Equal(CodeKind.Untimed, entry.Kind);
    }

    [Fact]
    public void Default_EveryEntryHasASourceAndTheCatalogAVersion()
    {
        Assert.NotEqual("unversioned", CodeCatalog.Default.Version);
        Assert.All(CodeCatalog.Default.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        Assert.All(CodeCatalog.Default.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Descriptor)));
    }

    [Fact]
    public void Load_ReadsVersionAndRows()
    {
        var catalog = CodeCatalog.Load(new StringReader("# version: test-1\n97535\ttimed\ttrue\tSelf-care\tmine\n\n92521\tuntimed\tfalse\tFluency eval\tmine\n"), "custom.tsv");
        Assert.Equal("test-1", catalog.Version);
        Assert.Equal("custom.tsv", catalog.Source);
        Assert.Equal(2, catalog.Entries.Length);
        Assert.True(catalog.IsTimed(CptCode.Parse("97535")));
    }

    [Theory]
    [InlineData("97535\ttimed\ttrue\tx\n", 1, "expected 5")]
    [InlineData("# c\n9753\ttimed\ttrue\tx\ty\n", 2, "not a CPT")]
    [InlineData("97535\tslow\ttrue\tx\ty\n", 1, "kind")]
    [InlineData("97535\ttimed\tyes\tx\ty\n", 1, "alwaysTherapy")]
    [InlineData("97535\ttimed\ttrue\tx\ty\n97535\ttimed\ttrue\tx\ty\n", 2, "twice")]
    public void Load_MalformedRow_ThrowsNamingTheLine(string text, int line, string problem)
    {
        var ex = Assert.Throws<ReferenceDataException>(() => CodeCatalog.Load(new StringReader(text), "bad.tsv"));
        Assert.Equal(line, ex.LineNumber);
        Assert.Equal("bad.tsv", ex.SourceName);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.tsv:{line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ReplacesAndAdds()
    {
        var c = CodeCatalog.Default.With([new CodeCatalogEntry(CptCode.Parse("97535"), CodeKind.Untimed, true, "x", "payer rule")]);
        Assert.False(c.IsTimed(CptCode.Parse("97535")));
        Assert.Equal(CodeCatalog.Default.Entries.Length, c.Entries.Length);
        Assert.EndsWith("+custom", c.Version, StringComparison.Ordinal);
    }
}
