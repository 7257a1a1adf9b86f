using System.Text.Json;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Batch;

/// <summary>Issue 12: an unexpected exception while reading or checking one record is that record's TBR015; the run goes on and exits 2.</summary>
public sealed class IsolationTests
{
    private const string Good = """{"id":"good","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]}]}""";

    /// <summary>Records that once made the whole run end in "internal error" (issue 12); each sits between two good records.</summary>
    public static TheoryData<string> OnceCrashing() => new()
    {
        """{"id":"x","dateOfService":"2026-03-20","discipline":"PT","payer":"medicare","allowedAmount":-0,"kxYearToDateAllowed":2410.0,"segments":[{"code":"97110","minutes":20,"modifiers":["GP"]}]}""",
        """{"id":"x","dateOfService":"2026-03-20","discipline":"PT","payer":"medicare","allowedAmount":79228162514264337593543950335,"kxYearToDateAllowed":2410.0,"segments":[{"code":"97110","minutes":20,"modifiers":["GP"]}]}""",
        """{"id":"x","dateOfService":"2026-01-05","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]}],"documentation":{"episode":{"firstTreatmentDate":"2025-12-22","planOfCare":{"signedOn":"2025-12-26","durationDays":2147483647}}}}""",
        """{"id":"x","dateOfService":"9999-12-31","discipline":"OT","segments":[{"code":"97535","minutes":23,"modifiers":["GO"]}],"documentation":{"signature":{"signed":true,"credentials":"OTR/L","role":"therapist","signedOn":"9999-12-31"},"episode":{"firstTreatmentDate":"9999-12-01","planOfCare":{"signedOn":"9999-12-01","durationDays":90}}}}""",
        """{"id":"x","dateOfService":"2026-01-05","discipline":"PT","payer":"medicare","authorization":{"id":"A1","visits":2147483647,"visitsUsed":2147483647},"segments":[{"code":"97110","minutes":20,"modifiers":["GP"]}]}""",
    };

    [Theory]
    [MemberData(nameof(OnceCrashing))]
    public void Check_RecordThatOnceCrashed_EveryRecordStillWrittenInOrder(string bad)
    {
        string ndjson = Good.Replace("good", "a", StringComparison.Ordinal) + "\n" + bad + "\n" + Good.Replace("good", "c", StringComparison.Ordinal) + "\n";
        var run = CliRunner.Run(["check", "-", "--input-format", "ndjson", "--format", "ndjson"], ndjson);

        Assert.DoesNotContain("internal error (", run.Stderr, StringComparison.Ordinal);
        Assert.InRange(run.ExitCode, 0, 2);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // three records and the summary
        Assert.Equal(new[] { "a", "x", "c" }, lines[..3].Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [Fact]
    public void CheckIsolated_CheckThrows_Tbr015WithTheTypeOnly_RecordFails()
    {
        using var doc = JsonDocument.Parse("""{"id":"boom","dateOfService":"2026-01-05"}""");
        var record = new InputRecord(4, 5, doc.RootElement);
        var result = Checker.CheckIsolated(record, ComplianceOptions.Default, Severity.Error, RecordLimits.Default, (_, _, _, _) => throw new OverflowException("patient Jane Doe 1961"));

        Assert.False(result.Passed);
        Assert.Null(result.Report);
        Assert.Equal("boom", result.Id);
        Assert.Equal((4, 5), (result.Index, result.Line));
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.InternalError, finding.Id);
        Assert.Contains("OverflowException", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", finding.Message, StringComparison.Ordinal);
        Assert.True(Checker.IsInputError(result));
    }

    [Fact]
    public void CheckIsolated_NoException_SameAsCheck()
    {
        using var doc = JsonDocument.Parse(Good);
        var record = new InputRecord(0, null, doc.RootElement);
        var isolated = Checker.CheckIsolated(record, ComplianceOptions.Default, Severity.Error, RecordLimits.Default);
        var direct = Checker.Check(record, ComplianceOptions.Default, Severity.Error, RecordLimits.Default);
        Assert.Equal(direct.Passed, isolated.Passed);
        Assert.Equal(direct.Diagnostics.Select(d => d.Id), isolated.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void CheckIsolated_NdjsonLine_SameAsCheckOfItsElement_AndCheckRefusesTheUnparsedLine()
    {
        var line = new InputRecord(0, 3, default, Utf8Line: System.Text.Encoding.UTF8.GetBytes(Good));
        using var doc = JsonDocument.Parse(Good);
        var viaLine = Checker.CheckIsolated(line, ComplianceOptions.Default, Severity.Error, RecordLimits.Default);
        var viaElement = Checker.Check(new InputRecord(0, 3, doc.RootElement), ComplianceOptions.Default, Severity.Error, RecordLimits.Default);

        Assert.Equal(viaElement.Id, viaLine.Id);
        Assert.Equal(viaElement.Diagnostics.Select(d => d.Id + d.Path), viaLine.Diagnostics.Select(d => d.Id + d.Path));
        Assert.Throws<ArgumentException>(() => Checker.Check(line, ComplianceOptions.Default, Severity.Error, RecordLimits.Default));
    }

    [Fact]
    public void Check_Tbr015_StderrOneLineNamingThePosition_NoStackTrace()
    {
        using var doc = JsonDocument.Parse("""{"id":"boom","dateOfService":"2026-01-05"}""");
        var result = Checker.CheckIsolated(new InputRecord(0, 2, doc.RootElement), ComplianceOptions.Default, Severity.Error, RecordLimits.Default, (_, _, _, _) => throw new InvalidOperationException());
        Assert.Equal(DiagnosticIds.InternalError, Checker.FirstInputDiagnostic(result)?.Id);
        Assert.DoesNotContain(" at ", result.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
