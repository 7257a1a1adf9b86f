using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TherapyBilling.Rules.Cli.Tests.Support;

namespace TherapyBilling.Rules.Cli.Tests.Fuzz;

/// <summary>
/// The seed records of the mutation fuzzer (every encounter of the samples and the test corpus, one compact JSON line
/// each) with a unique marker planted in every string field that is not the encounter id, a code, a modifier, a date,
/// a time or a one-word enumeration; and the mutations: bit flips, deletions, splices, boundary numbers and dates.
/// </summary>
internal static partial class MutationCorpus
{
    /// <summary>Numbers at the edges: zero and negative zero, ±1, int/long/decimal limits, overflowing doubles, the contract's own limits.</summary>
    public static readonly string[] BoundaryNumbers =
    [
        "0", "-0", "-0.0", "-0.000", "1", "-1", "0.5", "-0.5", "2147483647", "-2147483648", "2147483648", "9223372036854775807",
        "-9223372036854775808", "9223372036854775808", "79228162514264337593543950335", "-79228162514264337593543950335",
        "79228162514264337593543950336", "1e400", "-1e400", "1E-400", "4.9e-324", "1440", "1441", "999", "1000", "3000000",
        "1000000000", "0.0000000000000000000000000001", "1e9", "123.4567890123456789",
    ];

    /// <summary>Dates at the ends of the calendar and around them.</summary>
    public static readonly string[] BoundaryDates = ["0001-01-01", "9999-12-31", "9999-10-01", "9999-12-01", "0001-01-02", "2024-02-29", "1900-01-01"];

    /// <summary>Loads the seeds with markers planted; <paramref name="markers"/> receives every marker used.</summary>
    public static List<string> Seeds(ISet<string> markers)
    {
        var seeds = new List<string>();
        var planted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var encounter in SampleEncounters())
        {
            Plant(encounter, planted, top: true);
            seeds.Add(encounter.ToJsonString());
        }

        markers.UnionWith(planted.Values);
        return seeds;
    }

    /// <summary>One mutation of a seed (or of two, for a splice), as one line of text that is not blank.</summary>
    public static string Mutate(Random random, IReadOnlyList<string> seeds)
    {
        string seed = seeds[random.Next(seeds.Count)];
        string mutated = random.Next(10) switch
        {
            0 => BitFlips(random, seed),
            1 => Delete(random, seed),
            2 => Splice(random, seed, seeds[random.Next(seeds.Count)]),
            3 or 4 or 5 => ReplaceNumbers(random, seed, all: false),
            6 => ReplaceNumbers(random, seed, all: true),
            7 or 8 => ReplaceDates(random, seed),
            _ => ReplaceDates(random, ReplaceNumbers(random, seed, all: false)),
        };
        mutated = mutated.Replace('\n', ' ').Replace('\r', ' ');
        return string.IsNullOrWhiteSpace(mutated) ? "x" : mutated;
    }

    private static IEnumerable<JsonObject> SampleEncounters()
    {
        foreach (string line in File.ReadLines(Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.ndjson")))
        {
            if (!string.IsNullOrWhiteSpace(line) && JsonNode.Parse(line) is JsonObject record)
            {
                yield return record;
            }
        }

        string[] documents =
        [
            Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.json"),
            Path.Combine(CliRunner.RepoDir, "samples", "data", "documentation-sample.json"),
            Path.Combine(CliRunner.RepoDir, "samples", "data", "payer-sample.json"),
            CliRunner.Corpus("clean.json"),
            CliRunner.Corpus("findings.json"),
        ];
        foreach (string path in documents)
        {
            if (JsonNode.Parse(File.ReadAllText(path))?["encounters"] is JsonArray encounters)
            {
                foreach (var item in encounters)
                {
                    if (item is JsonObject record)
                    {
                        yield return (JsonObject)record.DeepClone();
                    }
                }
            }
        }
    }

    /// <summary>Replaces every plantable string with its marker (the same value always gets the same marker, so references such as goal ids still match).</summary>
    private static void Plant(JsonNode node, Dictionary<string, string> planted, bool top)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (top && name == "id")
                    {
                        continue;
                    }

                    if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        if (Plantable(text))
                        {
                            obj[name] = MarkerOf(text, planted);
                        }
                    }
                    else if (value is not null)
                    {
                        Plant(value, planted, top: false);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && leaf.TryGetValue<string>(out var text))
                    {
                        if (Plantable(text))
                        {
                            array[i] = MarkerOf(text, planted);
                        }
                    }
                    else if (array[i] is { } child)
                    {
                        Plant(child, planted, top: false);
                    }
                }

                break;
        }
    }

    private static string MarkerOf(string text, Dictionary<string, string> planted)
    {
        if (!planted.TryGetValue(text, out var marker))
        {
            marker = string.Create(CultureInfo.InvariantCulture, $"QMK{planted.Count:D5}X");
            planted[text] = marker;
        }

        return marker;
    }

    /// <summary>Free text and identifiers are planted; codes, modifiers, dates, times, numbers and one-word enumerations (cms, therapist, medicare) are structure.</summary>
    private static bool Plantable(string text) => !Structural().IsMatch(text);

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}|\d{2}:\d{2}(:\d{2})?|[A-Z0-9]{2}|[0-9A-Z]\d{4}|[0-9A-Z]\d{3}[A-Z0-9]|\d+|[A-Za-z]{1,16}|)$")]
    private static partial Regex Structural();

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][+-]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex Date();

    private static string BitFlips(Random random, string seed)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(seed);
        int flips = 1 + random.Next(3);
        for (int i = 0; i < flips; i++)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }

        // Invalid UTF-8 stays as U+FFFD here: the stream the tool reads is written from this text.
        return Encoding.UTF8.GetString(bytes);
    }

    private static string Delete(Random random, string seed)
    {
        int start = random.Next(seed.Length);
        int length = Math.Min(seed.Length - start, 1 + random.Next(24));
        return seed.Remove(start, length);
    }

    private static string Splice(Random random, string first, string second) =>
        string.Concat(first.AsSpan(0, random.Next(first.Length)), second.AsSpan(random.Next(second.Length)));

    private static string ReplaceNumbers(Random random, string seed, bool all)
    {
        // Only numbers that are JSON values (after ':' or '[' or ','), not digits inside strings.
        var matches = Number().Matches(seed).Where(m => m.Index > 0 && seed[m.Index - 1] is ':' or '[' or ',').ToList();
        if (matches.Count == 0)
        {
            return seed;
        }

        var chosen = all ? matches : [matches[random.Next(matches.Count)]];
        var text = new StringBuilder(seed);
        foreach (var match in chosen.OrderByDescending(m => m.Index))
        {
            text.Remove(match.Index, match.Length).Insert(match.Index, BoundaryNumbers[random.Next(BoundaryNumbers.Length)]);
        }

        return text.ToString();
    }

    private static string ReplaceDates(Random random, string seed)
    {
        var matches = Date().Matches(seed);
        if (matches.Count == 0)
        {
            return seed;
        }

        // Sometimes one date, sometimes every date (a date of service near the end of the calendar with its note).
        string date = BoundaryDates[random.Next(BoundaryDates.Length)];
        if (random.Next(2) == 0)
        {
            return Date().Replace(seed, date);
        }

        var match = matches[random.Next(matches.Count)];
        return string.Concat(seed.AsSpan(0, match.Index), date, seed.AsSpan(match.Index + match.Length));
    }
}
