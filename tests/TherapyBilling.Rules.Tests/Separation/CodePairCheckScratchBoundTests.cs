using System.Collections.Immutable;
using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>
/// The pair check keeps its per-call scratch on the stack up to <see cref="CodePairCheck.StackLimit"/> lines or
/// segments and in arrays above: the same findings on both sides of the bound, and the same from the engine's own
/// path (no <see cref="SeparationInput"/>) as from the public check.
/// </summary>
public sealed class CodePairCheckScratchBoundTests
{
    public static TheoryData<int> Counts => [2, CodePairCheck.StackLimit - 1, CodePairCheck.StackLimit, CodePairCheck.StackLimit + 1, 40];

    /// <summary>Alternating 97530/97535 segments of 10 minutes, 1 minute apart; the last one starts 5 minutes early when <paramref name="overlapLast"/>.</summary>
    private static TreatmentSegment[] Alternating(int count, bool overlapLast)
    {
        var segments = new TreatmentSegment[count];
        var start = new LocalTime(8, 0);
        for (int k = 0; k < count; k++)
        {
            if (overlapLast && k == count - 1)
            {
                start = start.PlusMinutes(-6); // the previous one ended 1 minute ago: 5 shared minutes
            }

            segments[k] = TreatmentSegment.FromTimes(k % 2 == 0 ? C97530 : C97535, start, start.PlusMinutes(10)) with { Modifiers = [Modifier.GP] };
            start = start.PlusMinutes(11);
        }

        return segments;
    }

    /// <summary>One billed line per segment: 97530 GP, 97535 GP XU.</summary>
    private static BilledLine[] LinesFor(int count) =>
        [.. Enumerable.Range(0, count).Select(k => k % 2 == 0 ? Line(C97530, 1, "GP") : Line(C97535, 1, "GP", "XU"))];

