using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

public sealed class AssistantRulesTests
{
    private static readonly LocalDate Dos = new(2025, 6, 2);

    private static AssistantDecision DecideOne(Discipline? discipline, UnitMethod method, params TreatmentSegment[] segments)
    {
        var units = UnitCalculator.Calculate(segments, method);
        return Assert.Single(AssistantRules.Decide(segments, units, discipline));
    }

    [Fact]
    public void Decide_AssistantAloneFurnishesTheUnit_CqWithGp()
    {
        // rules-reference test vector: PTA alone furnishes a 97535 unit under a PT plan -> 97535-GP-CQ.
        var d = DecideOne(Discipline.PhysicalTherapy, UnitMethod.Cms, Assistant(C97535, 15));
        Assert.Equal((1, 0, 1), (d.Units, d.TherapistUnits, d.AssistantUnits));
        Assert.Equal(Modifier.CQ, d.RequiredModifier);
        Assert.Equal(Modifier.GP, AssistantRules.DisciplineModifierFor(Modifier.CQ));
    }

    [Fact]
    public void Decide_TherapistOnly_NoAssistantModifier()
    {
        var d = DecideOne(Discipline.PhysicalTherapy, UnitMethod.Cms, Therapist(C97535, 38));
        Assert.Equal((3, 3, 0), (d.Units, d.TherapistUnits, d.AssistantUnits));
        Assert.Null(d.RequiredModifier);
        Assert.False(d.NeedsAssistantModifier);
    }

    [Fact]
    public void Decide_FullUnitsByTherapist_SharedLastUnitOverTenPercent_OneCqUnit()
    {
        // 35 therapist + 10 assistant-alone = 45 minutes = 3 units: 2 full therapist units, last unit 5 + 10 -> CQ.
        var d = DecideOne(Discipline.PhysicalTherapy, UnitMethod.Cms, Therapist(C97110, 35), Assistant(C97110, 10));
        Assert.Equal((3, 2, 1), (d.Units, d.TherapistUnits, d.AssistantUnits));
        Assert.Equal(Modifier.CQ, d.RequiredModifier);
    }

    [Theory]
    [InlineData(12, 1, 0)] // 1 of 13 minutes = 7.7 %: within de minimis
    [InlineData(12, 2, 1)] // 2 of 14 minutes = 14.3 %: over
    [InlineData(18, 2, 0)] // 20 minutes = 1 unit, made by the therapist's full 15; the 5 leftover minutes earn no unit
    [InlineData(9, 1, 0)]  // 1 of 10 = exactly 10 %: not "more than"
    public void Decide_DeMinimisOnTheLastUnit(int therapist, int assistant, int expectedAssistantUnits)
    {
        var d = DecideOne(Discipline.PhysicalTherapy, UnitMethod.Cms,
            Therapist(C97535, therapist), TreatmentSegment.FromMinutes(C97535, assistant) with { AssistantMinutes = assistant });
        Assert.Equal(expectedAssistantUnits, d.AssistantUnits);
    }

    [Fact]
    public void Decide_Cy2022TwoUnitsEachProviderNineToFourteen_OneUnitEach()
    {
        var d = DecideOne(Discipline.PhysicalTherapy, UnitMethod.Cms, Therapist(C97535, 12), Assistant(C97535, 12));
        Assert.Equal((2, 1, 1), (d.Units, d.TherapistUnits, d.AssistantUnits));
    }

    [Fact]
    public void Decide_AssistantMinutesOnAMixedSegment_CountOnlyTheAloneMinutes()
    {
        var segment = TreatmentSegment.FromMinutes(C97535, 30) with { AssistantMinutes = 15 };
        var d = DecideOne(Discipline.PhysicalTherapy, UnitMethod.Cms, segment);
        Assert.Equal((15, 15, 1, 1), (d.TherapistMinutes, d.AssistantMinutes, d.TherapistUnits, d.AssistantUnits));
    }

    [Fact]
    public void Decide_OccupationalTherapy_Co()
    {
        var d = DecideOne(Discipline.OccupationalTherapy, UnitMethod.Cms, Assistant(C97535, 20));
        Assert.Equal(Modifier.CO, d.RequiredModifier);
        Assert.Equal(Modifier.GO, AssistantRules.DisciplineModifierFor(Modifier.CO));
    }

