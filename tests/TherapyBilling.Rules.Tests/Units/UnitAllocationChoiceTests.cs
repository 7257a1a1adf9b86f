namespace TherapyBilling.Rules.Tests.Units;

/// <summary>
/// Every allocation CMS allows is accepted (CPM ch. 5 §20.2 C, examples 2 and 5: "choose either code"); TBR108 fires
/// only for an allocation no valid tie choice produces (rules reference §1.3, test vectors "either").
/// </summary>
public sealed class UnitAllocationChoiceTests
{
    private static readonly LocalDate Dos = new(2026, 3, 2);

    private static UnitCalculation Cms(params (CptCode Code, int Minutes)[] segments) =>
        UnitCalculator.Calculate(segments.Select(s => TreatmentSegment.FromMinutes(s.Code, s.Minutes)), UnitMethod.Cms);

    private static Dictionary<CptCode, int> Units(params (CptCode Code, int Units)[] units) => units.ToDictionary(u => u.Code, u => u.Units);

    private static EncounterReport Billed((CptCode Code, int Minutes)[] segments, params (CptCode Code, int Units)[] lines) =>
        ComplianceEngine.Check(new Encounter("e1", Dos, [.. segments.Select(s => TreatmentSegment.FromMinutes(s.Code, s.Minutes))])
        {
            Discipline = Discipline.PhysicalTherapy,
            BilledLines = [.. lines.Select(l => new BilledLine(l.Code, l.Units, [Modifier.GP]))],
        });

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(1, 2, true)]
    [InlineData(3, 0, false)]
    [InlineData(0, 3, false)]
    [InlineData(1, 1, false)]
    [InlineData(2, 2, false)]
    public void Example2_EveryValidChoiceAccepted_NeverThreeOnOne(int u97112, int u97110, bool valid)
    {
        var result = Cms((C97112, 20), (C97110, 20));
        Assert.Equal(valid, result.IsValidAllocation(Units((C97112, u97112), (C97110, u97110))));
        Assert.Equal(valid, UnitAllocator.IsValidAllocation([20, 20], [u97112, u97110], UnitMethod.Cms));
    }

    [Theory]
    [InlineData(1, 0, 0, true)]
    [InlineData(0, 1, 0, true)]
    [InlineData(0, 0, 1, true)]
    [InlineData(0, 0, 0, false)]
    [InlineData(1, 1, 0, false)]
    public void Example5_AnyOneOfTheThree(int a, int b, int c, bool valid)
    {
        var result = Cms((C97112, 7), (C97110, 7), (C97140, 7));
        Assert.Equal(valid, result.IsValidAllocation(Units((C97112, a), (C97110, b), (C97140, c))));
        var tie = Assert.IsType<UnitTie>(result.Tie);
        Assert.Equal([C97112, C97110, C97140], tie.Codes.ToArray());
        Assert.Equal(1, tie.Units);
        Assert.Equal(7, tie.LeftoverMinutes);
    }

    [Fact]
    public void Example2_BilledEitherWay_NoTbr108()
    {
        Assert.DoesNotContain(Billed([(C97110, 20), (C97112, 20)], (C97110, 1), (C97112, 2)).Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        Assert.DoesNotContain(Billed([(C97110, 20), (C97112, 20)], (C97110, 2), (C97112, 1)).Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
    }

    [Fact]
    public void Example5_BilledEachWay_NoTbr108()
    {
        (CptCode, int)[] visit = [(C97112, 7), (C97110, 7), (C97140, 7)];
        foreach (var code in new[] { C97112, C97110, C97140 })
        {
            Assert.DoesNotContain(Billed(visit, (code, 1)).Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        }
    }

    [Fact]
    public void Example2_BilledThreeOnOne_OneErrorNamingBothValidOptions()
    {
        var report = Billed([(C97110, 20), (C97112, 20)], (C97110, 3));
        var d = Assert.Single(report.Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        Assert.Equal("lines[0].units", d.Path);
        Assert.Equal("97110 ×2 + 97112 ×1 or 97110 ×1 + 97112 ×2", d.GetArgument("allocations"));
        Assert.Contains("bill 97110 ×2 + 97112 ×1 or 97110 ×1 + 97112 ×2.", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftoverTieAcrossAFullBlock_BothChoicesValid()
    {
        // 33 min -> 2 units; 97110 has 1 full block + 9 leftover, 97140 9 leftover: tie at 9.
        var result = Cms((C97110, 24), (C97140, 9));
        Assert.True(result.IsValidAllocation(Units((C97110, 2), (C97140, 0))));
        Assert.True(result.IsValidAllocation(Units((C97110, 1), (C97140, 1))));
        Assert.False(result.IsValidAllocation(Units((C97110, 0), (C97140, 2))));
        Assert.Equal([C97110, C97140], result.TiedCodes.ToArray());
        Assert.DoesNotContain(Billed([(C97110, 24), (C97140, 9)], (C97110, 1), (C97140, 1)).Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        Assert.DoesNotContain(Billed([(C97110, 24), (C97140, 9)], (C97110, 2)).Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
    }

    [Fact]
    public void Example3_NoTie_OnlyTheLargerLeftoverIsValid()
    {
        var result = Cms((C97110, 33), (C97140, 7));
        Assert.Null(result.Tie);
        Assert.Empty(result.TiedCodes);
        Assert.True(result.IsValidAllocation(Units((C97110, 2), (C97140, 1))));
        Assert.False(result.IsValidAllocation(Units((C97110, 3), (C97140, 0))));
        var d = Assert.Single(Billed([(C97110, 33), (C97140, 7)], (C97110, 3)).Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        Assert.Equal("97110 ×2 + 97140 ×1", d.GetArgument("allocations"));
        Assert.Equal("2", d.GetArgument("computed"));
    }

    [Fact]
    public void ReportLines_FollowTheBilledChoice_ElseTheDefault()
    {
        var chosen = Billed([(C97110, 20), (C97112, 20)], (C97110, 1), (C97112, 2));
        Assert.Equal(1, chosen.Lines.Single(l => l.Code == C97110).Units);
        Assert.Equal(2, chosen.Lines.Single(l => l.Code == C97112).Units);
        Assert.True(chosen.Units.IsCallerChoice);
        Assert.Contains(chosen.Units.Explanation, e => e.Reason == UnitReason.TieChoice && e.Code == C97112 && e.Text.Contains("clinician chose", StringComparison.Ordinal));

        var invalid = Billed([(C97110, 20), (C97112, 20)], (C97110, 3));
        Assert.Equal(2, invalid.Lines.Single(l => l.Code == C97110).Units); // the engine's default
        Assert.False(invalid.Units.IsCallerChoice);
    }

    [Fact]
    public void WithAllocation_InvalidChoice_Throws_SameChoice_ReturnsSame()
    {
        var result = Cms((C97112, 20), (C97110, 20));
        Assert.Throws<ArgumentException>(() => result.WithAllocation(Units((C97112, 3))));
        Assert.Same(result, result.WithAllocation(Units((C97112, 2), (C97110, 1))));
        var other = result.WithAllocation(Units((C97112, 1), (C97110, 2)));
        Assert.Equal(2, other.UnitsOf(C97110));
        Assert.Equal(3, other.TotalUnits);
        Assert.Throws<ArgumentNullException>(() => result.IsValidAllocation(null!));
    }

    [Fact]
    public void Explain_NamesTheTieAndThatTheClinicianChooses()
    {
        string text = Cms((C97112, 20), (C97110, 20)).Explain();
        Assert.Contains("Tie: 97112, 97110 have 5 leftover minute(s) each; 1 extra unit(s) go to whichever of them the clinician chooses", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ama_HasNoChoice()
    {
        var result = UnitCalculator.Calculate([TreatmentSegment.FromMinutes(C97112, 20), TreatmentSegment.FromMinutes(C97110, 20)], UnitMethod.Ama);
        Assert.Null(result.Tie);
        Assert.True(result.IsValidAllocation(Units((C97112, 1), (C97110, 1))));
        Assert.False(result.IsValidAllocation(Units((C97112, 2), (C97110, 1))));
        Assert.True(UnitAllocator.IsValidAllocation([20, 20], [1, 1], UnitMethod.Ama));
        Assert.False(UnitAllocator.IsValidAllocation([20, 20], [2, 1], UnitMethod.Ama));
    }

    // --- boundaries of the rule (each comparison pinned) ---

    [Fact]
    public void IsValid_ExtraUnitNeedsALeftover()
    {
        // 30 + 8: 38 min -> 3 units; 97110 has no leftover, so the extra unit must go to 97140.
        Assert.True(UnitAllocator.IsValidAllocation([30, 8], [2, 1], UnitMethod.Cms));
        Assert.False(UnitAllocator.IsValidAllocation([30, 8], [3, 0], UnitMethod.Cms));
    }

    [Fact]
    public void IsValid_StrictlyLargerLeftoverWithoutAnExtra_Invalid_EqualIsValid()
    {
        // 20 + 21 = 41 -> 3 units: leftovers 5 and 6; the 6 must get it.
        Assert.True(UnitAllocator.IsValidAllocation([20, 21], [1, 2], UnitMethod.Cms));
        Assert.False(UnitAllocator.IsValidAllocation([20, 21], [2, 1], UnitMethod.Cms));
    }

    [Fact]
    public void IsValid_FewerThanFullBlocks_OrTwoAbove_Invalid()
    {
        Assert.False(UnitAllocator.IsValidAllocation([45, 0], [2, 1], UnitMethod.Cms));
        Assert.False(UnitAllocator.IsValidAllocation([30, 14], [1, 2], UnitMethod.Cms)); // 14 leftover gets 2 above its 0 blocks
        Assert.True(UnitAllocator.IsValidAllocation([30, 14], [2, 1], UnitMethod.Cms));
    }

    [Fact]
    public void IsValid_TotalMustMatchTheTable()
    {
        Assert.False(UnitAllocator.IsValidAllocation([22], [2], UnitMethod.Cms));
        Assert.True(UnitAllocator.IsValidAllocation([22], [1], UnitMethod.Cms));
        Assert.True(UnitAllocator.IsValidAllocation([7], [0], UnitMethod.Cms));
        Assert.False(UnitAllocator.IsValidAllocation([7], [1], UnitMethod.Cms));
        Assert.True(UnitAllocator.IsValidAllocation([8], [1], UnitMethod.Cms));
        Assert.True(UnitAllocator.IsValidAllocation([], [], UnitMethod.Cms));
    }

    [Fact]
    public void IsValid_Misuse_Throws()
    {
        Assert.Throws<ArgumentException>(() => UnitAllocator.IsValidAllocation([1, 2], [1], UnitMethod.Cms));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.IsValidAllocation([-1], [0], UnitMethod.Cms));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.IsValidAllocation([1], [0], (UnitMethod)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => UnitAllocator.IsValidAllocation([int.MaxValue, 1], [0, 0], UnitMethod.Cms));
    }

    [Fact]
    public void Tie_OnlyAtTheCut_NotAmongCodesThatAllGotAUnit()
    {
        // 97110 27 (12 left), 97112 12, 97140 3: 42 -> 3 units; both 12s get one, the 3 none: no choice.
        var result = Cms((C97110, 27), (C97112, 12), (C97140, 3));
        Assert.Null(result.Tie);
        Assert.Equal(0, result.UnitsOf(C97140));
        Assert.False(result.IsValidAllocation(Units((C97110, 2), (C97112, 0), (C97140, 1))));
    }

    [Fact]
    public void ManyTiedCodes_MessageDescribesTheChoiceInsteadOfListingEveryOption()
    {
        // Six codes of 7 minutes: 42 -> 3 units, any 3 of 6 (20 options).
        (CptCode, int)[] visit = [(C97110, 7), (C97112, 7), (C97140, 7), (C97116, 7), (C97530, 7), (C97535, 7)];
        var d = Assert.Single(Billed(visit, (C97110, 3)).Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
        Assert.Contains("any 3 of 97110, 97112, 97140, 97116, 97530, 97535", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Billed(visit, (C97116, 1), (C97530, 1), (C97535, 1)).Diagnostics, d => d.Id == DiagnosticIds.BilledUnitsDiffer);
    }
}
