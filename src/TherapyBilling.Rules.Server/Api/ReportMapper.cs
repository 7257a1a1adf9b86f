namespace TherapyBilling.Rules.Server.Api;

/// <summary>Turns the library's results into the response records; holds no rule.</summary>
internal static class ReportMapper
{
    public static ReportDto Unchecked(int index, EncounterReadResult read) =>
        new(index, read.Id, false, null, null, null, [], [], [.. read.Diagnostics.Select(Diagnostic)], []);

    public static ReportDto Checked(int index, EncounterReadResult read, Encounter encounter, EncounterReport report, ComplianceOptions options)
    {
        var diagnostics = read.Diagnostics.IsEmpty ? report.Diagnostics : DiagnosticOrder.Sort(read.Diagnostics.Concat(report.Diagnostics));
        return new ReportDto(
            index,
            report.Id,
            true,
            MethodName(report.Method),
            report.Units.TotalUnits,
            report.Units.TimedMinutes,
            [.. report.Lines.Select(l => new LineDto(l.Code.Value, l.Minutes, l.Units, [.. l.Modifiers.Select(m => m.Value)]))],
            Explanation(report.Units),
            [.. diagnostics.Select(Diagnostic)],
            FixFinder.Find(encounter, report, options));
    }

    public static UnitsResponse Units(string? id, UnitCalculation units, IEnumerable<Diagnostic> inputDiagnostics) =>
        new(
            id,
            MethodName(units.Method),
            units.TotalUnits,
            units.TimedMinutes,
            units.UntimedMinutes,
            [.. units.Lines.Select(l => new LineDto(l.Code.Value, l.Minutes, l.Units, []))],
            Explanation(units),
            [.. DiagnosticOrder.Sort(inputDiagnostics.Concat(units.Diagnostics)).Select(Diagnostic)]);

    public static DiagnosticDto Diagnostic(Diagnostic d) =>
        new(d.Id, SeverityText.Of(d.Severity), d.Descriptor.Title, d.Message, d.Path, Http.Problems.HelpRoute + d.Id);

    public static IReadOnlyList<ReferenceTableDto> Tables(ComplianceOptions options) =>
        [.. options.DescribeReferenceData().Select(t => new ReferenceTableDto(t.Name, t.Version, t.Source))];

    public static string MethodName(UnitMethod method) => method == UnitMethod.Ama ? "ama" : "cms";

    private static string[] Explanation(UnitCalculation units) =>
        [.. units.Explain().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
