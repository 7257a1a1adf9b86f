namespace TherapyBilling.Rules;

/// <summary>A structured value behind a diagnostic's message, so nobody has to parse messages.</summary>
/// <param name="Name">The placeholder name in the descriptor's message format.</param>
/// <param name="Value">The value, formatted in the invariant culture.</param>
public readonly record struct DiagnosticArgument(string Name, string Value);
