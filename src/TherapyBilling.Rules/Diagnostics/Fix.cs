using System.Globalization;
using System.Text;

namespace TherapyBilling.Rules;

/// <summary>
/// A fix as data, offered only where the data proves it: which line or segment (<see cref="Path"/>), what to do
/// (<see cref="Action"/>), the values, why, and the id of the finding it resolves.
/// </summary>
/// <remarks>
/// <para>A finding whose fix the data cannot tell carries none; its message says what to document instead.
/// Applying every fix of a report and checking again removes the findings they name and adds no error.</para>
/// <para>Immutable and thread-safe. Fixes are created by the check families; read them from
/// <see cref="Diagnostic.Fixes"/> or <see cref="EncounterReport.Fixes"/>.</para>
/// </remarks>
public sealed record Fix
{
    private Fix(string diagnosticId, string path, FixAction action, CptCode code, string reason)
    {
        DiagnosticId = diagnosticId;
        Path = path;
        Action = action;
        Code = code;
        Reason = reason;
    }

    /// <summary>Gets the id of the finding the fix resolves, such as <c>TBR108</c>.</summary>
    public string DiagnosticId { get; }

    /// <summary>Gets the path of the line or segment to change (<c>lines[1]</c>, <c>segments[0]</c>), 0-based.</summary>
    public string Path { get; }

    /// <summary>Gets what to do.</summary>
    public FixAction Action { get; }

    /// <summary>Gets the code of the line or segment.</summary>
    public CptCode Code { get; }

    /// <summary>Gets the modifier to add, remove or move (or the one the new line of a split carries), else <see langword="null"/>.</summary>
    public Modifier? Modifier { get; private init; }

    /// <summary>Gets the units to bill (<see cref="FixAction.ChangeUnits"/>) or to move onto the new line (<see cref="FixAction.SplitLine"/>), else <see langword="null"/>.</summary>
    public int? Units { get; private init; }

    /// <summary>Gets the line a modifier moves to (<see cref="FixAction.MoveModifier"/>), else <see langword="null"/>.</summary>
    public string? TargetPath { get; private init; }

    /// <summary>Gets the note element to add (<see cref="FixAction.AddNoteElement"/>), else <see langword="null"/>.</summary>
    public string? Element { get; private init; }

    /// <summary>Gets why, in one sentence in the invariant culture.</summary>
    public string Reason { get; }

    /// <summary>Describes the fix, such as <c>lines[0] 97535: change units to 2 (TBR108) - ...</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Path + " " + Code.Value + ": " + Describe() + " (" + DiagnosticId + ") - " + Reason;

    /// <summary>Describes the action and its values, such as <c>add modifier XU</c> or <c>change units to 2</c>.</summary>
    /// <returns>The text, in the invariant culture.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        switch (Action)
        {
            case FixAction.AddModifier: text.Append("add modifier ").Append(Modifier?.Value); break;
            case FixAction.RemoveModifier: text.Append("remove modifier ").Append(Modifier?.Value); break;
            case FixAction.MoveModifier: text.Append("move modifier ").Append(Modifier?.Value).Append(" to ").Append(TargetPath); break;
            case FixAction.ChangeUnits: text.Append("change units to ").Append(Units?.ToString(CultureInfo.InvariantCulture)); break;
            case FixAction.SplitLine:
                text.Append("split: move ").Append(Units?.ToString(CultureInfo.InvariantCulture)).Append(" unit(s) to a new line with ").Append(Modifier?.Value);
                break;
            case FixAction.CorrectTimes: text.Append("correct the segment times"); break;
            default: text.Append("add note element ").Append(Element); break;
        }

        return text.ToString();
    }

    internal static Fix AddModifier(string diagnosticId, string path, CptCode code, Modifier modifier, string reason) =>
        new(diagnosticId, path, FixAction.AddModifier, code, reason) { Modifier = modifier };

    internal static Fix RemoveModifier(string diagnosticId, string path, CptCode code, Modifier modifier, string reason) =>
        new(diagnosticId, path, FixAction.RemoveModifier, code, reason) { Modifier = modifier };

    internal static Fix MoveModifier(string diagnosticId, string path, CptCode code, Modifier modifier, string targetPath, string reason) =>
        new(diagnosticId, path, FixAction.MoveModifier, code, reason) { Modifier = modifier, TargetPath = targetPath };

    internal static Fix ChangeUnits(string diagnosticId, string path, CptCode code, int units, string reason) =>
        new(diagnosticId, path, FixAction.ChangeUnits, code, reason) { Units = units };

    internal static Fix SplitLine(string diagnosticId, string path, CptCode code, int units, Modifier modifier, string reason) =>
        new(diagnosticId, path, FixAction.SplitLine, code, reason) { Units = units, Modifier = modifier };
}
