namespace TherapyBilling.Rules.Server.Api;

/// <summary>The answer of <c>POST /v1/check</c>: one report per encounter, in input order.</summary>
/// <param name="Reports">The reports.</param>
/// <param name="Rules">The reference data the reports were produced with.</param>
public sealed record CheckResponse(IReadOnlyList<ReportDto> Reports, IReadOnlyList<ReferenceTableDto> Rules);

/// <summary>The report of one encounter: its units, the explanation, the findings and the fixes the data proves.</summary>
/// <param name="Index">The 0-based position of the encounter in the request.</param>
/// <param name="Id">The encounter id (null when it could not be read).</param>
/// <param name="Checked">Whether the encounter was checked (false when its input had errors).</param>
/// <param name="Method">The unit method used (<c>cms</c> or <c>ama</c>), when checked.</param>
/// <param name="TotalUnits">The units the minutes support, when checked.</param>
/// <param name="TimedMinutes">The timed minutes, when checked.</param>
/// <param name="Lines">The billable lines: code, minutes, units, modifiers.</param>
/// <param name="Explanation">Why each unit was earned, one sentence per step.</param>
/// <param name="Diagnostics">The findings (and input errors), in canonical order.</param>
/// <param name="Fixes">Fixes the data proves, each naming the finding it resolves.</param>
public sealed record ReportDto(
    int Index,
    string? Id,
    bool Checked,
    string? Method,
    int? TotalUnits,
    int? TimedMinutes,
    IReadOnlyList<LineDto> Lines,
    IReadOnlyList<string> Explanation,
    IReadOnlyList<DiagnosticDto> Diagnostics,
    IReadOnlyList<FixDto> Fixes);

/// <summary>One billable line.</summary>
public sealed record LineDto(string Code, int Minutes, int Units, IReadOnlyList<string> Modifiers);

/// <summary>One finding: stable id, severity, message (never input text), path into the input, help link.</summary>
public sealed record DiagnosticDto(string Id, string Severity, string Title, string Message, string Path, string Help);

/// <summary>
/// A fix the data proves: <c>addModifier</c>/<c>removeModifier</c> on billed line <see cref="Line"/>, <c>setUnits</c>
/// to <see cref="Units"/>, or <c>documentTimes</c> (no modifier can be justified until the times are recorded).
/// </summary>
public sealed record FixDto(string DiagnosticId, string Path, string Action, int Line, string Code, string? Modifier, int? Units, string Reason);

/// <summary>The answer of <c>POST /v1/units</c>.</summary>
public sealed record UnitsResponse(string? Id, string Method, int TotalUnits, int TimedMinutes, int UntimedMinutes, IReadOnlyList<LineDto> Lines, IReadOnlyList<string> Explanation, IReadOnlyList<DiagnosticDto> Diagnostics);

/// <summary>One loaded reference table.</summary>
public sealed record ReferenceTableDto(string Name, string Version, string Source);

/// <summary>The answer of <c>GET /v1/reference</c>.</summary>
public sealed record ReferenceResponse(string ServerVersion, IReadOnlyList<ReferenceTableDto> Tables);

/// <summary>The answer of <c>GET /v1/diagnostics/{id}</c> as JSON (ask for <c>text/markdown</c> to get the page itself).</summary>
public sealed record DiagnosticHelpDto(string Id, string Title, string Severity, string Category, string Since, string Markdown);
