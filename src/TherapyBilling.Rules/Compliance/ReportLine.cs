using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>A computed claim line of an encounter report: code, minutes, units and the modifiers it carries.</summary>
/// <param name="Code">The code.</param>
/// <param name="Minutes">The code's whole minutes on the day.</param>
/// <param name="Units">The computed units.</param>
/// <param name="Modifiers">The modifiers: as billed when lines were given (every line of the code, in first-seen order), else as recorded on the code's segments.</param>
public sealed record ReportLine(CptCode Code, int Minutes, int Units, ImmutableArray<Modifier> Modifiers);
