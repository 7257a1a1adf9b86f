using System.Text.Json;

namespace TherapyBilling.Rules.Cli;

/// <summary>How fixes read in every output format: the JSON object, the action's name and one line for people.</summary>
internal static class FixText
{
    /// <summary>Gets the action's JSON name, such as <c>addModifier</c>.</summary>
    public static string ActionName(FixAction action) => action switch
    {
        FixAction.AddModifier => "addModifier",
        FixAction.RemoveModifier => "removeModifier",
        FixAction.MoveModifier => "moveModifier",
        FixAction.ChangeUnits => "changeUnits",
        FixAction.SplitLine => "splitLine",
        FixAction.CorrectTimes => "correctTimes",
        _ => "addNoteElement",
    };

    /// <summary>Gets one line for people: <c>fix lines[0] 97535: change units to 3 - why</c>.</summary>
    public static string Line(Fix fix) => "fix " + fix.Path + " " + fix.Code.Value + ": " + fix.Describe() + " - " + fix.Reason;

    /// <summary>Writes the fix as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Fix fix)
    {
        writer.WriteStartObject();
        writer.WriteString("diagnosticId", fix.DiagnosticId);
        writer.WriteString("path", fix.Path);
        writer.WriteString("action", ActionName(fix.Action));
        writer.WriteString("code", fix.Code.Value);
        if (fix.Modifier is { } modifier)
        {
            writer.WriteString("modifier", modifier.Value);
        }

        if (fix.Units is int units)
        {
            writer.WriteNumber("units", units);
        }

        if (fix.TargetPath is { } target)
        {
            writer.WriteString("targetPath", target);
        }

        if (fix.Element is { } element)
        {
            writer.WriteString("element", element);
        }

        writer.WriteString("reason", fix.Reason);
        writer.WriteEndObject();
    }
}
