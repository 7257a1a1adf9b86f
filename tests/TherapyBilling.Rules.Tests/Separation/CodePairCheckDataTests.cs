using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>Findings that know their data: absence of an edit only from a complete CMS table; [L] rows are verify warnings; XS on anatomic edits.</summary>
public sealed class CodePairCheckDataTests
{
    private static readonly CptCode s_97012 = CptCode.Parse("97012");
    private static readonly CptCode s_98940 = CptCode.Parse("98940");
    private static readonly CptCode s_97161 = CptCode.Parse("97161");

    /// <summary>A complete CMS release (as after --ptp-file with f1…f4): 97150/97110, 97161/97140 and 97530/97535 are edits in it.</summary>
    private static readonly PtpEditTable s_release = PtpEditTable.Create("ccipra-v321r0", "ccipra-v321r0.zip",
    [
        new PtpEdit(C97150, C97110, new LocalDate(2020, 10, 1), null, ModifierIndicator.Allowed, "Mutually exclusive procedures", "ccipra-v321r0-f4.txt"),
        new PtpEdit(s_97161, C97140, new LocalDate(2020, 10, 1), null, ModifierIndicator.Allowed, "Standards of medical / surgical practice", "ccipra-v321r0-f4.txt"),
        new PtpEdit(C97530, C97535, new LocalDate(2020, 1, 1), null, ModifierIndicator.Allowed, "Standards of medical / surgical practice", "ccipra-v321r0-f4.txt"),
        new PtpEdit(s_97012, C97140, new LocalDate(2000, 1, 1), null, ModifierIndicator.Allowed, "Mutually exclusive procedures", "ccipra-v321r0-f4.txt"),
        new PtpEdit(s_98940, C97140, new LocalDate(2000, 1, 1), null, ModifierIndicator.Allowed, "Misuse of column two code with column one code", "ccipra-v321r0-f4.txt"),
        new PtpEdit(C97140, C97530, new LocalDate(2000, 1, 1), null, ModifierIndicator.Allowed, "Mutually exclusive procedures", "ccipra-v321r0-f4.txt"),
    ], isComplete: true);

    [Fact]
    public void ModifierWithoutEdit_ShippedSubset_InfoNotInSubsetNoRemoveFix()
    {
        // 97150/97110 is a real edit the shipped subset lacks: "remove the modifier" would get the claim denied.
        var result = Billed([Seg(C97150, "09:00", "09:30"), Seg(C97110, "09:30", "09:53")], [Line(C97150, 1, "GP"), Line(C97110, 2, "GP", "XU")]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairNotInSubset, d.Id);
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Contains("shipped subset (version", d.Message, StringComparison.Ordinal);
        Assert.Contains("--ptp-file", d.Message, StringComparison.Ordinal);
        Assert.Empty(result.Fixes);
    }

    [Fact]
    public void ModifierWithoutEdit_EvaluationAnd97140_SubsetInfo_ReleaseFindsTheEdit()
    {
        TreatmentSegment[] segments = [Min(s_97161, 30), Seg(C97140, "10:00", "10:23")];
        BilledLine[] lines = [Line(s_97161, 1, "GP"), Line(C97140, 2, "GP", "59")];

        Assert.Equal([DiagnosticIds.PairNotInSubset], Ids(Billed(segments, lines)).Where(static id => id != DiagnosticIds.PreferXModifier));
        Assert.DoesNotContain(DiagnosticIds.PairNotInSubset, Ids(Billed(segments, lines, table: s_release)));
        Assert.DoesNotContain(DiagnosticIds.UnnecessaryPairModifier, Ids(Billed(segments, lines, table: s_release)));
    }

    [Fact]
    public void ModifierWithoutEdit_CompleteRelease_Tbr309WithRemoveFix()
    {
        var result = Billed([Seg(C97110, "09:00", "09:23"), Seg(C97112, "09:23", "09:46")], [Line(C97110, 2, "GP"), Line(C97112, 2, "GP", "XU")], table: s_release);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnnecessaryPairModifier, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("complete pair table (CMS release (ccipra-v321r0", d.Message, StringComparison.Ordinal);
        Assert.Equal(ModifierFixAction.Remove, Assert.Single(result.Fixes).Action);
    }

