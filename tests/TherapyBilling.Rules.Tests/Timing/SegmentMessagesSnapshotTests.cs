using System.Text;
using TherapyBilling.Rules.Tests.Support;

namespace TherapyBilling.Rules.Tests.Timing;

/// <summary>
/// Every timing finding, rendered whole (message, path and named arguments) for a corpus of segment layouts: a
/// placeholder that loses its value, a wrong segment named, or a time printed in the wrong form changes the golden
/// file. Found missing by mutation testing (tests/mutation.md): the ids were asserted, the words were not.
/// </summary>
public sealed class SegmentMessagesSnapshotTests
{
    private static readonly LocalDate Dos = new(2026, 3, 2);
    private static readonly CptCode C97110 = CptCode.Parse("97110");
    private static readonly CptCode C97112 = CptCode.Parse("97112");
    private static readonly CptCode C97140 = CptCode.Parse("97140");
    private static readonly CptCode C97161 = CptCode.Parse("97161");

    private static TreatmentSegment At(CptCode code, int h1, int m1, int h2, int m2) => TreatmentSegment.FromTimes(code, new LocalTime(h1, m1), new LocalTime(h2, m2));

    private static TreatmentSegment On(CptCode code, LocalDateTime start, LocalDateTime end) => TreatmentSegment.FromTimes(code, start, end);

    internal static string Render(string name, UnitCalculation result)
    {
        var text = new StringBuilder("== ").Append(name).Append('\n');
        foreach (var line in result.Lines)
        {
            text.Append("  line ").Append(line.Code).Append(' ').Append(line.Minutes).Append(" min ").Append(line.Units).Append(" unit(s)\n");
        }

        foreach (var d in result.Diagnostics)
        {
            text.Append("  ").Append(d).Append('\n');
            text.Append("    args: ").Append(string.Join("; ", d.Arguments.Select(a => a.Name + "=" + a.Value))).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public void SegmentFindings_MessagesAndArguments()
    {
        var options = UnitCalculationOptions.Default with { DateOfService = Dos };
        var cases = new (string Name, TreatmentSegment[] Segments)[]
        {
            ("zero minutes", [TreatmentSegment.FromMinutes(C97110, 0), TreatmentSegment.FromMinutes(C97112, 20)]),
            ("zero-length times", [At(C97110, 9, 0, 9, 0), At(C97112, 9, 0, 9, 20)]),
            ("end before start", [At(C97110, 9, 30, 9, 10), At(C97112, 10, 0, 10, 20)]),
            ("crosses midnight, with dates", [On(C97110, new LocalDateTime(2026, 3, 2, 23, 50), new LocalDateTime(2026, 3, 3, 0, 10))]),
            ("off the date of service", [On(C97110, new LocalDateTime(2026, 3, 3, 9, 0), new LocalDateTime(2026, 3, 3, 9, 20))]),
            ("three overlapping timed segments", [At(C97110, 9, 0, 9, 20), At(C97112, 9, 10, 9, 30), At(C97140, 9, 25, 9, 40), At(C97110, 10, 0, 10, 10)]),
            ("nested overlap, later start shorter", [At(C97110, 9, 0, 9, 40), At(C97112, 9, 10, 9, 20)]),
            ("overlap of half a minute (shared minutes rounded up)", [TreatmentSegment.FromTimes(C97110, new LocalTime(9, 0), new LocalTime(9, 10, 30)), At(C97112, 9, 10, 9, 20)]),
            ("touching segments do not overlap", [At(C97110, 9, 0, 9, 20), At(C97112, 9, 20, 9, 40)]),
            ("evaluation during timed time", [At(C97110, 9, 0, 9, 30), At(C97161, 9, 20, 9, 50)]),
            ("timed time during an evaluation", [At(C97161, 9, 0, 9, 30), At(C97110, 9, 10, 9, 25)]),
            ("evaluation after a short and a long timed segment", [At(C97110, 9, 0, 9, 40), At(C97112, 9, 5, 9, 10), At(C97161, 9, 30, 9, 50)]),
            ("evaluation touching timed time", [At(C97110, 9, 0, 9, 20), At(C97161, 9, 20, 9, 50)]),
            ("two evaluations overlapping", [At(C97161, 9, 0, 9, 30), At(CptCode.Parse("97162"), 9, 20, 9, 50)]),
            ("evaluation inside the second of two timed segments", [At(C97110, 9, 0, 9, 10), At(C97112, 9, 15, 9, 45), At(C97161, 9, 20, 9, 25)]),
        };

        var text = new StringBuilder();
        foreach (var (name, segments) in cases)
        {
            text.Append(Render(name, UnitCalculator.Calculate(segments, UnitMethod.Cms, options)));
        }

        Snapshot.Verify(text.ToString());
    }
}
