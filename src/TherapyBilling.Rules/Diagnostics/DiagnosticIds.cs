namespace TherapyBilling.Rules;

/// <summary>
/// Every diagnostic id the library can report, as constants. Ids are stable: never renumbered, never reused;
/// a retired id stays retired.
/// </summary>
/// <remarks>
/// Ranges: <c>TBR0xx</c> input and reference data, <c>TBR1xx</c> units and time, <c>TBR2xx</c> documentation,
/// <c>TBR3xx</c> code separation and modifiers, <c>TBR4xx</c> payer rules. Each family keeps its ids in its own
/// partial file; each id has a descriptor in <see cref="DiagnosticDescriptors"/> and a page under
/// <c>docs/diagnostics/</c>.
/// </remarks>
public static partial class DiagnosticIds
{
}
