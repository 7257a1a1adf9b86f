using System.Collections.Immutable;
using System.Text;
using TherapyBilling.Rules.Tests.Support;
using TherapyBilling.Rules.Tests.Timing;

namespace TherapyBilling.Rules.Tests.Units;

/// <summary>
/// The units findings and explanations rendered whole for a corpus (CPM ch. 5 §20.2 examples and the edges around
/// them): messages, arguments and every explanation line, including ties, the caller's preferred order, the
/// clinician's choice and a code the catalog does not know. Found missing by mutation testing (tests/mutation.md).
/// </summary>
public sealed class UnitMessagesSnapshotTests
{
    private static readonly CptCode C97110 = CptCode.Parse("97110");
    private static readonly CptCode C97112 = CptCode.Parse("97112");
    private static readonly CptCode C97140 = CptCode.Parse("97140");
    private static readonly CptCode C97530 = CptCode.Parse("97530");
    private static readonly CptCode C97535 = CptCode.Parse("97535");
    private static readonly CptCode C97161 = CptCode.Parse("97161");

    private static TreatmentSegment M(CptCode code, int minutes) => TreatmentSegment.FromMinutes(code, minutes);

    private static string RenderWithExplanation(string name, UnitCalculation result) =>
        SegmentMessagesSnapshotTests.Render(name, result) + string.Join('\n', result.Explain().Split('\n').Select(l => "  | " + l)) + "\n";

    [Fact]
    public void UnitsFindingsAndExplanations()
    {
        var text = new StringBuilder();
        void Add(string name, IEnumerable<TreatmentSegment> segments, UnitMethod method = UnitMethod.Cms, UnitCalculationOptions? options = null) =>
            text.Append(RenderWithExplanation(name, UnitCalculator.Calculate(segments, method, options)));

        Add("lone service under 8 minutes", [M(C97110, 7)]);
        Add("lone service of 8 minutes", [M(C97110, 8)]);
        Add("zero-unit line beside a billed one", [M(C97535, 30), M(C97110, 5)]);
        Add("zero-unit line under AMA", [M(C97535, 30), M(C97110, 7)], UnitMethod.Ama);
        Add("unknown code", [M(CptCode.Parse("99999"), 20), M(C97110, 20)]);
        Add("untimed code beside timed", [M(C97161, 30), M(C97110, 20)]);
        Add("CMS example 2: 7 + 7 minutes (tie, input order)", [M(C97110, 7), M(C97140, 7)]);
        Add("tie broken by total minutes", [M(C97110, 24), M(C97140, 9)]);
        Add("tie broken by the preferred order", [M(C97110, 7), M(C97140, 7)], options: UnitCalculationOptions.Default with { PreferredOrder = [C97140, C97110] });
        Add("preferred order names only the later code", [M(C97110, 22), M(C97140, 7)], options: UnitCalculationOptions.Default with { PreferredOrder = [C97140] });
        Add("largest leftover wins, others lose", [M(C97110, 20), M(C97112, 12), M(C97140, 9)]);
        Add("three full blocks and more", [M(C97110, 75), M(C97112, 8)]);
        Add("beyond the encounter limit", Enumerable.Repeat(M(C97110, 1440), 700));

        var tied = UnitCalculator.Calculate([M(C97110, 20), M(C97112, 20)], UnitMethod.Cms);
        text.Append(RenderWithExplanation("the clinician's choice of a tie", tied.WithAllocation(new Dictionary<CptCode, int> { [C97110] = 1, [C97112] = 2 })));
        text.Append("  options: ").Append(string.Join(" | ", tied.ValidAllocations(10).Select(o => string.Join(" + ", o.Select(kv => $"{kv.Key}x{kv.Value}"))))).Append('\n');

        Snapshot.Verify(text.ToString());
    }

    [Fact]
    public void BilledLineFindings_MessagesAndArguments()
    {
        var dos = new LocalDate(2026, 3, 2);
        var text = new StringBuilder();
        void Add(string name, TreatmentSegment[] segments, params BilledLine[] lines)
        {
            var report = ComplianceEngine.Check(new Encounter(name, dos, segments) { Discipline = Discipline.PhysicalTherapy, BilledLines = [.. lines] });
            text.Append("== ").Append(name).Append('\n');
            foreach (var d in report.Diagnostics.Where(d => d.Id.StartsWith("TBR1", StringComparison.Ordinal)))
            {
                text.Append("  ").Append(d).Append('\n');
                text.Append("    args: ").Append(string.Join("; ", d.Arguments.Select(a => a.Name + "=" + a.Value))).Append('\n');
            }
        }

        BilledLine L(CptCode code, int units) => new(code, units, [Modifier.GP]);

        Add("over-billed, one allocation", [M(C97110, 33), M(C97140, 7)], L(C97110, 3), L(C97140, 1));
        Add("two valid allocations listed", [M(C97110, 20), M(C97112, 20)], L(C97110, 3));
        Add("five codes tied: too many allocations to list", [M(C97110, 8), M(C97112, 8), M(C97140, 8), M(C97530, 8), M(C97535, 8)], L(C97110, 3));
        Add("no timed units at all", [M(C97110, 5)], L(C97110, 1));
        Add("billed code without minutes", [M(C97110, 30)], L(C97110, 2), L(C97112, 1));
        Add("untimed code billed twice", [M(C97161, 30), M(C97110, 15)], L(C97161, 2), L(C97110, 1));
        Add("billed lines agree only with a later valid option", [M(C97110, 20), M(C97112, 20)], L(C97110, 1), L(C97112, 3));
        Add("exactly four valid allocations, all listed", [M(C97110, 20), M(C97112, 5), M(C97140, 5), M(C97530, 5)], L(C97110, 3));
        Add("billed lines agree closest with the second option", [M(C97110, 20), M(C97112, 20), M(C97140, 20)], L(C97110, 2), L(C97112, 2), L(C97140, 2));

        Snapshot.Verify(text.ToString());
    }
}
