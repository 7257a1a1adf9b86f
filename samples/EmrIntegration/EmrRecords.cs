namespace EmrIntegration;

// The EMR's own record types, as a vendor would already have them. Nothing here knows TherapyBilling.Rules.

/// <summary>One therapy visit as the EMR stores it.</summary>
/// <param name="VisitNumber">The EMR's visit number (the only field the scrubber echoes).</param>
/// <param name="ChartNumber">The patient's chart number: protected health information, never rendered.</param>
/// <param name="ServiceDate">The date of service.</param>
/// <param name="TherapyType">The EMR's discipline code: "PT", "OT" or "ST".</param>
/// <param name="TimeEntries">The clinician's timed entries (the treatment log).</param>
/// <param name="Charges">The charges the EMR is about to put on the claim.</param>
public sealed record EmrVisit(
    string VisitNumber,
    string ChartNumber,
    DateOnly ServiceDate,
    string TherapyType,
    IReadOnlyList<EmrTimeEntry> TimeEntries,
    IReadOnlyList<EmrCharge> Charges);

/// <summary>A block of treatment time in the EMR's treatment log.</summary>
public sealed record EmrTimeEntry(string Cpt, TimeOnly Start, TimeOnly End);

/// <summary>A charge line: CPT code, units and the modifiers as the EMR stores them ("GP,59").</summary>
public sealed record EmrCharge(string Cpt, int Units, string Modifiers = "");
