using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace TherapyBilling.Rules;

/// <summary>
/// The property names of the JSON input contract at every object level, for strict reading: a property not named
/// here is reported (TBR017 when it looks like a misspelling of a known name, else TBR018). The strict JSON Schema
/// (<c>schemas/encounter.strict.schema.json</c>) declares exactly these names (a test keeps them in step).
/// </summary>
/// <remarks>A member's child shape applies to its value when it is an object, or to each object of its array. Thread-safe.</remarks>
internal sealed class ContractShape
{
    private readonly Dictionary<string, ContractShape?> _members;

    private ContractShape(params (string Name, ContractShape? Child)[] members)
    {
        Names = [.. members.Select(static m => m.Name)];
        _members = members.ToDictionary(static m => m.Name, static m => m.Child, StringComparer.Ordinal);
    }

    /// <summary>Gets the known names at this level, in contract order.</summary>
    public ImmutableArray<string> Names { get; }

    private static readonly ContractShape s_segment = new(("code", null), ("minutes", null), ("start", null), ("end", null), ("modifiers", null), ("furnishedBy", null), ("assistantMinutes", null), ("region", null));
    private static readonly ContractShape s_line = new(("code", null), ("units", null), ("modifiers", null));
    private static readonly ContractShape s_authorization = new(("id", null), ("visits", null), ("from", null), ("through", null), ("visitsUsed", null), ("payer", null), ("discipline", null), ("codes", null));
    private static readonly ContractShape s_level = new(("scale", null), ("value", null));
    private static readonly ContractShape s_signature = new(("signed", null), ("credentials", null), ("role", null), ("signedOn", null));
    private static readonly ContractShape s_goal = new(("id", null));
    private static readonly ContractShape s_intervention = new(
        ("code", null), ("minutes", null), ("start", null), ("end", null), ("billed", null), ("task", null), ("assistanceBefore", s_level), ("assistanceAfter", s_level),
        ("compensatoryStrategy", null), ("adaptiveEquipment", null), ("safetyInstruction", null), ("patientResponse", null), ("caregiverResponse", null), ("goalIds", null),
        ("oneOnOne", null), ("ableToFollowInstructions", null), ("caregiverOnly", null), ("narrative", null));
    private static readonly ContractShape s_report = new(("date", null), ("periodEnd", null), ("authorRole", null));
    private static readonly ContractShape s_recertification = new(("signedOn", null), ("durationDays", null), ("delayReasonDocumented", null));
    private static readonly ContractShape s_plan = new(("signedOn", null), ("verbalOrderOn", null), ("durationDays", null), ("delayReasonDocumented", null), ("recertifications", s_recertification));
    private static readonly ContractShape s_episode = new(
        ("firstTreatmentDate", null), ("treatmentDays", null), ("progressReports", s_report), ("planOfCare", s_plan), ("previousNarrative", null), ("periodTimedMinutes", null), ("periodTimedUnits", null));
    private static readonly ContractShape s_documentation = new(
        ("dateOfService", null), ("interventions", s_intervention), ("totalTimedMinutes", null), ("totalTreatmentMinutes", null), ("signature", s_signature),
        ("assistantInvolved", null), ("contributors", s_signature), ("goals", s_goal), ("episode", s_episode));

    /// <summary>Gets the shape of one encounter record.</summary>
    public static ContractShape Encounter { get; } = new(
        ("id", null), ("dateOfService", null), ("method", null), ("discipline", null), ("segments", s_segment), ("lines", s_line),
        ("documentation", s_documentation),
        ("payer", null), ("telehealth", null), ("placeOfService", null), ("beneficiaryId", null), ("allowedAmount", null), ("kxYearToDateAllowed", null), ("authorization", s_authorization));

    /// <summary>Gets the child shape of a known member, or <see langword="null"/> for a scalar (or array of scalars).</summary>
    public ContractShape? Child(string name) => _members.GetValueOrDefault(name);

    /// <summary>Lists every known property as a dotted path (<c>segments.code</c>), for the schema agreement test.</summary>
    public IEnumerable<string> DottedNames(string prefix = "")
    {
        foreach (string name in Names)
        {
            string path = prefix.Length == 0 ? name : prefix + "." + name;
            yield return path;
            if (Child(name) is { } child)
            {
                foreach (string inner in child.DottedNames(path))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Reports every property of <paramref name="element"/> (at any depth) that this shape does not name.</summary>
    public void ReportUnknown(JsonElement element, string path, bool strict, List<Diagnostic> diagnostics)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        int position = 0;
        foreach (var property in element.EnumerateObject())
        {
            position++;
            if (_members.TryGetValue(property.Name, out var child))
            {
                if (child is not null)
                {
                    string at = path.Length == 0 ? property.Name : path + "." + property.Name;
                    Walk(child, property.Value, at, strict, diagnostics);
                }

                continue;
            }

            var objectArg = Arg.Of("object", path.Length == 0 ? "the encounter" : "'" + path + "'");
            var positionArg = Arg.Of("position", position);
            if (NearestKnown(property.Name) is { } known)
            {
                diagnostics.Add(DiagnosticDescriptors.InputPropertyMisspelled.Create(path, positionArg, objectArg, Arg.Of("known", known)));
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.InputPropertyUnknown.Create(strict ? Severity.Error : Severity.Info, path, positionArg, objectArg));
            }
        }
    }

    /// <summary>Reports the unknown properties of a member's value: an object, or each object of an array.</summary>
    internal static void Walk(ContractShape shape, JsonElement value, string path, bool strict, List<Diagnostic> diagnostics)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            shape.ReportUnknown(value, path, strict, diagnostics);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var item in value.EnumerateArray())
            {
                shape.ReportUnknown(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), strict, diagnostics);
            }
        }
    }

    /// <summary>
    /// The known name that <paramref name="name"/> differs from only by case, or by at most one edit (names of up to
    /// 4 letters) or two (longer names): insertions, deletions, substitutions and swaps of neighbours, case ignored.
    /// </summary>
    internal string? NearestKnown(string name)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string known in Names)
        {
            int limit = known.Length <= 4 ? 1 : 2;
            if (Math.Abs(known.Length - name.Length) > limit)
            {
                continue;
            }

            int distance = EditDistance(name.ToLowerInvariant(), known.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The optimal-string-alignment distance (Levenshtein plus adjacent swaps).</summary>
    private static int EditDistance(string a, string b)
    {
        // Three rows of the dynamic-programming table: two back (for swaps), one back, current.
        var twoBack = new int[b.Length + 1];
        var oneBack = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            oneBack[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(oneBack[j] + 1, current[j - 1] + 1), oneBack[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], twoBack[j - 2] + 1);
                }
            }

            (twoBack, oneBack, current) = (oneBack, current, twoBack);
        }

        return oneBack[b.Length];
    }
}
