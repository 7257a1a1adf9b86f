using System.Text.Json;
using System.Text.Json.Nodes;

namespace TherapyBilling.Rules.Tests.Serialization;

/// <summary>
/// Issue 12, echo allowlist (docs/cli.md "What output may echo"): of the input, a report may repeat only the
/// encounter id, codes, modifiers and payer ids as known reference values, and numbers. Unique markers planted in
/// every string field of every record kind (and in property names) never appear in any diagnostic's message,
/// arguments or path, whether the record is read and checked or refused. The CLI has its own version over every format.
/// </summary>
public sealed class NoEchoLibraryTests
{
    private static JsonObject Fixture() => JsonNode.Parse(File.ReadAllText(EncounterJsonFamiliesTests.AllFieldsPath()))!.AsObject();

    /// <summary>Every string value of the fixture except the encounter id, by its JSON path.</summary>
    private static List<string> StringPaths()
    {
        var paths = new List<string>();
        Collect(Fixture(), paths);
        paths.Remove("$.id");
        return paths;

        static void Collect(JsonNode? node, List<string> paths)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, child) in o)
                    {
                        Collect(child, paths);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Collect(child, paths);
                    }

                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    paths.Add(v.GetPath());
                    break;
                default:
                    break;
            }
        }
    }

    private static IEnumerable<(string Name, JsonObject Record)> Variants()
    {
        var paths = StringPaths();
        Assert.True(paths.Count > 40, "the fixture should use every string field of the contract");

        // One marker at a time: codes, dates and enums become invalid (refused records), free text stays valid (checked records).
        for (int i = 0; i < paths.Count; i++)
        {
            var record = Fixture();
            Replace(record, paths[i], Marker(i));
            yield return (paths[i], record);
        }

        // Every free-text field at once, goal ids consistent so the record is read and checked: authorization, goal and payer findings fire.
        var all = Fixture();
        int n = 1000;
        foreach (string path in paths.Where(p => !p.Contains("code", StringComparison.OrdinalIgnoreCase) && !p.Contains("modifiers", StringComparison.Ordinal)))
        {
            string current = Find(all, path)!.GetValue<string>();
            if (current is "STG1")
            {
                Replace(all, path, "MRKGOALQ");
            }
            else if (!IsStructured(path))
            {
                Replace(all, path, Marker(n++));
            }
        }

        yield return ("every free-text field", all);

        // A goal link to an unknown goal (TBR207) and a goal at independence (TBR209), with markers as ids.
        var goals = Fixture();
        Find(goals, "$.documentation.interventions[0].goalIds")!.AsArray().Add("MRKLINKQ");
        Find(goals, "$.documentation.interventions[0]")!["assistanceAfter"] = new JsonObject { ["scale"] = "FIM", ["value"] = "7" };
        yield return ("goal findings", goals);

        // An authorization used up (TBR440) and one outside its dates (TBR441).
        var used = Fixture();
        Find(used, "$.authorization")!["visitsUsed"] = 12;
        yield return ("authorization used up", used);
        var outside = Fixture();
        Find(outside, "$.authorization")!["through"] = "2025-09-10";
        yield return ("authorization outside dates", outside);

        // An unknown property named with a marker at every object level.
        var named = Fixture();
        int k = 2000;
        AddUnknown(named, ref k);
        yield return ("unknown property names", named);
        var misspelled = Fixture();
        misspelled["SegmentsMRKQ"] = new JsonArray();
        misspelled["Segments"] = misspelled["segments"]!.DeepClone();
        yield return ("misspelled property", misspelled);
    }

    private static bool IsStructured(string path) =>
        path.EndsWith("dateOfService", StringComparison.Ordinal) || path.EndsWith("On", StringComparison.Ordinal) || path.EndsWith(".date", StringComparison.Ordinal)
        || path.EndsWith("periodEnd", StringComparison.Ordinal) || path.EndsWith("from", StringComparison.Ordinal) || path.EndsWith("through", StringComparison.Ordinal)
        || path.EndsWith("start", StringComparison.Ordinal) || path.EndsWith("end", StringComparison.Ordinal) || path.Contains("treatmentDays", StringComparison.Ordinal)
        || path.EndsWith("firstTreatmentDate", StringComparison.Ordinal) || path.EndsWith("method", StringComparison.Ordinal) || path.EndsWith("discipline", StringComparison.Ordinal)
        || path.EndsWith("role", StringComparison.OrdinalIgnoreCase) || path.EndsWith("furnishedBy", StringComparison.Ordinal) || path.EndsWith("placeOfService", StringComparison.Ordinal)
        || path.EndsWith("scale", StringComparison.Ordinal) || path.EndsWith("value", StringComparison.Ordinal);

    private static string Marker(int i) => "MRK" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Q";

    private static void AddUnknown(JsonNode? node, ref int k)
    {
        if (node is JsonObject o)
        {
            foreach (var child in o.Select(p => p.Value).ToList())
            {
                AddUnknown(child, ref k);
            }

            o[Marker(k++)] = Marker(k++);
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                AddUnknown(child, ref k);
            }
        }
    }

    private static JsonNode? Find(JsonObject root, string path)
    {
        JsonNode? node = root;
        foreach (string part in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = part;
            var indices = new List<int>();
            int bracket = name.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                indices.AddRange(name[bracket..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));
                name = name[..bracket];
            }

            node = node![name];
            foreach (int index in indices)
            {
                node = node![index];
            }
        }

        return node;
    }

    private static void Replace(JsonObject root, string path, string value) => Find(root, path)!.ReplaceWith(value);

    [Fact]
    public void Read_AndCheck_NeverEchoAPlantedMarker()
    {
        int checkedRecords = 0, refused = 0;
        foreach (var (name, record) in Variants())
        {
            foreach (var options in new[] { EncounterReadOptions.Default, new EncounterReadOptions { Strict = true } })
            {
                using var document = JsonDocument.Parse(record.ToJsonString());
                var read = EncounterJson.Read(document.RootElement, options);
                var diagnostics = read.Diagnostics.ToList();
                if (read.Encounter is { } encounter)
                {
                    diagnostics.AddRange(ComplianceEngine.Check(encounter).Diagnostics);
                    checkedRecords++;
                }
                else
                {
                    refused++;
                }

                foreach (var d in diagnostics)
                {
                    string text = d.Message + " " + d.Path + " " + string.Join(" ", d.Arguments.Select(a => a.Name + "=" + a.Value));
                    Assert.False(text.Contains("MRK", StringComparison.Ordinal), $"{name}: {d.Id} echoes a marker: {text}");
                }
            }
        }

        // Both kinds of record were exercised.
        Assert.True(checkedRecords > 10 && refused > 10, $"checked {checkedRecords}, refused {refused}");
    }

    [Fact]
    public void Variants_ExerciseTheFindingsThatUsedToEcho()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, record) in Variants())
        {
            using var document = JsonDocument.Parse(record.ToJsonString());
            var read = EncounterJson.Read(document.RootElement);
            ids.UnionWith(read.Diagnostics.Select(d => d.Id));
            if (read.Encounter is { } encounter)
            {
                ids.UnionWith(ComplianceEngine.Check(encounter).Diagnostics.Select(d => d.Id));
            }
        }

        Assert.Superset(new HashSet<string> { "TBR017", "TBR018", "TBR207", "TBR209", "TBR402", "TBR440", "TBR441", "TBR442" }, ids);
    }
}
