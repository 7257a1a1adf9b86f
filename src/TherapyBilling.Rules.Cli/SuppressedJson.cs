using System.Text.Json;

namespace TherapyBilling.Rules.Cli;

/// <summary>The suppressed findings of an encounter in JSON: id, path and the suppression's reason (written only when there are some).</summary>
internal static class SuppressedJson
{
    public static void Write(Utf8JsonWriter writer, EncounterReport? report)
    {
        if (report is null || report.Suppressed.IsDefaultOrEmpty)
        {
            return;
        }

        writer.WriteStartArray("suppressed");
        foreach (var suppressed in report.Suppressed)
        {
            writer.WriteStartObject();
            writer.WriteString("id", suppressed.Diagnostic.Id);
            writer.WriteString("severity", SeverityText.Of(suppressed.Diagnostic.Severity));
            writer.WriteString("path", suppressed.Diagnostic.Path);
            writer.WriteString("reason", suppressed.Suppression.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
