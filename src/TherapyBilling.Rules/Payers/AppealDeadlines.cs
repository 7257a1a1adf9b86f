using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>The five levels of Medicare Part A/B appeals (42 CFR Part 405 Subpart I).</summary>
public enum AppealLevel
{
    /// <summary>Level 1: redetermination by the MAC (42 CFR 405.942: 120 days).</summary>
    Redetermination = 1,

    /// <summary>Level 2: reconsideration by the QIC (42 CFR 405.962: 180 days).</summary>
    Reconsideration = 2,

    /// <summary>Level 3: hearing before an administrative law judge, OMHA (42 CFR 405.1002: 60 days; amount in controversy applies).</summary>
    AdministrativeLawJudge = 3,

    /// <summary>Level 4: review by the Medicare Appeals Council (42 CFR 405.1102: 60 days).</summary>
    AppealsCouncil = 4,

    /// <summary>Level 5: judicial review in federal district court (60 days; amount in controversy applies).</summary>
    JudicialReview = 5,
}

/// <summary>The last day to file at one appeal level.</summary>
/// <param name="Level">The level.</param>
/// <param name="NoticeDate">The date of the notice being appealed.</param>
/// <param name="PresumedReceipt">The notice date plus the 5-day receipt presumption.</param>
/// <param name="FilingDays">The calendar days the level allows from receipt.</param>
/// <param name="LastDay">The last day the request may be received; no weekend or holiday roll-forward.</param>
/// <param name="Source">The regulation, with a confidence tag.</param>
public sealed record AppealDeadline(AppealLevel Level, LocalDate NoticeDate, LocalDate PresumedReceipt, int FilingDays, LocalDate LastDay, string Source);

/// <summary>
/// Medicare appeal filing deadlines with NodaTime: the last day to file = notice date + 5 days (receipt presumed
/// 5 days after the notice date) + 120 / 180 / 60 / 60 / 60 calendar days by level. Calendar days throughout, with
/// no roll-forward when the last day is a weekend (Palmetto GBA's examples: 2022-05-15 gives 2022-09-17).
/// </summary>
/// <remarks>Pure and thread-safe; "today" is never read: pass dates in.</remarks>
public static class AppealDeadlines
{
    /// <summary>The days after the notice date on which receipt is presumed (42 CFR 405.942(a)(1) and the others).</summary>
    public const int ReceiptPresumptionDays = 5;

    private static readonly FrozenDictionary<AppealLevel, (int Days, string Source)> s_levels = new Dictionary<AppealLevel, (int, string)>
    {
        [AppealLevel.Redetermination] = (120, "42 CFR 405.942 [H]"),
        [AppealLevel.Reconsideration] = (180, "42 CFR 405.962 [H]"),
        [AppealLevel.AdministrativeLawJudge] = (60, "42 CFR 405.1002 [H]"),
        [AppealLevel.AppealsCouncil] = (60, "42 CFR 405.1102 [M]"),
        [AppealLevel.JudicialReview] = (60, "42 CFR 405.1130-405.1136; receipt presumption not verified [M]"),
    }.ToFrozenDictionary();

    /// <summary>Gets the calendar days a level allows from receipt of the notice.</summary>
    /// <param name="level">The level.</param>
    /// <returns>120, 180 or 60.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is not defined.</exception>
    public static int FilingDays(AppealLevel level) => Level(level).Days;

    /// <summary>Computes the last day to file at a level.</summary>
    /// <param name="noticeDate">The date of the notice (initial determination, or the previous level's decision).</param>
    /// <param name="level">The level to file at.</param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is not defined.</exception>
    public static AppealDeadline LastDayToFile(LocalDate noticeDate, AppealLevel level)
    {
        var (days, source) = Level(level);
        var receipt = CalendarMath.PlusDays(noticeDate, ReceiptPresumptionDays);
        return new AppealDeadline(level, noticeDate, receipt, days, CalendarMath.PlusDays(receipt, days), source);
    }

    /// <summary>Computes the deadline of every level from one notice date.</summary>
    /// <param name="noticeDate">The notice date.</param>
    /// <returns>Five deadlines, level 1 first.</returns>
    public static ImmutableArray<AppealDeadline> All(LocalDate noticeDate) =>
        [.. Enum.GetValues<AppealLevel>().Order().Select(level => LastDayToFile(noticeDate, level))];

    /// <summary>Gets whether a request received on a date is timely (on or before the last day).</summary>
    /// <param name="noticeDate">The notice date.</param>
    /// <param name="level">The level.</param>
    /// <param name="receivedOn">The date the request is received.</param>
    /// <returns><see langword="true"/> when timely.</returns>
    public static bool IsTimely(LocalDate noticeDate, AppealLevel level, LocalDate receivedOn) =>
        receivedOn <= LastDayToFile(noticeDate, level).LastDay;

