using static TherapyBilling.Rules.Tests.Payers.PayerTestData;

namespace TherapyBilling.Rules.Tests.Payers;

/// <summary>Tests added for the Stryker survivors of AssistantRules (tests/mutation.md): each pins one rule detail.</summary>
public sealed class AssistantRulesMutationTests
{
    private static AssistantDecision One(Discipline? discipline, params TreatmentSegment[] segments) =>
        Assert.Single(AssistantRules.Decide(segments, UnitCalculator.Calculate(segments, UnitMethod.Cms), discipline));

    [Fact]
    public void Decide_MisuseIsAnArgumentException()
    {
        TreatmentSegment[] segments = [Therapist(C97110, 15)];
        var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        Assert.Throws<ArgumentNullException>(() => AssistantRules.Decide(null!, units, Discipline.PhysicalTherapy));
        Assert.Throws<ArgumentNullException>(() => AssistantRules.Decide(segments, null!, Discipline.PhysicalTherapy));
        Assert.Throws<ArgumentOutOfRangeException>(() => AssistantRules.Decide(segments, units, Discipline.PhysicalTherapy, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AssistantRules.Decide(segments, units, Discipline.PhysicalTherapy, 101));
        Assert.Throws<ArgumentException>(() => AssistantRules.Decide([], units, Discipline.PhysicalTherapy));
    }

    [Fact]
    public void Decide_TherapistRemainderIsMinutesLeftAfterFullUnits()
    {
        // 21 therapist + 2 assistant-alone = 23 min = 2 units: 1 full therapist unit; last unit 6 + 2, 25 % > 10 % -> CQ.
        var d = One(Discipline.PhysicalTherapy, Therapist(C97110, 21), Assistant(C97110, 2));
        Assert.Equal((2, 1, 1), (d.Units, d.TherapistUnits, d.AssistantUnits));
        Assert.Contains("shared by 6 therapist and 2 assistant-alone minute(s)", d.Explanation, StringComparison.Ordinal);
        Assert.Contains("more than the 10 % de minimis, so it needs CQ/CO", d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_AssistantRemainderIsMinutesLeftAfterFullUnits()
    {
        // 9 therapist + 16 assistant-alone = 25 min = 2 units: 1 full assistant unit; last unit 9 + 1 = exactly 10 % -> no CQ.
        var d = One(Discipline.PhysicalTherapy, Therapist(C97110, 9), Assistant(C97110, 16));
        Assert.Equal((2, 1, 1), (d.Units, d.TherapistUnits, d.AssistantUnits));
        Assert.Contains("not more than the 10 % de minimis, so it needs no CQ/CO", d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Cy2022TwoUnitsLeft_AssistantWithMoreMinutes_OneUnitEach()
    {
        // 10 therapist + 14 assistant-alone = 24 min = 2 units, each provider 9-14 minutes: one unit each.
        var d = One(Discipline.PhysicalTherapy, Therapist(C97110, 10), Assistant(C97110, 14));
        Assert.Equal((2, 1, 1), (d.Units, d.TherapistUnits, d.AssistantUnits));
        Assert.Contains("so 1 unit(s) need CQ/CO", d.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_UntimedWithoutMinutes_AssistantSegmentsDecide()
    {
        var d = One(Discipline.PhysicalTherapy, Assistant(C97150, 0), Assistant(C97150, 0));
        Assert.Equal((1, 0, 1), (d.Units, d.TherapistUnits, d.AssistantUnits));
        Assert.Equal(Modifier.CQ, d.RequiredModifier);
        Assert.Contains("more than the 10 % de minimis, so it needs CQ/CO", d.Explanation, StringComparison.Ordinal);

        var therapist = One(Discipline.PhysicalTherapy, Therapist(C97150, 0));
        Assert.Equal(0, therapist.AssistantUnits);
        Assert.Contains("not more than the 10 % de minimis, so it needs no CQ/CO", therapist.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_EncounterDisciplineWinsOverLineModifiers()
    {
        TreatmentSegment[] segments = [Assistant(C97110, 15)];
        var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        var d = Assert.Single(AssistantRules.Decide(segments, units, Discipline.PhysicalTherapy, lineModifiers: _ => [Modifier.GO]));
        Assert.Equal(Modifier.CQ, d.RequiredModifier);
    }

    [Theory]
    [InlineData("GP", "CQ")]
    [InlineData("GO", "CO")]
    [InlineData("GN", null)]
    [InlineData("59", null)]
    public void Decide_DisciplineInferredFromTheLinesModifier(string lineModifier, string? expected)
    {
        TreatmentSegment[] segments = [Assistant(C97110, 15)];
        var units = UnitCalculator.Calculate(segments, UnitMethod.Cms);
        var d = Assert.Single(AssistantRules.Decide(segments, units, null, lineModifiers: _ => [Modifier.Parse("KX"), Modifier.Parse(lineModifier)]));
        Assert.Equal(expected, d.RequiredModifier?.Value);
        Assert.Equal(lineModifier == "GN" ? Discipline.SpeechLanguagePathology : lineModifier == "GP" ? Discipline.PhysicalTherapy : lineModifier == "GO" ? Discipline.OccupationalTherapy : null, d.Discipline);
    }

    [Fact]
    public void DisciplineModifierFor_OnlyCqAndCoHaveOne()
    {
        Assert.Equal(Modifier.GO, AssistantRules.DisciplineModifierFor(Modifier.CO));
        Assert.Null(AssistantRules.DisciplineModifierFor(Modifier.GP));
    }
}
