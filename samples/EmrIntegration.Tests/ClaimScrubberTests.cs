using NodaTime;

namespace EmrIntegration.Tests;

public sealed class ClaimScrubberTests
{
    private static readonly DateOnly s_day = new(2026, 3, 2);

    private static EmrVisit Visit(string therapyType, EmrTimeEntry[] entries, EmrCharge[] charges, string number = "V-1", string chart = "CHART-SECRET") =>
        new(number, chart, s_day, therapyType, entries, charges);

    [Fact]
    public void TryMap_TimesDisciplineAndModifiers_AreCarriedOver()
    {
        var visit = Visit("ot",
            [new("97535", new TimeOnly(9, 0), new TimeOnly(9, 18))],
            [new("97535", 1, " GO , XU ")]);

        Assert.True(VisitMapper.TryMap(visit, out var encounter, out _));
        Assert.Equal("V-1", encounter.Id);
        Assert.Equal(new LocalDate(2026, 3, 2), encounter.DateOfService);
        Assert.Equal(Discipline.OccupationalTherapy, encounter.Discipline);
        var segment = Assert.Single(encounter.Segments);
        Assert.Equal(new LocalTime(9, 0), segment.Start);
        Assert.Equal(new LocalTime(9, 18), segment.End);
        var line = Assert.Single(encounter.BilledLines);
        Assert.Equal(new[] { Modifier.GO, Modifier.XU }, line.Modifiers.ToArray());
    }

    [Theory]
    [InlineData("PT", Discipline.PhysicalTherapy)]
    [InlineData("OT", Discipline.OccupationalTherapy)]
    [InlineData("ST", Discipline.SpeechLanguagePathology)]
    public void TryMap_TherapyType_MapsToDiscipline(string therapyType, Discipline expected)
    {
        Assert.True(VisitMapper.TryMap(Visit(therapyType, [], []), out var encounter, out _));
        Assert.Equal(expected, encounter.Discipline);
    }

    [Fact]
    public void Scrub_MinutesSupportTheCharges_IsReady()
    {
        var result = new ClaimScrubber().Scrub(Visit("PT",
            [new("97110", new TimeOnly(9, 0), new TimeOnly(9, 23))],
            [new("97110", 2, "GP")]));

        Assert.Equal(ScrubStatus.Ready, result.Status);
        Assert.Equal(2, result.TotalUnits);
        Assert.DoesNotContain(result.Findings, f => f.Severity >= Severity.Warning);
    }

    [Fact]
    public void Scrub_OverBilledUnits_IsBlockedWithTbr108()
    {
        var result = new ClaimScrubber().Scrub(Visit("PT",
            [new("97535", new TimeOnly(10, 0), new TimeOnly(10, 20))],
            [new("97535", 2, "GP")]));

        Assert.Equal(ScrubStatus.Blocked, result.Status);
        Assert.Equal(1, result.TotalUnits);
        var finding = Assert.Single(result.Findings, f => f.Id == DiagnosticIds.BilledUnitsDiffer);
        Assert.Equal("lines[0].units", finding.Path);
        Assert.Equal("therapy-rules explain TBR108", finding.HelpLink);
    }

    [Fact]
    public void Scrub_XsOnTimedTherapy_NeedsReview()
    {
        var result = new ClaimScrubber().Scrub(Visit("OT",
            [new("97535", new TimeOnly(13, 0), new TimeOnly(13, 18)), new("97530", new TimeOnly(13, 18), new TimeOnly(13, 33))],
            [new("97535", 1, "GO,XS"), new("97530", 1, "GO")]));

        Assert.Equal(ScrubStatus.NeedsReview, result.Status);
        Assert.Contains(result.Findings, f => f.Id == "TBR308" && f.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("9753", "97535", "GP", "PT")]
    [InlineData("97535", "97535", "G?", "PT")]
    [InlineData("97535", "97535", "GP", "XX")]
    public void Scrub_MalformedEmrRecord_IsUnmappableWithoutEchoingTheValue(string entryCpt, string chargeCpt, string modifiers, string therapyType)
    {
        var result = new ClaimScrubber().Scrub(Visit(therapyType,
            [new(entryCpt, new TimeOnly(11, 0), new TimeOnly(11, 30))],
            [new(chargeCpt, 2, modifiers)]));

        Assert.Equal(ScrubStatus.Unmappable, result.Status);
        var finding = Assert.Single(result.Findings);
        Assert.DoesNotContain(entryCpt == "9753" ? "9753" : modifiers == "G?" ? "G?" : "XX", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SampleDay_OrdersByStatusAndNeverShowsChartNumbers()
    {
        var results = new ClaimScrubber().ScrubAll(SampleVisits.Day);
        string text = FindingRenderer.Render(results);

        Assert.Equal(
            ["V-1003: unmappable", "V-1002: blocked", "V-1004: needs review", "V-1001: ready"],
            text.Split('\n').Where(l => l.StartsWith("V-", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(" (", StringComparison.Ordinal)]));
        Assert.EndsWith("4 visit(s): 1 ready, 1 to review, 1 blocked, 1 unmappable\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CHART-", text, StringComparison.Ordinal);
        Assert.Equal(text, FindingRenderer.Render(new ClaimScrubber().ScrubAll(SampleVisits.Day)));
    }
}
