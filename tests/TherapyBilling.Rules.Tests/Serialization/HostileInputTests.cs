using System.Text;
using System.Text.Json;

namespace TherapyBilling.Rules.Tests.Serialization;

/// <summary>
/// Issue 12: every value the JSON contract admits is either read or reported as an input finding that names its
/// path; none reaches the engine as an exception. Each example of the issue was a crash or a silent pass.
/// </summary>
public sealed class HostileInputTests
{
    private const string Head = "\"id\":\"h1\",\"dateOfService\":\"2026-01-05\",\"segments\":[{\"code\":\"97110\",\"minutes\":30}]";

    /// <summary>Reads a record and, when it was read, checks it: what the CLI does with one record.</summary>
    internal static IReadOnlyList<Diagnostic> ReadAndCheck(string json, EncounterReadOptions? options = null)
    {
        using var document = JsonDocument.Parse(json);
        var read = EncounterJson.Read(document.RootElement, options);
        var diagnostics = new List<Diagnostic>(read.Diagnostics);
        if (read.Encounter is { } encounter)
        {
            diagnostics.AddRange(ComplianceEngine.Check(encounter).Diagnostics);
        }

        return diagnostics;
    }

    private static void AssertInputError(IReadOnlyList<Diagnostic> diagnostics, string path)
    {
        Assert.True(
            diagnostics.Any(d => d.Severity == Severity.Error && d.Id.StartsWith("TBR0", StringComparison.Ordinal) && d.Path == path),
            "no input error at " + path + " in: " + string.Join(" | ", diagnostics.Select(d => d.Path + " " + d.Id)));
    }

