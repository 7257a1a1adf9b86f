using System.Reflection;
using NodaTime;
using TherapyBilling.Rules;

// A consumer of the published package: units of an encounter, a compliance check, and the package's own identity.
var encounter = new Encounter("consumer-1", new LocalDate(2026, 3, 2),
[
    TreatmentSegment.FromMinutes(CptCode.Parse("97535"), 33),
    TreatmentSegment.FromMinutes(CptCode.Parse("97530"), 7),
])
{
    Discipline = Discipline.OccupationalTherapy,
    BilledLines = [new BilledLine(CptCode.Parse("97535"), 3, [Modifier.GO])],
};

var report = ComplianceEngine.Check(encounter);
var assembly = typeof(ComplianceEngine).Assembly;
string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";

Console.WriteLine($"TherapyBilling.Rules {version}");
Console.WriteLine($"{report.Id}: {report.Units.TimedMinutes} timed minutes, {report.Units.TotalUnits} unit(s) ({report.Method})");
foreach (var diagnostic in report.Diagnostics)
{
    Console.WriteLine(diagnostic);
}

// 33 + 7 = 40 timed minutes -> 3 units under CMS; 97535 billed with 3 units but earns 2 -> TBR108.
bool ok = report.Units.TotalUnits == 3 && report.Diagnostics.Any(d => d.Id == DiagnosticIds.BilledUnitsDiffer);
Console.WriteLine(ok ? "consumer check: ok" : "consumer check: UNEXPECTED RESULT");
return ok ? 0 : 1;
