using System.Text.Json;

namespace TherapyBilling.Rules.Fhir.Tests.Support;

/// <summary>The JSON-contract sample encounters (samples/data/encounters.json).</summary>
internal static class SampleEncounters
{
    public static IReadOnlyList<Encounter> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(F.RepoDir, "samples", "data", "encounters.json")));
        return [.. document.RootElement.GetProperty("encounters").EnumerateArray().Select(e => EncounterJson.Read(e).Encounter!)];
    }

    /// <summary>The encounter without what FHIR does not carry in structure (docs/fhir.md: these stay with the JSON contract).</summary>
    public static Encounter WithoutJsonOnlyFields(Encounter encounter) => encounter with
    {
        Documentation = null,
        BeneficiaryId = null,
        AllowedAmount = null,
        KxYearToDateAllowed = null,
        Authorization = null,
        Method = null,
    };

    /// <summary>A report as text: lines, units, method and every diagnostic (id, severity, path, message).</summary>
    public static string Describe(EncounterReport report) =>
        string.Join("\n", [
            $"{report.Id} {report.DateOfService:yyyy-MM-dd} {report.Method} units={report.Units.TotalUnits} timed={report.Units.TimedMinutes}",
            .. report.Lines.Select(l => $"  line {l.Code} {l.Minutes}min {l.Units}u [{string.Join(",", l.Modifiers)}]"),
            .. report.Diagnostics.Select(d => $"  {d.Id} {d.Severity} {d.Path}: {d.Message}"),
        ]);
}