    /// <summary>
    /// Checks the amount in controversy of a request at level 3 (ALJ) or 5 (judicial review) against the threshold of
    /// the year the request is filed (thresholds apply to requests filed on or after January 1). Other levels have none.
    /// </summary>
    /// <param name="level">The level.</param>
    /// <param name="filedOn">The filing date.</param>
    /// <param name="amountInControversy">The amount in controversy, in dollars.</param>
    /// <param name="table">The thresholds; <see langword="null"/> for <see cref="AmountInControversyTable.Default"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative or the level undefined.</exception>
    public static AmountInControversyResult CheckAmountInControversy(AppealLevel level, LocalDate filedOn, decimal amountInControversy, AmountInControversyTable? table = null)
    {
        Level(level);
        ArgumentOutOfRangeException.ThrowIfNegative(amountInControversy);
        table ??= AmountInControversyTable.Default;
        if (level is not (AppealLevel.AdministrativeLawJudge or AppealLevel.JudicialReview))
        {
            return new(level, filedOn.Year, amountInControversy, null, true, []);
        }

        if (!table.TryGet(filedOn.Year, out var row))
        {
            return new(level, filedOn.Year, amountInControversy, null, false,
                [DiagnosticDescriptors.AmountInControversyYearUnknown.Create(string.Empty, Arg.Of("table", table.Version), Arg.Of("year", filedOn.Year))]);
        }

        decimal threshold = level == AppealLevel.AdministrativeLawJudge ? row.AdministrativeLawJudge : row.JudicialReview;
        bool meets = amountInControversy >= threshold;
        return new(level, filedOn.Year, amountInControversy, threshold, meets, meets
            ? []
            : [DiagnosticDescriptors.AmountInControversyBelow.Create(
                string.Empty,
                Arg.Of("amount", KxThresholdCheck.Money(amountInControversy)),
                Arg.Of("year", filedOn.Year),
                Arg.Of("threshold", KxThresholdCheck.Money(threshold)),
                Arg.Of("level", LevelName(level)))]);
    }

    internal static string LevelName(AppealLevel level) => level switch
    {
        AppealLevel.Redetermination => "redetermination",
        AppealLevel.Reconsideration => "reconsideration",
        AppealLevel.AdministrativeLawJudge => "an ALJ hearing",
        AppealLevel.AppealsCouncil => "Council review",
        _ => "judicial review",
    };

    private static (int Days, string Source) Level(AppealLevel level) =>
        s_levels.TryGetValue(level, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown appeal level.");
}

/// <summary>Whether an amount in controversy meets the year's threshold.</summary>
/// <param name="Level">The level.</param>
/// <param name="Year">The year the request is filed.</param>
/// <param name="Amount">The amount in controversy.</param>
/// <param name="Threshold">The threshold, or <see langword="null"/> when the level has none or the table lacks the year.</param>
/// <param name="Meets">Whether the amount meets the threshold (true for levels without one; false when the year is unknown).</param>
/// <param name="Diagnostics">TBR450 below the threshold, TBR451 for an unknown year.</param>
public sealed record AmountInControversyResult(AppealLevel Level, int Year, decimal Amount, decimal? Threshold, bool Meets, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>One year's amount-in-controversy thresholds.</summary>
/// <param name="Year">The calendar year of filing.</param>
/// <param name="AdministrativeLawJudge">The ALJ hearing threshold.</param>
/// <param name="JudicialReview">The judicial review threshold.</param>
/// <param name="Source">Where the amounts come from.</param>
public sealed record AmountInControversyThreshold(int Year, decimal AdministrativeLawJudge, decimal JudicialReview, string Source);

/// <summary>
/// The yearly amount-in-controversy thresholds (Federal Register notices) as data: <c>Data/appeal-aic-thresholds.tsv</c>
/// ships rules-reference §6 (years it does not list, such as 2019, 2020 and 2023, are absent).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AmountInControversyTable
{
    private const string ResourceName = "TherapyBilling.Rules.Data.appeal-aic-thresholds.tsv";
    private static readonly Lazy<AmountInControversyTable> s_default = new(LoadDefault);
    private readonly FrozenDictionary<int, AmountInControversyThreshold> _byYear;

    private AmountInControversyTable(string version, string source, ImmutableArray<AmountInControversyThreshold> years)
    {
        Version = version;
        Source = source;
        Years = years;
        _byYear = years.ToFrozenDictionary(static y => y.Year);
    }

    /// <summary>Gets the shipped table.</summary>
    public static AmountInControversyTable Default => s_default.Value;

    /// <summary>Gets the version.</summary>
    public string Version { get; }

    /// <summary>Gets where the table came from.</summary>
    public string Source { get; }

    /// <summary>Gets the years in the order given.</summary>
    public ImmutableArray<AmountInControversyThreshold> Years { get; }

    /// <summary>Looks a year up.</summary>
    /// <param name="year">The year.</param>
    /// <param name="threshold">The thresholds when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(int year, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AmountInControversyThreshold? threshold) =>
        _byYear.TryGetValue(year, out threshold);

    /// <summary>Reads a table: <c># version: …</c>, then rows of year, ALJ amount, judicial amount and source, tab-separated.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The file name.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ReferenceDataException">A row is malformed or a year repeats.</exception>
    public static AmountInControversyTable Load(TextReader reader, string sourceName)
    {
        var (version, rows) = Tsv.Read(reader, sourceName, 4, "year, alj, judicial, source");
        var years = new List<AmountInControversyThreshold>();
        var seen = new HashSet<int>();
        foreach (var (line, fields) in rows)
        {
            int year = Tsv.Year(fields[0], sourceName, line);
            if (!seen.Add(year))
            {
                throw new ReferenceDataException(sourceName, line, $"year {year} appears twice.");
            }

            years.Add(new(year, Tsv.Amount(fields[1], sourceName, line), Tsv.Amount(fields[2], sourceName, line), fields[3].Trim()));
        }

        return new AmountInControversyTable(version, sourceName, [.. years]);
    }

    private static AmountInControversyTable LoadDefault()
    {
        using var reader = Tsv.OpenEmbedded(ResourceName);
        return Load(reader, "embedded:appeal-aic-thresholds.tsv");
    }
}