    [Fact]
    public void ModifierWithoutEdit_IncompleteRelease_Info()
    {
        var onePart = PtpEditTable.LoadCms(new StringReader(CmsReleaseFiles.PtpPreamble + CmsReleaseFiles.Parts[3]), "ccipra-v321r0-f4.txt");

        var result = Billed([Seg(C97110, "09:00", "09:23"), Seg(C97112, "09:23", "09:46")], [Line(C97110, 2, "GP"), Line(C97112, 2, "GP", "XU")], table: onePart);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairNotInSubset, d.Id);
        Assert.Contains("incomplete", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LowConfidenceRow_ShippedSubset_WarningThatSaysVerifyAndNoAddFix()
    {
        // 97530/97535 is tagged [L verify] in the shipped subset.
        Assert.True(PtpEditTable.Default.FindInForce(C97530, C97535, Dos)!.IsLowConfidence);
        var result = Billed([Seg(C97530, "09:00", "09:23"), Seg(C97535, "09:23", "09:46")], [Line(C97530, 2, "GP"), Line(C97535, 2, "GP")]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairModifierMissing, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("verify in the current CMS file", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Fixes, static f => f.Action == ModifierFixAction.Add);
    }

    [Fact]
    public void LowConfidenceRow_AfterLoadingTheCmsRelease_OrdinaryError()
    {
        var result = Billed([Seg(C97530, "09:00", "09:23"), Seg(C97535, "09:23", "09:46")], [Line(C97530, 2, "GP"), Line(C97535, 2, "GP")], table: s_release);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairModifierMissing, d.Id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.DoesNotContain("verify", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{verify}", d.Message, StringComparison.Ordinal);
        Assert.Contains(result.Fixes, static f => f.Action == ModifierFixAction.Add && f.Modifier == Modifier.XU);
    }

    [Fact]
    public void SourcedRow_ShippedSubset_StaysAnError()
    {
        var result = Billed([Seg(C97140, "09:00", "09:23"), Seg(C97530, "09:23", "09:46")], [Line(C97140, 2, "GP"), Line(C97530, 2, "GP")]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.DoesNotContain("{verify}", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("97012")]
    [InlineData("98940")]
    public void XsOnAnatomicEdit_DifferentRegions_Accepted(string other)
    {
        var code = CptCode.Parse(other);
        TreatmentSegment[] segments = [Min(code, 15) with { Region = "cervical" }, Min(C97140, 23) with { Region = "Lumbar " }];

        var result = Billed(segments, [Line(code, 1, "GP"), Line(C97140, 2, "GP", "XS")], table: s_release);

        Assert.DoesNotContain(DiagnosticIds.XsOnTimedTherapy, Ids(result));
        Assert.DoesNotContain(DiagnosticIds.PairTimesNotChecked, Ids(result));
        Assert.Equal(PairStatus.Bypassed, Assert.Single(result.Outcomes).Status);
    }

    [Fact]
    public void XsOnAnatomicEdit_ShippedRowWhoseRationaleNamesTheRegion_Accepted()
    {
        TreatmentSegment[] segments = [Min(s_97012, 15) with { Region = "cervical" }, Min(C97140, 23) with { Region = "lumbar" }];

        var result = Billed(segments, [Line(s_97012, 1, "GP"), Line(C97140, 2, "GP", "XS")]);

        Assert.DoesNotContain(DiagnosticIds.XsOnTimedTherapy, Ids(result));
        Assert.Equal(PairStatus.Bypassed, Assert.Single(result.Outcomes).Status);
    }

    [Theory]
    [InlineData("cervical", "CERVICAL")]
    [InlineData(null, "lumbar")]
    [InlineData("cervical", null)]
    public void XsOnAnatomicEdit_SameOrMissingRegion_StillFlagged(string? first, string? second)
    {
        TreatmentSegment[] segments = [Min(s_97012, 15) with { Region = first }, Min(C97140, 23) with { Region = second }];

        var result = Billed(segments, [Line(s_97012, 1, "GP"), Line(C97140, 2, "GP", "XS")], table: s_release);

        Assert.Contains(DiagnosticIds.XsOnTimedTherapy, Ids(result));
        Assert.NotEqual(PairStatus.Bypassed, Assert.Single(result.Outcomes).Status);
    }

    [Fact]
    public void XsOnTimeBasedPair_EvenWithRegions_StillFlagged()
    {
        TreatmentSegment[] segments = [Seg(C97140, "09:00", "09:23") with { Region = "cervical" }, Seg(C97530, "09:23", "09:46") with { Region = "lumbar" }];

        var result = Billed(segments, [Line(C97140, 2, "GP"), Line(C97530, 2, "GP", "XS")], table: s_release);

        Assert.Contains(DiagnosticIds.XsOnTimedTherapy, Ids(result));
    }
}
