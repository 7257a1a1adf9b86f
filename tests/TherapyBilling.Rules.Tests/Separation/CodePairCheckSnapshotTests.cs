using System.Text;
using TherapyBilling.Rules.Tests.Support;
using static TherapyBilling.Rules.Tests.Separation.SeparationFixtures;

namespace TherapyBilling.Rules.Tests.Separation;

/// <summary>Golden files of the rendered findings for a corpus of sample encounters.</summary>
public sealed class CodePairCheckSnapshotTests
{
    private static IEnumerable<(string Name, SeparationInput Input)> Corpus()
    {
        yield return ("split blocks 97140/97530, XU on 97530", SeparationInput.FromBilledLines(Dos, SplitBlocks(), [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "XU")], Discipline.PhysicalTherapy));
        yield return ("split blocks, 59 on 97530", SeparationInput.FromBilledLines(Dos, SplitBlocks(), [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "59")], Discipline.PhysicalTherapy));
        yield return ("overlapping blocks, XU on 97530", SeparationInput.FromBilledLines(Dos, [Seg(C97140, "09:00", "09:10"), Seg(C97530, "09:05", "09:20"), Seg(C97140, "09:20", "09:25")], [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "XU")], Discipline.PhysicalTherapy));
        yield return ("59 on the column-1 line", SeparationInput.FromBilledLines(Dos, SplitBlocks(), [Line(C97140, 1, "GP", "59"), Line(C97530, 1, "GP")], Discipline.PhysicalTherapy));
        yield return ("97530 + 97535 without modifier, OT", SeparationInput.FromBilledLines(Dos, [Seg(C97530, "13:00", "13:20"), Seg(C97535, "13:20", "13:45")], [Line(C97530, 1, "GO"), Line(C97535, 2, "GO")], Discipline.OccupationalTherapy));
        yield return ("97530 + 97535, XU, minutes only", SeparationInput.FromBilledLines(Dos, [Min(C97530, 20), Min(C97535, 25)], [Line(C97530, 1, "GO"), Line(C97535, 2, "GO", "XU")], Discipline.OccupationalTherapy));
        yield return ("blanket 59 on every line", SeparationInput.FromBilledLines(Dos, [Seg(C97110, "10:00", "10:20"), Seg(C97112, "10:20", "10:40"), Seg(C97535, "10:40", "10:55")], [Line(C97110, 1, "GP", "59"), Line(C97112, 1, "GP", "59"), Line(C97535, 1, "GP", "59")], Discipline.PhysicalTherapy));
        yield return ("97110 and 97112 sharing minutes", SeparationInput.FromBilledLines(Dos, [Seg(C97110, "10:00", "10:20"), Seg(C97112, "10:12", "10:30")], [Line(C97110, 1, "GP"), Line(C97112, 1, "GP")], Discipline.PhysicalTherapy));
        yield return ("XS on 97530", SeparationInput.FromBilledLines(Dos, SplitBlocks(), [Line(C97140, 1, "GP"), Line(C97530, 1, "GP", "XS")], Discipline.PhysicalTherapy));
        yield return ("discipline modifiers missing, wrong, several", SeparationInput.FromBilledLines(Dos, [Min(C97110, 15), Min(C97112, 15), Min(C97535, 15)], [Line(C97110, 1), Line(C97112, 1, "GO"), Line(C97535, 1, "GP", "GN")], Discipline.PhysicalTherapy));
        yield return ("re-evaluation beside 97110", SeparationInput.FromBilledLines(Dos, [Seg(C97164, "08:30", "09:00"), Seg(C97110, "09:00", "09:30")], [Line(C97164, 1, "GP", "XU"), Line(C97110, 2, "GP")], Discipline.PhysicalTherapy));
        TreatmentSegment[] computed = [Seg(C97140, "09:00", "09:10", "GP"), Seg(C97530, "09:10", "09:25", "GP", "59"), Seg(C97140, "09:25", "09:30", "GP")];
        yield return ("computed lines from segments", SeparationInput.FromUnitCalculation(Dos, computed, UnitCalculator.Calculate(computed, UnitMethod.Cms), Discipline.PhysicalTherapy));
    }

    [Fact]
    public void Check_SampleEncounters_RenderedFindings()
    {
        var text = new StringBuilder();
        foreach (var (name, input) in Corpus())
        {
            text.Append("== ").Append(name).Append('\n');
            text.Append(CodePairCheck.Check(input).Explain());
            text.Append('\n');
        }

        Snapshot.Verify(text.ToString());
    }
}