    [Fact]
    public void Decide_SpeechOrUnknownDiscipline_NoModifierEvenWithAssistantUnits()
    {
        Assert.Null(DecideOne(Discipline.SpeechLanguagePathology, UnitMethod.Cms, Assistant(C97535, 20)).RequiredModifier);
        Assert.Null(DecideOne(null, UnitMethod.Cms, Assistant(C97535, 20)).RequiredModifier);
    }

    [Theory]
    [InlineData(30, 4, 1)] // 4 of 30 = 13 %: CQ on the service
    [InlineData(30, 3, 0)] // 3 of 30 = 10 %: not more than
    public void Decide_UntimedCode_PerService(int minutes, int assistant, int expected)
    {
        var segment = TreatmentSegment.FromMinutes(C97150, minutes) with { AssistantMinutes = assistant };
        var d = DecideOne(Discipline.PhysicalTherapy, UnitMethod.Cms, segment);
        Assert.Equal(expected, d.AssistantUnits);
    }

    [Fact]
    public void Decide_DeMinimisIsData()
    {
        var segments = new[] { Therapist(C97535, 12), TreatmentSegment.FromMinutes(C97535, 2) with { AssistantMinutes = 2 } };
        var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        Assert.Equal(1, AssistantRules.Decide(segments, units, Discipline.PhysicalTherapy, 10)[0].AssistantUnits);
        Assert.Equal(0, AssistantRules.Decide(segments, units, Discipline.PhysicalTherapy, 20)[0].AssistantUnits);
    }

    [Fact]
    public void AssistantMinutes_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TreatmentSegment.FromMinutes(C97535, 10) with { AssistantMinutes = -1 });

    private static readonly CptCode[] Codes = [C97535, C97110, C97530, C97140, C97150];

    private static Gen<TreatmentSegment[]> Segments(bool withAssistant) =>
        Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(
            Gen.Choose(0, Codes.Length - 1).SelectMany(c => Gen.Choose(0, 40).SelectMany(m => Gen.Choose(0, 3).Select(kind =>
                !withAssistant || kind == 0 ? TreatmentSegment.FromMinutes(Codes[c], m)
                : kind == 1 ? TreatmentSegment.FromMinutes(Codes[c], m) with { FurnishedBy = ProviderRole.Assistant }
                : kind == 2 ? TreatmentSegment.FromMinutes(Codes[c], m) with { AssistantMinutes = m / 2 }
                : TreatmentSegment.FromMinutes(Codes[c], m) with { FurnishedBy = ProviderRole.Therapist }))), n));

    [Property(MaxTest = 300)]
    public Property Decide_NoAssistantMinutes_NeverCqOrCo() =>
        Prop.ForAll(Segments(false).ToArbitrary(), Gen.Elements(UnitMethod.Cms, UnitMethod.Ama).ToArbitrary(), (segments, method) =>
        {
            var decisions = AssistantRules.Decide(segments, UnitCalculator.Calculate(segments, method), Discipline.PhysicalTherapy);
            return decisions.All(d => d.AssistantUnits == 0 && d.RequiredModifier is null);
        });

    [Property(MaxTest = 300)]
    public Property Decide_SplitsEveryUnitAndIgnoresSegmentOrder() =>
        Prop.ForAll(Segments(true).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (segments, seed) =>
        {
            var shuffled = segments.OrderBy(_ => new Random(seed).Next()).ToArray();
            new Random(seed).Shuffle(shuffled);
            static string Key(TreatmentSegment[] s) => string.Join(";", AssistantRules
                .Decide(s, UnitCalculator.Calculate(s, UnitMethod.Ama), Discipline.PhysicalTherapy)
                .OrderBy(d => d.Code.Value, StringComparer.Ordinal)
                .Select(d => $"{d.Code}:{d.Units}={d.TherapistUnits}+{d.AssistantUnits}"));
            var decisions = AssistantRules.Decide(segments, UnitCalculator.Calculate(segments, UnitMethod.Cms), Discipline.PhysicalTherapy);
            return decisions.All(d => d.TherapistUnits + d.AssistantUnits == d.Units && d.TherapistUnits >= 0 && d.AssistantUnits >= 0)
                && Key(segments) == Key(shuffled);
        });
}
