using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using TherapyBilling.Rules;

namespace NetFrameworkConsumer;

/// <summary>
/// Checks an encounters file (the JSON contract of the tool) with the library on .NET Framework and prints each
/// encounter's verdict as JSON: units, lines and findings. With <c>--from-report FILE</c> it prints the same fields
/// from a report the net10.0 tool wrote (<c>therapy-rules check --format json</c>), so CI can compare the two builds.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            if (args.Length == 2 && args[0] == "--from-report")
            {
                using (var report = JsonDocument.Parse(File.ReadAllBytes(args[1])))
                {
                    Console.Out.Write(Project(report.RootElement.GetProperty("encounters")));
                }

                return 0;
            }

            if (args.Length != 1)
            {
                Console.Error.WriteLine("usage: NetFrameworkConsumer ENCOUNTERS.json | --from-report REPORT.json");
                return 2;
            }

            var library = typeof(ComplianceEngine).Assembly;
            Console.Error.WriteLine("TherapyBilling.Rules " + library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                + " (" + library.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName + ") on " + Environment.Version);
            Console.Out.Write(CheckFile(args[0]));
            return 0;
        }
        catch (Exception e) when (e is IOException || e is JsonException || e is UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }
    }

    /// <summary>Reads and checks every encounter of the file with the library.</summary>
    private static string CheckFile(string path)
    {
        using (var input = JsonDocument.Parse(File.ReadAllBytes(path)))
        using (var buffer = new MemoryStream())
        {
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                var root = input.RootElement;
                var records = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("encounters");
                json.WriteStartArray();
                foreach (var record in records.EnumerateArray())
                {
                    var read = EncounterJson.Read(record);
                    json.WriteStartObject();
                    json.WriteString("id", read.Id);
                    if (read.Encounter is null)
                    {
                        WriteDiagnostics(json, read.Diagnostics);
                    }
                    else
                    {
                        var report = ComplianceEngine.Check(read.Encounter);
                        json.WriteString("method", EncounterJson.MethodName(report.Method));
                        json.WriteNumber("timedMinutes", report.Units.TimedMinutes);
                        json.WriteNumber("totalUnits", report.Units.TotalUnits);
                        json.WriteStartArray("lines");
                        foreach (var line in report.Lines)
                        {
                            json.WriteStartObject();
                            json.WriteString("code", line.Code.ToString());
                            json.WriteNumber("minutes", line.Minutes);
                            json.WriteNumber("units", line.Units);
                            json.WriteStartArray("modifiers");
                            foreach (var modifier in line.Modifiers)
                            {
                                json.WriteStringValue(modifier.ToString());
                            }

                            json.WriteEndArray();
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        WriteDiagnostics(json, DiagnosticOrder.Sort(read.Diagnostics.Concat(report.Diagnostics)));
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
    }

    private static void WriteDiagnostics(Utf8JsonWriter json, System.Collections.Generic.IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("id", d.Id);
            json.WriteString("severity", SeverityName(d.Severity));
            json.WriteString("message", d.Message);
            json.WriteString("path", d.Path);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string SeverityName(Severity severity) =>
        severity == Severity.Error ? "error" : severity == Severity.Warning ? "warning" : "info";

    /// <summary>The same fields, taken from a report of the tool.</summary>
    private static string Project(JsonElement encounters)
    {
        using (var buffer = new MemoryStream())
        {
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartArray();
                foreach (var e in encounters.EnumerateArray())
                {
                    json.WriteStartObject();
                    foreach (var name in new[] { "id", "method", "timedMinutes", "totalUnits", "lines" })
                    {
                        if (e.TryGetProperty(name, out var value))
                        {
                            json.WritePropertyName(name);
                            value.WriteTo(json);
                        }
                    }

                    json.WriteStartArray("diagnostics");
                    foreach (var d in e.GetProperty("diagnostics").EnumerateArray())
                    {
                        json.WriteStartObject();
                        foreach (var name in new[] { "id", "severity", "message", "path" })
                        {
                            json.WritePropertyName(name);
                            d.GetProperty(name).WriteTo(json);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
    }
}
