using System.Collections.Immutable;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Compliance;

/// <summary>Fixes as data (issue 14): one test per kind, and the property that applying them resolves what they name.</summary>
public sealed class FixTests
{
    private static readonly LocalDate Dos = new(2025, 6, 2);

    [Fact]
    public void BilledUnitsDiffer_OneLine_ChangeUnitsToTheComputed()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 38)) with { BilledLines = [Line(C97535, 2)] };
        var report = ComplianceEngine.Check(encounter);
        var fix = Assert.Single(report.Fixes);
        Assert.Equal((FixAction.ChangeUnits, "lines[0]", 3, DiagnosticIds.BilledUnitsDiffer), (fix.Action, fix.Path, fix.Units, fix.DiagnosticId));
        Assert.Same(fix, Assert.Single(Single(report, DiagnosticIds.BilledUnitsDiffer).Fixes));
        Assert.Equal("lines[0] 97535: change units to 3 (TBR108) - the minutes support this many units (CMS)", fix.ToString());
    }

    [Fact]
    public void BilledUnitsDiffer_CodeSplitOverTwoLines_NoFix()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 38)) with { BilledLines = [Line(C97535, 1), Line(C97535, 1, "CQ")] };
        var report = ComplianceEngine.Check(encounter);
        Assert.Empty(Single(report, DiagnosticIds.BilledUnitsDiffer).Fixes);
    }

    [Fact]
    public void BilledUnitsDiffer_AfterACmsTie_NoFix()
    {
        // 97110 and 97140 both have 8 leftover minutes; CMS lets the clinician choose which earns the unit.
        var encounter = Encounter(Dos, Therapist(C97110, 8), Therapist(C97140, 8)) with { BilledLines = [Line(C97110, 0), Line(C97140, 0)] };
        var report = ComplianceEngine.Check(encounter);
        Assert.DoesNotContain(report.Fixes, f => f.DiagnosticId == DiagnosticIds.BilledUnitsDiffer);
    }

    [Fact]
    public void PairModifierMissing_DistinctTimes_AddXuOnTheColumnTwoLine()
    {
        var encounter = new Encounter("e", Dos, [
            TreatmentSegment.FromTimes(C97140, new LocalTime(9, 0), new LocalTime(9, 15)) with { Modifiers = [Modifier.GP] },
            TreatmentSegment.FromTimes(C97530, new LocalTime(9, 15), new LocalTime(9, 30)) with { Modifiers = [Modifier.GP] },
        ])
        {
            Discipline = Discipline.PhysicalTherapy,
            BilledLines = [Line(C97140, 1, "GP"), Line(C97530, 1, "GP")],
        };
        var fix = Assert.Single(ComplianceEngine.Check(encounter).Fixes);
        Assert.Equal((FixAction.AddModifier, "lines[1]", Modifier.XU, DiagnosticIds.PairModifierMissing), (fix.Action, fix.Path, fix.Modifier, fix.DiagnosticId));
    }

    [Fact]
    public void PairModifierMissing_NoTimes_NoFix_TheFindingSaysWhatToDocument()
    {
        var encounter = new Encounter("e", Dos, [Therapist(C97140, 15) with { Modifiers = [Modifier.GP] }, Therapist(C97530, 15) with { Modifiers = [Modifier.GP] }])
        {
            Discipline = Discipline.PhysicalTherapy,
            BilledLines = [Line(C97140, 1, "GP"), Line(C97530, 1, "GP")],
        };
        var report = ComplianceEngine.Check(encounter);
        Assert.Contains(report.Diagnostics, d => d.Id == DiagnosticIds.PairModifierMissing);
        Assert.Empty(report.Fixes);
    }

    [Fact]
    public void DisciplineModifierMissing_AddThePlansModifier()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 15)) with { Discipline = Discipline.OccupationalTherapy, BilledLines = [Line(C97535, 1)] };
        var fix = Assert.Single(ComplianceEngine.Check(encounter).Fixes, f => f.DiagnosticId == DiagnosticIds.DisciplineModifierMissing);
        Assert.Equal((FixAction.AddModifier, Modifier.GO), (fix.Action, fix.Modifier));
    }

    [Fact]
    public void AssistantModifierMissing_EveryUnit_AddCq()
    {
        var encounter = Encounter(Dos, Assistant(C97535, 15)) with { PayerId = "medicare", Discipline = Discipline.PhysicalTherapy, BilledLines = [Line(C97535, 1, "GP")] };
        var fix = Assert.Single(ComplianceEngine.Check(encounter).Fixes);
        Assert.Equal((FixAction.AddModifier, "lines[0]", Modifier.CQ), (fix.Action, fix.Path, fix.Modifier));
    }

    [Fact]
    public void AssistantModifierMissing_SomeUnits_SplitTheLine()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 30), Assistant(C97535, 15)) with
        {
            PayerId = "medicare",
            Discipline = Discipline.PhysicalTherapy,
            BilledLines = [Line(C97535, 3, "GP")],
        };
        var report = ComplianceEngine.Check(encounter);
        var d = Single(report, DiagnosticIds.AssistantModifierMissing);
        var fix = Assert.Single(d.Fixes);
        Assert.Equal((FixAction.SplitLine, "lines[0]", Modifier.CQ, int.Parse(d.GetArgument("units")!, CultureInfo.InvariantCulture)), (fix.Action, fix.Path, fix.Modifier, fix.Units!.Value));
        var fixedEncounter = FixApplier.Apply(encounter, report.Fixes);
        Assert.Equal(2, fixedEncounter.BilledLines.Length);
        Assert.DoesNotContain(ComplianceEngine.Check(fixedEncounter).Diagnostics, x => x.Id == DiagnosticIds.AssistantModifierMissing);
    }

    [Fact]
    public void AssistantModifierUnsupported_RemoveCq()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 15)) with { PayerId = "medicare", Discipline = Discipline.PhysicalTherapy, BilledLines = [Line(C97535, 1, "GP", "CQ")] };
        var fix = Assert.Single(ComplianceEngine.Check(encounter).Fixes);
        Assert.Equal((FixAction.RemoveModifier, Modifier.CQ), (fix.Action, fix.Modifier));
    }

    [Fact]
    public void AssistantWrongDiscipline_NoDisciplineModifier_AddGp_ButNeverOverAnotherDiscipline()
    {
        var bare = Encounter(Dos, Assistant(C97535, 15)) with { BilledLines = [Line(C97535, 1, "CQ")] };
        var fix = Assert.Single(ComplianceEngine.Check(bare).Fixes, f => f.DiagnosticId == DiagnosticIds.AssistantModifierWrongDiscipline);
        Assert.Equal(Modifier.GP, fix.Modifier);

        var withGo = Encounter(Dos, Assistant(C97535, 15)) with { BilledLines = [Line(C97535, 1, "GO", "CQ")] };
        Assert.Empty(Single(ComplianceEngine.Check(withGo), DiagnosticIds.AssistantModifierWrongDiscipline).Fixes);
    }

    [Fact]
    public void SuppressedFinding_TakesItsFixWithIt_AndIsListedWithTheReason()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 38)) with { BilledLines = [Line(C97535, 2)] };
        var options = ComplianceOptions.Default with { Suppressions = [new Suppression("TBR108", "units reviewed by the billing lead") { Code = C97535 }] };
        var report = ComplianceEngine.Check(encounter, options);
        Assert.Empty(report.Fixes);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == "TBR108");
        var suppressed = Assert.Single(report.Suppressed);
        Assert.Equal(("TBR108", "units reviewed by the billing lead"), (suppressed.Diagnostic.Id, suppressed.Suppression.Reason));
    }

    [Fact]
    public void SeverityOverride_AndHelpBaseUrl_AppliedAfterTheFamilies()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 38)) with { BilledLines = [Line(C97535, 2)] };
        var options = ComplianceOptions.Default with
        {
            SeverityOverrides = ImmutableDictionary.Create<string, Severity>(StringComparer.OrdinalIgnoreCase).Add("tbr108", Severity.Warning),
            HelpBaseUrl = "https://rules.example.org/d/",
        };
        var d = Single(ComplianceEngine.Check(encounter, options), "TBR108");
        Assert.Equal((Severity.Warning, "https://rules.example.org/d/TBR108.md"), (d.Severity, d.HelpLink));
        Assert.Single(d.Fixes);
    }

    [Fact]
    public void Apply_UnknownPath_IsAnArgumentException()
    {
        var encounter = Encounter(Dos, Therapist(C97535, 38)) with { BilledLines = [Line(C97535, 2)] };
        var fix = ComplianceEngine.Check(encounter).Fixes[0];
        var other = Encounter(Dos, Therapist(C97535, 38));
        Assert.Throws<ArgumentException>(() => FixApplier.Apply(other, [fix]));
    }

    private static readonly CptCode[] s_pool = [C97110, C97112, C97140, C97530, C97535, C97150, C97010];
    private static readonly string[] s_modifiers = ["GP", "GO", "59", "XU", "XS", "CQ", "CO", "95"];

    private static Encounter Build(int seed)
    {
        var random = new Random(seed);
        var codes = s_pool.Where(_ => random.Next(3) > 0).ToArray();
        bool withTimes = random.Next(3) > 0;
        var segments = new List<TreatmentSegment>();
        int clock = 8 * 60;
        foreach (var code in codes)
        {
            for (int k = 1 + random.Next(2); k > 0; k--)
            {
                int length = 5 * (1 + random.Next(5));
                var segment = withTimes
                    ? TreatmentSegment.FromTimes(code, new LocalTime(clock / 60, clock % 60), new LocalTime((clock + length) / 60, (clock + length) % 60))
                    : TreatmentSegment.FromMinutes(code, length);
                clock += random.Next(3) == 0 ? length - 5 : length;
                segments.Add(random.Next(3) == 0 ? segment with { FurnishedBy = ProviderRole.Assistant } : segment);
            }
        }

        Discipline? discipline = random.Next(4) switch { 0 => null, 1 => Discipline.OccupationalTherapy, _ => Discipline.PhysicalTherapy };
        var encounter = new Encounter("p" + seed.ToString(CultureInfo.InvariantCulture), Dos, segments)
        {
            Discipline = discipline,
            PayerId = random.Next(3) == 0 ? null : "medicare",
            IsTelehealth = random.Next(5) == 0,
            PlaceOfService = "10",
        };
        if (random.Next(4) == 0)
        {
            return encounter;
        }

        var lines = codes.Select(code => new BilledLine(code, random.Next(4), s_modifiers.Where(_ => random.Next(4) == 0).Select(Modifier.Parse))).ToList();
        return encounter with { BilledLines = [.. lines] };
    }

    [Property(MaxTest = 500)]
    public Property ApplyingEveryFix_RemovesTheFindingsTheyName_AndAddsNoError() => Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
    {
        var encounter = Build(seed);
        var before = ComplianceEngine.Check(encounter);
        if (before.Fixes.IsEmpty)
        {
            return true.Label("no fix");
        }

        var after = ComplianceEngine.Check(FixApplier.Apply(encounter, before.Fixes));
        var fixedFindings = before.Diagnostics.Where(d => !d.Fixes.IsEmpty).Select(d => (d.Id, d.Path)).ToHashSet();
        var stillThere = after.Diagnostics.Where(d => fixedFindings.Contains((d.Id, d.Path))).Select(d => d.ToString()).ToList();
        var errorsBefore = before.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var newErrors = after.Diagnostics.Where(d => d.Severity == Severity.Error && !errorsBefore.Contains(d.Id)).Select(d => d.ToString()).ToList();
        return (stillThere.Count == 0 && newErrors.Count == 0)
            .Label($"seed {seed}\nfixes:\n  {string.Join("\n  ", before.Fixes)}\nstill there:\n  {string.Join("\n  ", stillThere)}\nnew errors:\n  {string.Join("\n  ", newErrors)}");
    });
}
