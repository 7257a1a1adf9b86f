using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>One test per rule of issue 3 (rules reference §4 and §5).</summary>
public sealed class CodePairCheckTests
{
    // --- the split-block case (CMS modifier-59 article, example 9) ---

    [Fact]
    public void Check_SplitBlocks_XuOn97530_Bypassed()
    {
        var result = Billed(SplitBlocks(), [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "XU")]);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(C97140, outcome.Column1);
        Assert.Equal(C97530, outcome.Column2);
        Assert.Equal(PairStatus.Bypassed, outcome.Status);
        Assert.Equal(TimeEvidence.Distinct, outcome.Time);
        Assert.Equal(Modifier.XU, outcome.Modifier);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Fixes);
    }

    [Fact]
    public void Check_SplitBlocks_59On97530_BypassedWithXuSuggestion()
    {
        var result = Billed(SplitBlocks(), [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "59")]);

        Assert.Equal(PairStatus.Bypassed, Assert.Single(result.Outcomes).Status);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PreferXModifier, d.Id);
        Assert.Equal(Severity.Info, d.Severity);
        Assert.Equal("lines[1].modifiers[1]", d.Path);
        Assert.Contains(result.Fixes, f => f.LineIndex == 1 && f.Action == ModifierFixAction.Add && f.Modifier == Modifier.XU);
        Assert.Contains(result.Fixes, f => f.LineIndex == 1 && f.Action == ModifierFixAction.Remove && f.Modifier == Modifier.Distinct59);
    }

    [Fact]
    public void Check_SplitBlocksOverlapping_XuNotSupported()
    {
        TreatmentSegment[] segments = [Seg(C97140, "09:00", "09:10"), Seg(C97530, "09:05", "09:20"), Seg(C97140, "09:20", "09:25")];
        var result = Billed(segments, [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "XU")]);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(PairStatus.Failed, outcome.Status);
        Assert.Equal(TimeEvidence.Overlapping, outcome.Time);
        Assert.Equal(new SharedTime(0, 1, 5), Assert.Single(outcome.SharedTimes));
        var notSupported = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.PairModifierNotSupported);
        Assert.Equal(Severity.Error, notSupported.Severity);
        Assert.Equal("lines[1].modifiers[1]", notSupported.Path);
        Assert.Equal("5", notSupported.GetArgument("minutes"));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.SamePeriodTimedCodes);
        Assert.DoesNotContain(result.Fixes, f => f.Modifier == Modifier.XU || f.Modifier == Modifier.Distinct59);
        Assert.Contains(result.Fixes, f => f.Action == ModifierFixAction.DocumentTimes && f.DiagnosticId == DiagnosticIds.PairModifierNotSupported);
    }

    // --- time intervals ---

    [Fact]
    public void Check_TwoTimedCodesShareMinutes_ErrorNamingBothSegmentsAndMinutes()
    {
        var result = Billed([Seg(C97110, "10:00", "10:20"), Seg(C97112, "10:15", "10:30")], [Line(C97110, 1, "GP"), Line(C97112, 1, "GP")]);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.SamePeriodTimedCodes, d.Id);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal("segments[1]", d.Path);
        Assert.Equal("0", d.GetArgument("other"));
        Assert.Equal("1", d.GetArgument("segment"));
        Assert.Equal("5", d.GetArgument("minutes"));
        Assert.Equal("2", d.GetArgument("count"));
        Assert.Equal("97110, 97112", d.GetArgument("codes"));
        Assert.Equal("10:00", d.GetArgument("from")); // the overlapping group's extent
        Assert.Equal("10:30", d.GetArgument("to"));
        Assert.Empty(result.Outcomes); // no edit pairs 97110/97112
    }

    [Fact]
    public void Check_SupervisedModalityDuringTimedCode_Exempt()
    {
        var result = Billed([Seg(C97010, "10:00", "10:15"), Seg(C97110, "10:00", "10:15")], [Line(C97010, 1, "GP"), Line(C97110, 1, "GP")]);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.SamePeriodTimedCodes);
    }

    [Fact]
    public void Check_SameCodeTwiceOverlapping_NotASeparationFinding()
    {
        var result = Billed([Seg(C97110, "10:00", "10:20"), Seg(C97110, "10:10", "10:30")], [Line(C97110, 2, "GP")]);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Check_AdjacentSegments_DoNotShareAMinute()
    {
        var result = Billed([Seg(C97110, "10:00", "10:15"), Seg(C97112, "10:15", "10:30")], [Line(C97110, 1, "GP"), Line(C97112, 1, "GP")]);
        Assert.Empty(result.Diagnostics);
    }

    // --- indicator 0 ---

    [Fact]
    public void Check_IndicatorZero_FailsWhateverTheModifier()
    {
        var table = PtpEditTable.Create("t", "t", [Edit(C97530, C97535, ModifierIndicator.NotAllowed)]);
        var result = Billed([Seg(C97530, "09:00", "09:15"), Seg(C97535, "09:15", "09:30")], [Line(C97530, 1, "GP"), Line(C97535, 1, "GP", "XU")], table: table);

        Assert.Equal(PairStatus.Failed, Assert.Single(result.Outcomes).Status);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairNotPayable, d.Id);
        Assert.Equal("lines[1]", d.Path);
        Assert.Equal(Severity.Error, d.Severity);
    }

    // --- indicator 1 ---

    [Fact]
    public void Check_IndicatorOne_NoModifier_ErrorOnColumnTwo_FixAddsXuWhenTimesDistinct()
    {
        var result = Billed([Seg(C97530, "09:00", "09:15"), Seg(C97535, "09:15", "09:30")], [Line(C97535, 1, "GP"), Line(C97530, 1, "GP")], table: SourcedRelease);

        Assert.Equal(PairStatus.Failed, Assert.Single(result.Outcomes).Status);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairModifierMissing, d.Id);
        Assert.Equal("lines[0]", d.Path);
        var fix = Assert.Single(result.Fixes);
        Assert.Equal(new ModifierFix(0, C97535, ModifierFixAction.Add, Modifier.XU, fix.Reason, DiagnosticIds.PairModifierMissing, "lines[0]"), fix);
    }

    [Fact]
    public void Check_IndicatorOne_NoModifier_TimesUnknown_FixIsDocumentTimesNotXu()
    {
        var result = Billed([Min(C97530, 15), Min(C97535, 15)], [Line(C97530, 1, "GP"), Line(C97535, 1, "GP")], table: SourcedRelease);
        Assert.Equal(DiagnosticIds.PairModifierMissing, Assert.Single(result.Diagnostics).Id);
        var fix = Assert.Single(result.Fixes);
        Assert.Equal(ModifierFixAction.DocumentTimes, fix.Action);
        Assert.Null(fix.Modifier);
    }

    [Fact]
    public void Check_IndicatorOne_ModifierButTimesUnknown_NotCheckedNeverPassed()
    {
        var result = Billed([Min(C97530, 15), Min(C97535, 15)], [Line(C97530, 1, "GP"), Line(C97535, 1, "GP", "XU")], table: SourcedRelease);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(PairStatus.NotChecked, outcome.Status);
        Assert.Equal(TimeEvidence.Unknown, outcome.Time);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairTimesNotChecked, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("lines[1].modifiers[1]", d.Path);
        Assert.Equal(ModifierFixAction.DocumentTimes, Assert.Single(result.Fixes).Action);
    }

    [Fact]
    public void Check_IndicatorOne_SomeTimesMissing_NotChecked()
    {
        var result = Billed([Seg(C97530, "09:00", "09:15"), Min(C97535, 15)], [Line(C97530, 1, "GP"), Line(C97535, 1, "GP", "XU")]);
        Assert.Equal(PairStatus.NotChecked, Assert.Single(result.Outcomes).Status);
    }

    [Fact]
    public void Check_ModifierOnlyOnColumnOne_ErrorWithFixToMoveIt()
    {
        var result = Billed(SplitBlocks(), [Line(C97140, 1, "GP", "59"), Line(C97530, 1, "GP")]);

        Assert.Equal(PairStatus.Failed, Assert.Single(result.Outcomes).Status);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairModifierOnColumnOne, d.Id);
        Assert.Equal("lines[0].modifiers[1]", d.Path);
        Assert.Contains("belongs on 97530", d.Message);
        Assert.Contains(result.Fixes, f => f.LineIndex == 0 && f.Action == ModifierFixAction.Remove && f.Modifier == Modifier.Distinct59);
        Assert.Contains(result.Fixes, f => f.LineIndex == 1 && f.Action == ModifierFixAction.Add && f.Modifier == Modifier.XU);
    }

    [Fact]
    public void Check_XsOnTimedTherapy_Warning()
    {
        var result = Billed(SplitBlocks(), [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "XS")]);

        Assert.Equal(PairStatus.Bypassed, Assert.Single(result.Outcomes).Status);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.XsOnTimedTherapy, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains(result.Fixes, f => f.Action == ModifierFixAction.Add && f.Modifier == Modifier.XU);
    }

    [Fact]
    public void Check_59WithTimesUnknown_SuggestionButNoXuFix()
    {
        var result = Billed([Min(C97140, 15), Min(C97530, 15)], [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "59")]);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.PreferXModifier);
        Assert.DoesNotContain(result.Fixes, f => f.Modifier == Modifier.XU);
    }

    [Fact]
    public void Check_ReEvaluationBesideTherapy_59OnTheReEvaluation()
    {
        var result = Billed([Seg(C97164, "08:30", "09:00"), Seg(C97110, "09:00", "09:30")], [Line(C97110, 2, "GP"), Line(C97164, 1, "GP")]);
        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(C97110, outcome.Column1);
        Assert.Equal(C97164, outcome.Column2);
        Assert.Equal("lines[1]", Assert.Single(result.Diagnostics).Path);
    }

    // --- unnecessary modifiers ---

    [Fact]
    public void Check_59WhereNoEditPairsTheCodes_Warning()
    {
        // From a complete CMS release only (the shipped subset gives TBR316, see CodePairCheckDataTests).
        var result = Billed([Seg(C97110, "09:00", "09:15"), Seg(C97535, "09:15", "09:30")], [Line(C97110, 1, "GP"), Line(C97535, 1, "GP", "59")], table: SourcedRelease);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnnecessaryPairModifier, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("lines[1].modifiers[1]", d.Path);
        Assert.Equal(new ModifierFix(1, C97535, ModifierFixAction.Remove, Modifier.Distinct59, Assert.Single(result.Fixes).Reason, DiagnosticIds.UnnecessaryPairModifier, "lines[1].modifiers[1]"), Assert.Single(result.Fixes));
    }

    [Fact]
    public void Check_EditNotInForceOnTheDate_ModifierUnnecessary()
    {
        var table = PtpEditTable.Create("t", "t", [Edit(C97140, C97530, ModifierIndicator.Allowed, new LocalDate(2010, 1, 1), new LocalDate(2020, 1, 1))], isComplete: true);
        var result = Billed(SplitBlocks(), [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "XU")], table: table);
        Assert.Empty(result.Outcomes);
        Assert.Equal(DiagnosticIds.UnnecessaryPairModifier, Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Check_IndicatorNine_PassedAndNotRestricting()
    {
        var table = PtpEditTable.Create("t", "t", [Edit(C97140, C97530, ModifierIndicator.NotApplicable)]);
        var result = Billed(SplitBlocks(), [Line(C97140, 1, "GP"), Line(C97530, 1, "GP")], table: table);
        Assert.Equal(PairStatus.Passed, Assert.Single(result.Outcomes).Status);
        Assert.Empty(result.Diagnostics);
    }

    // --- discipline modifiers ---

    [Fact]
    public void Check_DisciplineModifierMissing_ErrorAndFixAddsThePlansModifier()
    {
        var result = Billed([Min(C97535, 15)], [Line(C97535, 1)], Discipline.OccupationalTherapy);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.DisciplineModifierMissing, d.Id);
        Assert.Equal("lines[0]", d.Path);
        Assert.Equal(Modifier.GO, Assert.Single(result.Fixes).Modifier);
    }

    [Fact]
    public void Check_DisciplineModifierMismatch_Error()
    {
        var result = Billed([Min(C97535, 15)], [Line(C97535, 1, "GP")], Discipline.OccupationalTherapy);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.DisciplineModifierMismatch, d.Id);
        Assert.Equal("lines[0].modifiers[0]", d.Path);
        Assert.Equal(2, result.Fixes.Length);
    }

    [Fact]
    public void Check_SeveralDisciplineModifiers_Error()
    {
        var result = Billed([Min(C97535, 15)], [Line(C97535, 1, "GP", "GO")], null);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.DisciplineModifierSeveral, d.Id);
        Assert.Empty(result.Fixes); // discipline unknown: which one to keep is the user's call
    }

    [Fact]
    public void Check_DisciplineUnknown_OnlyMissingOrSeveralJudged()
    {
        Assert.Empty(Billed([Min(C97535, 15)], [Line(C97535, 1, "GN")], null).Diagnostics);
        Assert.Equal(DiagnosticIds.DisciplineModifierMissing, Assert.Single(Billed([Min(C97535, 15)], [Line(C97535, 1)], null).Diagnostics).Id);
    }

    // --- computed lines ---

    [Fact]
    public void Check_ComputedLines_PathsPointAtTheCodesFirstSegment()
    {
        TreatmentSegment[] segments = [Seg(C97140, "09:00", "09:10", "GP"), Seg(C97530, "09:10", "09:25", "GP"), Seg(C97140, "09:25", "09:30", "GP")];
        var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        var result = CodePairCheck.Check(SeparationInput.FromUnitCalculation(Dos, segments, units, Discipline.PhysicalTherapy));

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.PairModifierMissing, d.Id);
        Assert.Equal("segments[1]", d.Path);
        Assert.Equal(ModifierFixAction.Add, Assert.Single(result.Fixes).Action);
    }

    [Fact]
    public void FromUnitCalculation_SkipsZeroUnitLines()
    {
        TreatmentSegment[] segments = [Min(C97110, 33, "GP"), Min(C97140, 3, "GP", "59")];
        var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        var input = SeparationInput.FromUnitCalculation(Dos, segments, units);
        Assert.Equal([C97110], input.Lines.Select(l => l.Code));
    }

    [Fact]
    public void Check_Misuse_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CodePairCheck.Check(null!));
        Assert.Throws<ArgumentNullException>(() => SeparationInput.FromBilledLines(Dos, null!, []));
        Assert.Throws<ArgumentException>(() => SeparationInput.FromBilledLines(Dos, [null!], []));
    }

    [Fact]
    public void Descriptors_AreInTheCatalogWithSeparationCategory()
    {
        var ours = DiagnosticDescriptors.All.Where(d => d.Id.StartsWith("TBR3", StringComparison.Ordinal)).ToArray();
        Assert.Equal(16, ours.Length);
        Assert.All(ours, d => Assert.Equal("Separation", d.Category));
        Assert.All(ours, d => Assert.True(File.Exists(Path.Combine(RepoRoot(), "docs", "diagnostics", d.Id + ".md")), d.Id + " has no docs page"));
    }

    /// <summary>A complete table whose 97530/97535 row is sourced (the shipped subset's is [L], which makes its findings verify warnings).</summary>
    private static PtpEditTable SourcedRelease { get; } = PtpEditTable.Create("release", "release", [Edit(C97530, C97535, ModifierIndicator.Allowed)], isComplete: true);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TherapyBilling.Rules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
