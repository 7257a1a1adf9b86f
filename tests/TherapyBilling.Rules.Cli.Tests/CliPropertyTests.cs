using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>Random mutations of valid inputs never crash the tool: it exits 0, 1 or 2 with a message, never with an unhandled exception.</summary>
public sealed class CliPropertyTests
{
    private static readonly string s_valid = File.ReadAllText(CliRunner.Corpus("clean.json")) ;
    private static readonly string s_findings = File.ReadAllText(CliRunner.Corpus("findings.json"));

    private static readonly JsonNode?[] s_replacements =
    [
        null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1441), JsonValue.Create(2_147_483_647), JsonValue.Create(1e300),
        JsonValue.Create(20.5), JsonValue.Create(true), JsonValue.Create(""), JsonValue.Create("97535"), JsonValue.Create("2026-02-30"),
        JsonValue.Create("24:00"), JsonValue.Create("23:59:59"), JsonValue.Create("ama"), JsonValue.Create("XU"), new JsonArray(), new JsonObject(),
        new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
    ];

    /// <summary>Text mutations: delete, insert, duplicate or truncate at random places.</summary>
    private static string MutateText(string text, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(text);
        int count = 1 + random.Next(4);
        for (int i = 0; i < count && builder.Length > 0; i++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0: builder.Remove(at, Math.Min(1 + random.Next(8), builder.Length - at)); break;
                case 1: builder.Insert(at, "{}[],:\"0-9.aeE\\ \n"[random.Next(17)]); break;
                case 2: builder.Insert(at, builder.ToString(at, Math.Min(random.Next(30), builder.Length - at))); break;
                default: builder.Length = at; break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Structural mutations: replace a random value of the document with a value of another type.</summary>
    private static string MutateStructure(string text, int seed)
    {
        var random = new Random(seed);
        var root = JsonNode.Parse(text)!;
        int count = 1 + random.Next(3);
        for (int i = 0; i < count; i++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            if (nodes.Count == 0)
            {
                break;
            }

            var target = nodes[random.Next(nodes.Count)];
            var replacement = s_replacements[random.Next(s_replacements.Length)]?.DeepClone();
            switch (target.Parent)
            {
                case JsonObject parent:
                    if (random.Next(5) == 0)
                    {
                        parent.Remove(target.GetPropertyName());
                    }
                    else
                    {
                        parent[target.GetPropertyName()] = replacement;
                    }

                    break;
                case JsonArray array:
                    array[target.GetElementIndex()] = replacement;
                    break;
            }
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        if (node.Parent is not null)
        {
            nodes.Add(node);
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    if (value is not null)
                    {
                        Collect(value, nodes);
                    }
                }

                break;
            case JsonArray a:
                foreach (var value in a)
                {
                    if (value is not null)
                    {
                        Collect(value, nodes);
                    }
                }

                break;
        }
    }

    private static bool NeverCrashes(string input, string format, string inputFormat)
    {
        var run = CliRunner.Run(["check", "-", "--format", format, "--input-format", inputFormat], input);
        bool exitOk = run.ExitCode is 0 or 1 or 2;
        // Exit 2 comes with one line per bad record (or one line for a bad document), each naming where it is.
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        bool messageOnError = run.ExitCode != 2 || (run.Stderr.Length > 0 && lines.All(l => l.StartsWith("therapy-rules: ", StringComparison.Ordinal)));
        bool noCrash = !run.Stderr.Contains("internal error", StringComparison.Ordinal) && !run.Stderr.Contains("   at ", StringComparison.Ordinal);
        return exitOk && messageOnError && noCrash;
    }

    private static Gen<string> Formats => Gen.Elements("text", "json", "ndjson", "junit", "html");

    [Property(MaxTest = 300)]
    public Property Check_TextMutationsOfValidInput_NeverCrash() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Formats.ToArbitrary(),
            (seed, format) => NeverCrashes(MutateText(seed % 2 == 0 ? s_valid : s_findings, seed), format, "json"));

    [Property(MaxTest = 300)]
    public Property Check_StructuralMutationsOfValidInput_NeverCrash() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Formats.ToArbitrary(),
            (seed, format) => NeverCrashes(MutateStructure(seed % 2 == 0 ? s_valid : s_findings, seed), format, "json"));

    [Property(MaxTest = 200)]
    public Property Check_MutatedNdjsonLines_NeverCrash() =>
        Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            seed =>
            {
                var encounters = JsonNode.Parse(s_findings)!["encounters"]!.AsArray();
                var lines = encounters.Select(e => e!.ToJsonString()).ToList();
                int at = seed % lines.Count;
                lines[at] = seed % 3 == 0 ? MutateText(lines[at], seed) : MutateStructure("{\"e\":" + lines[at] + "}", seed);
                if (lines[at].StartsWith("{\"e\":", StringComparison.Ordinal))
                {
                    lines[at] = JsonNode.Parse(lines[at]) is JsonObject o && o["e"] is { } e ? e.ToJsonString() : lines[at];
                }

                return NeverCrashes(string.Join("\n", lines), "ndjson", "ndjson");
            });
}
