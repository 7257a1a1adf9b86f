using System.Text.Json;

namespace TherapyBilling.Rules.Tests.Serialization;

/// <summary>The optional segment field <c>region</c> (anatomic NCCI edits, issue 13).</summary>
public sealed class EncounterJsonRegionTests
{
    private static EncounterReadResult Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return EncounterJson.Read(document.RootElement);
    }

    [Fact]
    public void Region_IsReadTrimmed_AndBlankOrAbsentIsNull()
    {
        var read = Read("""{"id":"e","dateOfService":"2026-01-05","segments":[{"code":"97012","minutes":15,"region":" cervical "},{"code":"97140","minutes":23,"region":"  "},{"code":"97110","minutes":8}]}""");

        Assert.Empty(read.Diagnostics);
        Assert.Equal(["cervical", null, null], read.Encounter!.Segments.Select(static s => s.Region));
    }

    [Fact]
    public void Region_NotAString_IsAnInputErrorThatDoesNotEchoTheValue()
    {
        var read = Read("""{"id":"e","dateOfService":"2026-01-05","segments":[{"code":"97140","minutes":23,"region":42}]}""");

        var d = Assert.Single(read.Diagnostics);
        Assert.Equal("segments[0].region", d.Path);
        Assert.DoesNotContain("42", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_IsNeverEchoedInFindings()
    {
        var read = Read("""{"id":"e","dateOfService":"2026-01-05","discipline":"PT","segments":[{"code":"97012","minutes":15,"region":"Secret-Region-Text"},{"code":"97140","minutes":23,"region":"Other-Region-Text","modifiers":["GP","XS"]}]}""");

        var report = ComplianceEngine.Check(read.Encounter!);

        Assert.DoesNotContain(report.Diagnostics, static d => d.Message.Contains("Region-Text", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Diagnostics, static d => d.Id == DiagnosticIds.XsOnTimedTherapy); // 97012/97140 on different regions
    }
}
