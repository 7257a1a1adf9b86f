using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>FsCheck properties of the separation checks (issue 3).</summary>
public sealed class CodePairCheckProperties
{
    private static readonly CptCode[] s_pool = [C97110, C97112, C97116, C97140, C97164, C97530, C97535, CptCode.Parse("97150"), C97010];
    private static readonly string[] s_modifiers = ["GP", "GO", "59", "XU", "XS", "XE", "XP", "KX"];

    /// <summary>A random encounter: distinct codes, segments with times or minutes, lines with random modifiers.</summary>
    private sealed record Sample(TreatmentSegment[] Segments, BilledLine[] Lines, Discipline? Discipline, int Seed);

    private static Sample Build(int seed)
    {
        var random = new Random(seed);
        var codes = s_pool.Where(_ => random.Next(3) > 0).ToArray();
        bool withTimes = random.Next(4) > 0;
        var segments = new List<TreatmentSegment>();
        foreach (var code in codes)
        {
            int count = 1 + random.Next(2);
            for (int k = 0; k < count; k++)
            {
                if (withTimes || random.Next(5) == 0)
                {
                    int start = 8 * 60 + (5 * random.Next(24));
                    int length = 5 * (1 + random.Next(4));
                    segments.Add(TreatmentSegment.FromTimes(code, new LocalTime(start / 60, start % 60), new LocalTime((start + length) / 60, (start + length) % 60)));
                }
                else
                {
                    segments.Add(TreatmentSegment.FromMinutes(code, 5 * (1 + random.Next(4))));
                }
            }
        }

        var lines = codes
            .Select(code => new BilledLine(code, 1, s_modifiers.Where(_ => random.Next(4) == 0).Select(M)))
            .ToArray();
        Discipline? discipline = random.Next(4) switch { 0 => null, 1 => Discipline.OccupationalTherapy, _ => Discipline.PhysicalTherapy };
        return new Sample([.. segments.OrderBy(_ => random.Next())], lines, discipline, seed);
    }

    private static SeparationResult Check(Sample s, IEnumerable<BilledLine> lines, PtpEditTable? table = null) =>
        CodePairCheck.Check(SeparationInput.FromBilledLines(Dos, s.Segments, lines, s.Discipline), table is null ? null : SeparationOptions.Default with { PairTable = table });

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static string[] Findings(SeparationResult result, BilledLine[] lines) =>
    [
        .. result.Diagnostics.Select(d => $"{d.Id} {d.Severity} {d.Message}").Order(StringComparer.Ordinal),
        .. result.Outcomes.Select(o => $"{o.Column1}/{o.Column2} {o.Status} {o.Time}"),
        .. result.Fixes.Select(f => $"{lines[f.LineIndex].Code} {f.Action} {f.Modifier} {f.DiagnosticId}").Order(StringComparer.Ordinal),
    ];

    [Property(MaxTest = 300)]
    public Property Check_NoFindingDependsOnTheOrderOfLines() => Prop.ForAll(Seeds, seed =>
    {
        var sample = Build(seed);
        var shuffled = sample.Lines.OrderBy(_ => new Random(seed ^ 0x5bd1e995).Next()).ToArray();
        var shuffledAgain = sample.Lines.Reverse().ToArray();
        var expected = Findings(Check(sample, sample.Lines), sample.Lines);
        return expected.SequenceEqual(Findings(Check(sample, shuffled), shuffled))
            && expected.SequenceEqual(Findings(Check(sample, shuffledAgain), shuffledAgain));
    });

    [Property(MaxTest = 300)]
    public Property Check_AddingAModifierToColumnOneNeverTurnsAFailureIntoAPass() => Prop.ForAll(Seeds, seed =>
    {
        var sample = Build(seed);
        var before = Check(sample, sample.Lines);
        foreach (var failed in before.Outcomes.Where(o => o.Status == PairStatus.Failed))
        {
            foreach (var modifier in new[] { Modifier.Distinct59, Modifier.XU, Modifier.XE })
            {
                var lines = sample.Lines
                    .Select(l => l.Code == failed.Column1 ? new BilledLine(l.Code, l.Units, l.Modifiers.Add(modifier)) : l)
                    .ToArray();
                var after = Check(sample, lines).Outcomes.Single(o => o.Column1 == failed.Column1 && o.Column2 == failed.Column2);
                if (after.Status != PairStatus.Failed)
                {
                    return false;
                }
            }
        }

        return true;
    });

    [Property(MaxTest = 300)]
    public Property Check_RemovingAnEditNeverAddsAPairFailure() => Prop.ForAll(Seeds, seed =>
    {
        var sample = Build(seed);
        var table = PtpEditTable.Default;
        var before = FailedPairs(Check(sample, sample.Lines, table));
        var random = new Random(seed);
        foreach (var removed in table.Edits.Where(_ => random.Next(3) == 0))
        {
            var after = FailedPairs(Check(sample, sample.Lines, table.Without(e => ReferenceEquals(e, removed))));
            if (!after.IsSubsetOf(before))
            {
                return false;
            }
        }

        return true;
    });

    [Fact]
    public void Build_ProducesFailuresBypassesAndNotChecked_SoThePropertiesAreNotVacuous()
    {
        var statuses = Enumerable.Range(0, 400).SelectMany(seed =>
        {
            var s = Build(seed);
            return Check(s, s.Lines).Outcomes.Select(o => o.Status);
        }).ToHashSet();
        Assert.Contains(PairStatus.Failed, statuses);
        Assert.Contains(PairStatus.Bypassed, statuses);
        Assert.Contains(PairStatus.NotChecked, statuses);
    }

    private static HashSet<string> FailedPairs(SeparationResult result) =>
        [.. result.Outcomes.Where(o => o.Status == PairStatus.Failed).Select(o => $"{o.Column1}/{o.Column2}")];
}
