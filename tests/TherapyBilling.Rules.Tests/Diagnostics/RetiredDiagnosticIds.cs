namespace TherapyBilling.Rules.Tests.Diagnostics;

/// <summary>
/// Ids that were retired. A retired id stays retired: it never gets a descriptor or a constant again, and the catalog
/// lists it as retired. Add a row here (never remove one) when an id is dropped.
/// </summary>
public static class RetiredDiagnosticIds
{
    public static IReadOnlyList<(string Id, string Category, string Reason)> All { get; } =
    [
        ("TBR403", "Payers", "Dropped before 0.1.0 as a duplicate of [TBR310](TBR310.md); it was never released."),
    ];
}
