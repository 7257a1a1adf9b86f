using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace TherapyBilling.Rules.Tests.Payers;

public sealed class AppealDeadlinesTests
{
    [Theory]
    [InlineData("2022-05-15", "2022-09-17")] // Palmetto GBA example: a Saturday, no roll-forward
    [InlineData("2022-08-15", "2022-12-18")] // Palmetto GBA example: a Sunday, no roll-forward
    public void LastDayToFile_Redetermination_PalmettoExamples(string notice, string expected)
    {
        var deadline = AppealDeadlines.LastDayToFile(NodaTime.Text.LocalDatePattern.Iso.Parse(notice).Value, AppealLevel.Redetermination);
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(expected).Value, deadline.LastDay);
        Assert.Equal(120, deadline.FilingDays);
    }

    [Fact]
    public void All_FiveLevels_NoticePlusFivePlusLevelDays()
    {
        var notice = new LocalDate(2026, 1, 10);
        var all = AppealDeadlines.All(notice);
        Assert.Equal(
            [new LocalDate(2026, 5, 15), new LocalDate(2026, 7, 14), new LocalDate(2026, 3, 16), new LocalDate(2026, 3, 16), new LocalDate(2026, 3, 16)],
            all.Select(d => d.LastDay));
        Assert.Equal([120, 180, 60, 60, 60], all.Select(d => d.FilingDays));
        Assert.All(all, d => Assert.Equal(new LocalDate(2026, 1, 15), d.PresumedReceipt));
    }

    [Fact]
    public void IsTimely_OnTheLastDayYes_DayAfterNo()
    {
        var notice = new LocalDate(2022, 5, 15);
        Assert.True(AppealDeadlines.IsTimely(notice, AppealLevel.Redetermination, new LocalDate(2022, 9, 17)));
        Assert.False(AppealDeadlines.IsTimely(notice, AppealLevel.Redetermination, new LocalDate(2022, 9, 18)));
    }

    [Fact]
    public void CheckAmountInControversy_ReferenceVector_199Below200()
    {
        var r = AppealDeadlines.CheckAmountInControversy(AppealLevel.AdministrativeLawJudge, new LocalDate(2026, 1, 5), 199m);
        Assert.False(r.Meets);
        Assert.Equal(200m, r.Threshold);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticIds.AmountInControversyBelow, "$199.00", "$200.00"), (d.Id, d.GetArgument("amount"), d.GetArgument("threshold")));
    }

    [Theory]
    [InlineData(AppealLevel.AdministrativeLawJudge, 2026, 200, true)]
    [InlineData(AppealLevel.JudicialReview, 2026, 1959, false)]
    [InlineData(AppealLevel.JudicialReview, 2026, 1960, true)]
    [InlineData(AppealLevel.AdministrativeLawJudge, 2025, 189, false)]
    [InlineData(AppealLevel.AdministrativeLawJudge, 2019, 159, false)] // CY 2019: $160 / $1,630
    [InlineData(AppealLevel.AdministrativeLawJudge, 2019, 160, true)]
    [InlineData(AppealLevel.JudicialReview, 2019, 1629, false)]
    [InlineData(AppealLevel.JudicialReview, 2019, 1630, true)]
    [InlineData(AppealLevel.AdministrativeLawJudge, 2020, 169, false)] // CY 2020: $170 / $1,670 (84 FR 53444)
    [InlineData(AppealLevel.AdministrativeLawJudge, 2020, 170, true)]
    [InlineData(AppealLevel.JudicialReview, 2020, 1669, false)]
    [InlineData(AppealLevel.JudicialReview, 2020, 1670, true)]
    [InlineData(AppealLevel.AdministrativeLawJudge, 2023, 179, false)] // CY 2023: $180 / $1,850 [L]
    [InlineData(AppealLevel.AdministrativeLawJudge, 2023, 180, true)]
    [InlineData(AppealLevel.JudicialReview, 2023, 1849, false)]
    [InlineData(AppealLevel.JudicialReview, 2023, 1850, true)]
    [InlineData(AppealLevel.Redetermination, 2026, 1, true)]
    [InlineData(AppealLevel.AppealsCouncil, 2026, 1, true)]
    public void CheckAmountInControversy_ByLevelAndYear(AppealLevel level, int year, int amount, bool meets) =>
        Assert.Equal(meets, AppealDeadlines.CheckAmountInControversy(level, new LocalDate(year, 3, 1), amount).Meets);

    [Fact]
    public void CheckAmountInControversy_YearNotInTable_Tbr451()
    {
        var r = AppealDeadlines.CheckAmountInControversy(AppealLevel.AdministrativeLawJudge, new LocalDate(2027, 3, 1), 500m);
        Assert.Null(r.Threshold);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticIds.AmountInControversyYearUnknown, Severity.Warning), (d.Id, d.Severity));
    }

    [Fact]
    public void AmountInControversyTable_Default_HasEveryYearFrom2015To2026WithASource()
    {
        for (int year = 2015; year <= 2026; year++)
        {
            Assert.True(AmountInControversyTable.Default.TryGet(year, out var row), year.ToString(CultureInfo.InvariantCulture));
            Assert.Matches(@"\[(H|M|L)\]", row.Source);
        }
    }

    [Fact]
    public void AmountInControversyTable_Load_RejectsDuplicateYear()
    {
        var text = "# version: t\n2026\t200\t1960\tx\n2026\t200\t1960\ty\n";
        var e = Assert.Throws<ReferenceDataException>(() => AmountInControversyTable.Load(new StringReader(text), "aic.tsv"));
        Assert.Equal(3, e.LineNumber);
    }

    [Property(MaxTest = 500)]
    public Property LastDayToFile_NeverEarlierThanNoticePlusLevelDays() =>
        Prop.ForAll(Gen.Choose(0, 40_000).ToArbitrary(), Gen.Elements(Enum.GetValues<AppealLevel>()).ToArbitrary(), (offset, level) =>
        {
            var notice = new LocalDate(1990, 1, 1).PlusDays(offset);
            var deadline = AppealDeadlines.LastDayToFile(notice, level);
            return deadline.LastDay >= notice.PlusDays(AppealDeadlines.FilingDays(level))
                && Period.Between(notice, deadline.LastDay, PeriodUnits.Days).Days == AppealDeadlines.FilingDays(level) + 5;
        });
}
