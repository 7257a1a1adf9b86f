using System.Text.Json;

namespace TherapyBilling.Rules.Tests.Serialization;

public sealed class RecordLimitsTests
{
    private static string Record(int segments, int lines) =>
        "{\"id\":\"e\",\"dateOfService\":\"2026-01-05\",\"segments\":[" + string.Join(',', Enumerable.Repeat("{\"code\":\"97110\",\"minutes\":1}", segments))
        + "],\"lines\":[" + string.Join(',', Enumerable.Repeat("{\"code\":\"97110\",\"units\":1}", lines)) + "]}";

    [Theory]
    [InlineData(3, 3, null)]
    [InlineData(4, 3, "segments")]
    [InlineData(3, 4, "lines")]
    public void Check_CountsOverTheLimit_Tbr016(int segments, int lines, string? path)
    {
        var limits = new RecordLimits { MaxSegments = 3, MaxBilledLines = 3 };
        using var doc = JsonDocument.Parse(Record(segments, lines));
        var d = limits.Check(doc.RootElement);
        if (path is null)
        {
            Assert.Null(d);
            return;
        }

        Assert.NotNull(d);
        Assert.Equal(DiagnosticIds.RecordTooLarge, d.Id);
        Assert.Equal(path, d.Path);
        Assert.Contains("more than 3", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckBytes_OverTheLimit_Tbr016()
    {
        var limits = RecordLimits.Default with { MaxRecordBytes = 100 };
        Assert.Null(limits.CheckBytes(100));
        Assert.Equal(DiagnosticIds.RecordTooLarge, limits.CheckBytes(101)?.Id);
    }

    [Fact]
    public void Defaults_AreDocumented()
    {
        Assert.Equal(16L * 1024 * 1024, RecordLimits.Default.MaxRecordBytes);
        Assert.Equal(1000, RecordLimits.Default.MaxSegments);
        Assert.Equal(1000, RecordLimits.Default.MaxBilledLines);
    }

    [Fact]
    public void Limits_BelowOne_AreMisuse()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordLimits { MaxRecordBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordLimits { MaxSegments = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecordLimits { MaxBilledLines = -1 });
    }
}
