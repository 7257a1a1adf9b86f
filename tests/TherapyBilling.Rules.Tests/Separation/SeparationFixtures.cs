namespace TherapyBilling.Rules.Tests.Separation;

internal static class SeparationFixtures
{
    public static readonly LocalDate Dos = new(2025, 3, 3);

    public static Modifier M(string text) => Modifier.Parse(text);

    public static TreatmentSegment Seg(CptCode code, string from, string to, params string[] modifiers) =>
        TreatmentSegment.FromTimes(code, LocalTime.FromHourMinuteSecondMillisecondTick(int.Parse(from[..2]), int.Parse(from[3..]), 0, 0, 0),
            LocalTime.FromHourMinuteSecondMillisecondTick(int.Parse(to[..2]), int.Parse(to[3..]), 0, 0, 0)) with
        { Modifiers = [.. modifiers.Select(M)] };

    public static TreatmentSegment Min(CptCode code, int minutes, params string[] modifiers) =>
        TreatmentSegment.FromMinutes(code, minutes) with { Modifiers = [.. modifiers.Select(M)] };

    public static BilledLine Line(CptCode code, int units, params string[] modifiers) => new(code, units, modifiers.Select(M));

    public static SeparationResult Billed(IEnumerable<TreatmentSegment> segments, IEnumerable<BilledLine> lines, Discipline? discipline = Discipline.PhysicalTherapy, PtpEditTable? table = null) =>
        CodePairCheck.Check(
            SeparationInput.FromBilledLines(Dos, segments, lines, discipline),
            table is null ? null : SeparationOptions.Default with { PairTable = table });

    public static PtpEdit Edit(CptCode c1, CptCode c2, ModifierIndicator indicator, LocalDate? effective = null, LocalDate? deletion = null) =>
        new(c1, c2, effective ?? new LocalDate(2020, 1, 1), deletion, indicator, "test", "test");

    public static string[] Ids(SeparationResult result) => [.. result.Diagnostics.Select(d => d.Id)];

    /// <summary>The split-block case of the CMS modifier-59 article, example 9: 10 min 97140, 15 min 97530, 5 min 97140.</summary>
    public static TreatmentSegment[] SplitBlocks() =>
    [
        Seg(C97140, "09:00", "09:10"),
        Seg(C97530, "09:10", "09:25"),
        Seg(C97140, "09:25", "09:30"),
    ];
}