    [Theory]
    [InlineData("allowedAmount", "-0")]
    [InlineData("allowedAmount", "-0.0")]
    [InlineData("allowedAmount", "-0.000")]
    [InlineData("kxYearToDateAllowed", "-0")]
    [InlineData("kxYearToDateAllowed", "-0.0")]
    [InlineData("kxYearToDateAllowed", "-0.000")]
    public void Read_NegativeZeroAmount_IsZero(string field, string number)
    {
        string json = "{" + Head + ",\"payer\":\"medicare\",\"beneficiaryId\":\"b\",\"allowedAmount\":10,\"kxYearToDateAllowed\":10,\"" + field + "\":" + number + "}";
        using var document = JsonDocument.Parse(json);
        var encounter = EncounterJson.Read(document.RootElement).Encounter!;
        decimal amount = field == "allowedAmount" ? encounter.AllowedAmount!.Value : encounter.KxYearToDateAllowed!.Value;

        Assert.Equal("0", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var report = ComplianceEngine.Check(encounter);
        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("-0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("allowedAmount", "79228162514264337593543950335")]
    [InlineData("allowedAmount", "10000000")]
    [InlineData("kxYearToDateAllowed", "79228162514264337593543950335")]
    [InlineData("allowedAmount", "1e400")]
    public void Read_AmountBeyondAClaim_IsAnInputError(string field, string number)
    {
        var diagnostics = ReadAndCheck("{" + Head + ",\"payer\":\"medicare\",\"beneficiaryId\":\"b\",\"" + field + "\":" + number + "}");
        AssertInputError(diagnostics, field);
    }

    [Theory]
    [InlineData("3000000")]
    [InlineData("1000000000")]
    [InlineData("2147483647")]
    [InlineData("3661")]
    public void Read_PlanDurationBeyondItsRange_IsAnInputError(string days)
    {
        string plan = "{\"signedOn\":\"2026-01-02\",\"durationDays\":" + days + ",\"recertifications\":[{\"signedOn\":\"2026-03-01\",\"durationDays\":" + days + "}]}";
        var diagnostics = ReadAndCheck("{" + Head + ",\"documentation\":{\"episode\":{\"firstTreatmentDate\":\"2026-01-02\",\"planOfCare\":" + plan + "}}}");
        AssertInputError(diagnostics, "documentation.episode.planOfCare.durationDays");
        AssertInputError(diagnostics, "documentation.episode.planOfCare.recertifications[0].durationDays");
    }

    public static TheoryData<string> EndOfCalendarDates() => new() { "9999-10-01", "9999-11-15", "9999-12-31" };

    [Theory]
    [MemberData(nameof(EndOfCalendarDates))]
    public void Read_NoteAndSignatureDatesAtTheEndOfTheCalendar_AreInputErrors(string date)
    {
        string doc = "{\"dateOfService\":\"" + date + "\",\"signature\":{\"signed\":true,\"signedOn\":\"" + date + "\"},"
            + "\"episode\":{\"firstTreatmentDate\":\"" + date + "\",\"treatmentDays\":[\"" + date + "\"],\"progressReports\":[{\"date\":\"" + date + "\",\"periodEnd\":\"" + date + "\"}],"
            + "\"planOfCare\":{\"signedOn\":\"" + date + "\",\"verbalOrderOn\":\"" + date + "\",\"recertifications\":[{\"signedOn\":\"" + date + "\"}]}}}";
        var diagnostics = ReadAndCheck("{" + Head + ",\"documentation\":" + doc + "}");

        foreach (string path in new[]
        {
            "documentation.dateOfService", "documentation.signature.signedOn", "documentation.episode.firstTreatmentDate",
            "documentation.episode.treatmentDays[0]", "documentation.episode.progressReports[0].date", "documentation.episode.progressReports[0].periodEnd",
            "documentation.episode.planOfCare.signedOn", "documentation.episode.planOfCare.verbalOrderOn", "documentation.episode.planOfCare.recertifications[0].signedOn",
        })
        {
            AssertInputError(diagnostics, path);
        }
    }

    [Theory]
    [InlineData("9999-12-20")]
    [InlineData("0001-01-01")]
    [InlineData("2201-01-01")]
    public void Read_DateOfServiceOutsideTheSupportedYears_IsAnInputError(string date)
    {
        string plan = "{\"signedOn\":\"" + date + "\",\"recertifications\":[{\"signedOn\":null},{\"signedOn\":null},{\"signedOn\":null}]}";
        var diagnostics = ReadAndCheck("{\"id\":\"h\",\"dateOfService\":\"" + date + "\",\"segments\":[{\"code\":\"97110\",\"minutes\":30}],"
            + "\"documentation\":{\"dateOfService\":\"" + date + "\",\"episode\":{\"planOfCare\":" + plan + "}}}");
        AssertInputError(diagnostics, "dateOfService");
    }

    [Theory]
    [InlineData("9999-12-20")]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    public void Check_ModelDatesAtTheEndsOfTheCalendar_NeverThrow(string text)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
        var plan = new PlanOfCare
        {
            SignedOn = date,
            VerbalOrderOn = date,
            Duration = Period.FromDays(3000),
            Recertifications = [new Recertification(null), new Recertification(date) { Duration = Period.FromYears(5000) }, new Recertification(null)],
        };
        var note = new TreatmentNote
        {
            DateOfService = date,
            Signature = new NoteSignature { IsSigned = true, SignedOn = date },
            Episode = new EpisodeContext { FirstTreatmentDate = date, TreatmentDays = [date], ProgressReports = [new ProgressReport(date, ClinicianRole.Therapist) { PeriodEnd = date }], PlanOfCare = plan },
        };
        var encounter = new Encounter("e", date, [TreatmentSegment.FromMinutes(CptCode.Parse("97110"), 30)])
        {
            Documentation = note,
            PayerId = "medicare",
            Authorization = new Authorization("a", 10, date, date),
        };

        var report = ComplianceEngine.Check(encounter);
        Assert.NotNull(report);
    }

    [Theory]
    [InlineData("visits", "2147483647")]
    [InlineData("visitsUsed", "2147483647")]
    [InlineData("visits", "10001")]
    public void Read_AuthorizationCountBeyondItsRange_IsAnInputError(string field, string number)
    {
        string authorization = "{\"id\":\"A\",\"visits\":12,\"from\":\"2026-01-01\",\"through\":\"2026-02-01\",\"visitsUsed\":3,\"" + field + "\":" + number + "}";
        var diagnostics = ReadAndCheck("{" + Head + ",\"payer\":\"medicare\",\"authorization\":" + authorization + "}");
        AssertInputError(diagnostics, "authorization." + field);
    }

    [Fact]
    public void Read_ManyAssistantSegmentsOfAWholeDay_NeverThrow()
    {
        var json = new StringBuilder("{\"id\":\"big\",\"dateOfService\":\"2026-01-05\",\"payer\":\"medicare\",\"segments\":[");
        for (int i = 0; i < 15_000; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append("{\"code\":\"G0283\",\"minutes\":1440,\"furnishedBy\":\"assistant\",\"assistantMinutes\":1440}");
        }

        var diagnostics = ReadAndCheck(json.Append("]}").ToString());
        Assert.NotEmpty(diagnostics);
    }
}