    [Theory]
    [MemberData(nameof(Counts))]
    public void Check_DistinctIntervals_BypassedOnBothSidesOfTheBound(int count)
    {
        var result = Billed(Alternating(count, overlapLast: false), LinesFor(count));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal((C97530, C97535), (outcome.Column1, outcome.Column2));
        Assert.Equal(PairStatus.Bypassed, outcome.Status);
        Assert.Equal(TimeEvidence.Distinct, outcome.Time);
        Assert.Empty(result.Diagnostics);
        Assert.Equal("97530/97535 ind. 1 2020-01-01..*: bypassed - XU on 97535, segments in distinct time intervals (time evidence: distinct)", outcome.Explanation);
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void Check_LastSegmentOverlaps_FoundOnBothSidesOfTheBound(int count)
    {
        var result = Billed(Alternating(count, overlapLast: true), LinesFor(count));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(TimeEvidence.Overlapping, outcome.Time);
        Assert.Equal([new SharedTime(count - 2, count - 1, 5)], outcome.SharedTimes.ToArray());
        Assert.Equal(count / 2, result.Diagnostics.Count(d => d.Id == DiagnosticIds.PairModifierNotSupported));
        Assert.Equal($"segments[{count - 1}]", Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.SamePeriodTimedCodes).Path);
        Assert.EndsWith("the segments share 5 minute(s): no modifier can show distinct intervals; correct the times (time evidence: overlapping)", outcome.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void Engine_BilledLines_SameSeparationFindingsAsThePublicCheck(int count)
    {
        var segments = Alternating(count, overlapLast: true);
        var lines = LinesFor(count);
        var encounter = new Encounter("e1", Dos, segments) { BilledLines = [.. lines], Discipline = Discipline.PhysicalTherapy };

        var expected = CodePairCheck.Check(
            SeparationInput.FromBilledLines(Dos, segments, lines, Discipline.PhysicalTherapy),
            SeparationOptions.Default with { ReportTimeOverlaps = false });

        Assert.NotEmpty(expected.Diagnostics);
        Assert.Equal(Describe(expected.Diagnostics), Describe(SeparationFindings(encounter)));
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void Engine_ComputedLines_SameSeparationFindingsAsThePublicCheck(int count)
    {
        // Segment modifiers that differ per segment of a code: the computed line carries them all, first seen first.
        var segments = Alternating(count, overlapLast: true)
            .Select((s, k) => k % 4 == 1 ? s with { Modifiers = [Modifier.XU, Modifier.GP] } : k % 4 == 3 ? s with { Modifiers = [Modifier.GP, Modifier.GO] } : s)
            .ToArray();
        var encounter = new Encounter("e1", Dos, segments) { Discipline = Discipline.PhysicalTherapy, Method = UnitMethod.Cms };
        var units = UnitCalculator.Calculate(segments, UnitMethod.Cms, new UnitCalculationOptions { DateOfService = Dos });

        var expected = CodePairCheck.Check(
            SeparationInput.FromUnitCalculation(Dos, segments, units, Discipline.PhysicalTherapy),
            SeparationOptions.Default with { ReportTimeOverlaps = false });

        Assert.Equal(count >= 4, expected.Diagnostics.Any(d => d.Id == DiagnosticIds.PairModifierNotSupported));
        Assert.Equal(count >= 4, expected.Diagnostics.Any(d => d.Id == DiagnosticIds.DisciplineModifierSeveral));
        Assert.Equal(Describe(expected.Diagnostics), Describe(SeparationFindings(encounter)));
    }

    [Theory]
    [InlineData(11)] // 55 pairs: the outcome buffer is rented once
    [InlineData(13)] // 78 pairs: it starts at 64 and grows
    public void Check_EveryPairAnEdit_OneOutcomePerPairInOrder(int codes)
    {
        // Codes 97001.., every pair an indicator-9 edit: one passed outcome per pair, sorted by column 1 then column 2.
        var all = Enumerable.Range(0, codes).Select(k => CptCode.Parse((97001 + k).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var edits = from i in Enumerable.Range(0, codes) from j in Enumerable.Range(i + 1, codes - i - 1) select Edit(all[j], all[i], ModifierIndicator.NotApplicable);
        var table = PtpEditTable.Create("t", "t", edits);

        var result = Billed([], [.. all.Reverse().Select(c => Line(c, 1))], table: table);

        Assert.Equal(codes * (codes - 1) / 2, result.Outcomes.Length);
        Assert.All(result.Outcomes, o => Assert.Equal(PairStatus.Passed, o.Status));
        Assert.Equal(
            [.. result.Outcomes.Select(o => (o.Column1, o.Column2)).OrderBy(p => p.Column1).ThenBy(p => p.Column2)],
            result.Outcomes.Select(o => (o.Column1, o.Column2)).ToArray());
        Assert.Equal((all[1], all[0]), (result.Outcomes[0].Column1, result.Outcomes[0].Column2));
    }

    [Fact]
    public void SegmentModifiers_SharesAListThatHoldsEveryModifier_BuildsOneOtherwise()
    {
        ImmutableArray<Modifier> gpXu = [Modifier.GP, Modifier.XU];
        TreatmentSegment[] segments =
        [
            Min(C97530, 10) with { Modifiers = gpXu },
            Min(C97530, 10) with { Modifiers = [Modifier.XU] },
            Min(C97530, 10) with { Modifiers = [Modifier.GO, Modifier.GP] },
            Min(C97530, 10) with { Modifiers = [Modifier.GP, Modifier.GP] },
        ];

        var shared = SegmentModifiers.Of([.. segments], [0, 1]);
        Assert.True(shared == gpXu); // the same array: nothing new to add
        Assert.Equal([Modifier.GP, Modifier.XU, Modifier.GO], SegmentModifiers.Of([.. segments], [0, 1, 2]).ToArray());
        Assert.Equal([Modifier.GP], SegmentModifiers.Of([.. segments], [3]).ToArray());
        Assert.Equal([Modifier.XU, Modifier.GP, Modifier.GO], SegmentModifiers.Of([.. segments], [1, 3, 2]).ToArray());
        Assert.Empty(SegmentModifiers.Of([.. segments], []));
    }

    private static ImmutableArray<Diagnostic> SeparationFindings(Encounter encounter) =>
        [.. ComplianceEngine.Check(encounter).Diagnostics.Where(d => d.Id.StartsWith("TBR3", StringComparison.Ordinal))];

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Path} {d.Id} {d.Severity} {d.Message}")];
}
