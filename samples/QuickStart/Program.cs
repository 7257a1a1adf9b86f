using NodaTime;
using TherapyBilling.Rules;

// An OT visit: 97535 self-care training split in two blocks, then 97530 therapeutic activities.
var selfCare = CptCode.Parse("97535");
var activities = CptCode.Parse("97530");
var encounter = new Encounter("visit-1001", new LocalDate(2026, 3, 2),
[
    TreatmentSegment.FromTimes(selfCare, new LocalTime(9, 0), new LocalTime(9, 18)),
    TreatmentSegment.FromTimes(activities, new LocalTime(9, 18), new LocalTime(9, 29)),
    TreatmentSegment.FromTimes(selfCare, new LocalTime(9, 29), new LocalTime(9, 36, 30)),
])
{
    Method = UnitMethod.Cms,
    Discipline = Discipline.OccupationalTherapy,
};

var report = ComplianceEngine.Check(encounter);

Console.WriteLine($"Encounter {report.Id} on {report.DateOfService:yyyy-MM-dd} ({report.Method}):");
foreach (var line in report.Lines)
{
    Console.WriteLine($"  {line.Code}  {line.Minutes,3} min  {line.Units} unit(s)");
}

Console.WriteLine($"  total: {report.Units.TimedMinutes} timed minutes, {report.Units.TotalUnits} unit(s)");
Console.WriteLine();
Console.Write(report.Units.Explain());
foreach (var diagnostic in report.Diagnostics)
{
    Console.WriteLine(diagnostic);
}
