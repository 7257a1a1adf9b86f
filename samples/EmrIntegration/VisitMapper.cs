using System.Diagnostics.CodeAnalysis;
using NodaTime;
using TherapyBilling.Rules;

namespace EmrIntegration;

/// <summary>Maps the EMR's <see cref="EmrVisit"/> to the library's <see cref="Encounter"/>.</summary>
public static class VisitMapper
{
    /// <summary>Maps a visit, or says which field of the EMR record cannot be mapped (without echoing its value).</summary>
    /// <param name="visit">The EMR record.</param>
    /// <param name="encounter">The encounter, when the record maps.</param>
    /// <param name="problem">What is wrong with the record, when it does not.</param>
    /// <returns><see langword="true"/> when the record maps.</returns>
    public static bool TryMap(EmrVisit visit, [NotNullWhen(true)] out Encounter? encounter, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(visit);
        encounter = null;

        if (!TryMapDiscipline(visit.TherapyType, out var discipline))
        {
            problem = "therapy type is not PT, OT or ST";
            return false;
        }

        var segments = new List<TreatmentSegment>(visit.TimeEntries.Count);
        for (int i = 0; i < visit.TimeEntries.Count; i++)
        {
            var entry = visit.TimeEntries[i];
            if (!CptCode.TryParse(entry.Cpt, out var code))
            {
                problem = $"time entry {i + 1}: the CPT code is malformed";
                return false;
            }

            if (entry.End < entry.Start)
            {
                problem = $"time entry {i + 1}: the end is before the start";
                return false;
            }

            segments.Add(TreatmentSegment.FromTimes(code, LocalTime.FromTimeOnly(entry.Start), LocalTime.FromTimeOnly(entry.End)));
        }

        var lines = new List<BilledLine>(visit.Charges.Count);
        for (int i = 0; i < visit.Charges.Count; i++)
        {
            var charge = visit.Charges[i];
            if (!CptCode.TryParse(charge.Cpt, out var code) || charge.Units < 0)
            {
                problem = $"charge {i + 1}: the CPT code or the units are malformed";
                return false;
            }

            var modifiers = new List<Modifier>();
            foreach (string text in charge.Modifiers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Modifier.TryParse(text, out var modifier))
                {
                    problem = $"charge {i + 1}: a modifier is malformed";
                    return false;
                }

                modifiers.Add(modifier);
            }

            lines.Add(new BilledLine(code, charge.Units, modifiers));
        }

        encounter = new Encounter(visit.VisitNumber, LocalDate.FromDateOnly(visit.ServiceDate), segments)
        {
            Discipline = discipline,
            BilledLines = [.. lines],
        };
        problem = null;
        return true;
    }

    private static bool TryMapDiscipline(string therapyType, out Discipline discipline)
    {
        switch (therapyType.Trim().ToUpperInvariant())
        {
            case "PT":
                discipline = Discipline.PhysicalTherapy;
                return true;
            case "OT":
                discipline = Discipline.OccupationalTherapy;
                return true;
            case "ST":
            case "SLP":
                discipline = Discipline.SpeechLanguagePathology;
                return true;
            default:
                discipline = default;
                return false;
        }
    }
}
