using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TherapyBilling.Rules.Server.CdsHooks.FhirMapping;

namespace TherapyBilling.Rules.Server.CdsHooks;

/// <summary>
/// Turns a report into CDS Hooks cards: one per finding (indicator from the severity: error → critical, warning →
/// warning, info → info), at most the configured number, the rest counted on a last card; a suggestion that updates
/// the Claim wherever a finding carries a fix the library proved for a billed line that came from a Claim item.
/// </summary>
internal static partial class CardBuilder
{
    public const int MaxSummary = 140;
    private const string Label = "TherapyBilling.Rules";

    public static IReadOnlyList<CdsCard> Build(HookEncounter hook, EncounterReport? report, string baseUrl, int maxCards)
    {
        var diagnostics = Findings(hook, report);
        var cards = new List<CdsCard>();
        int shown = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (shown == maxCards - 1 && diagnostics.Count > maxCards)
            {
                int rest = diagnostics.Count - shown;
                cards.Add(Card($"{rest} more findings: check the encounter in the billing system", $"{rest} further findings were not shown as cards.", "info", null, baseUrl, null));
                break;
            }

            var suggestions = diagnostic.Fixes
                .Select(f => Suggestion(f, hook))
                .OfType<CdsSuggestion>()
                .Take(1)
                .ToList();
            string detail = diagnostic.Message + (diagnostic.Fixes.IsDefaultOrEmpty ? string.Empty : "\n\nFix: " + diagnostic.Fixes[0].Reason);
            cards.Add(Card(diagnostic.Id + ": " + diagnostic.Descriptor.Title, detail, Indicator(diagnostic.Severity), diagnostic.Id, baseUrl, suggestions.Count > 0 ? suggestions : null));
            shown++;
        }

        return cards;
    }

    /// <summary>The findings of the hook in the canonical order: the adapter's (mapping, unattached) and the report's, with FHIRPaths.</summary>
    internal static List<Diagnostic> Findings(HookEncounter hook, EncounterReport? report)
    {
        IEnumerable<Diagnostic> all = hook.Unattached;
        if (hook.Encounter is { } read)
        {
            all = all.Concat(read.Diagnostics);
            if (report is not null)
            {
                all = all.Concat(read.ToFhirPaths(report.Diagnostics));
            }
        }

        return [.. DiagnosticOrder.Sort(all)];
    }

    public static CdsCard DataMissing(string what, string baseUrl) =>
        Card("Billing rules not checked: data missing", what, "info", DiagnosticIds.HookDataMissing, baseUrl, null);

    private static CdsCard Card(string summary, string detail, string indicator, string? id, string baseUrl, IReadOnlyList<CdsSuggestion>? suggestions) =>
        new(
            Guid.NewGuid().ToString(),
            summary.Length <= MaxSummary ? summary : summary[..(MaxSummary - 1)] + "…",
            detail,
            indicator,
            new CdsSource(Label, id is null ? null : baseUrl + Http.Problems.HelpRoute + id, id),
            suggestions,
            suggestions is null ? null : "at-most-one",
            null);

    private static string Indicator(Severity severity) => severity switch
    {
        Severity.Error => "critical",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The Claim as it should be after the fix; only for modifier and unit fixes on a billed line that came from a Claim item.</summary>
    private static CdsSuggestion? Suggestion(Fix fix, HookEncounter hook)
    {
        if (hook.Encounter is not { } read || !fix.Path.StartsWith("lines[", StringComparison.Ordinal)
            || ClaimItem().Match(read.ToFhirPath(fix.Path)) is not { Success: true } at
            || !hook.Claims.TryGetValue(at.Groups["claim"].Value, out var resource)
            || JsonNode.Parse(resource.GetRawText()) is not JsonObject updated || updated["item"] is not JsonArray items
            || !int.TryParse(at.Groups["item"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int itemIndex)
            || itemIndex >= items.Count || items[itemIndex] is not JsonObject item)
        {
            return null;
        }

        string code = fix.Code.Value;
        string label;
        switch (fix.Action)
        {
            case FixAction.AddModifier when fix.Modifier is { } add:
                if (item["modifier"] is not JsonArray modifiers)
                {
                    item["modifier"] = modifiers = [];
                }

                modifiers.Add(new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://www.ama-assn.org/go/cpt", ["code"] = add.Value }) });
                label = $"Add modifier {add.Value} to {code}";
                break;
            case FixAction.RemoveModifier when fix.Modifier is { } remove && item["modifier"] is JsonArray present:
                foreach (var node in present.Where(n => n?["coding"] is JsonArray c && c.Any(x => (string?)x?["code"] == remove.Value)).ToList())
                {
                    present.Remove(node);
                }

                label = $"Remove modifier {remove.Value} from {code}";
                break;
            case FixAction.ChangeUnits when fix.Units is int units:
                item["quantity"] = new JsonObject { ["value"] = units };
                label = $"Bill {units} unit(s) of {code}";
                break;
            default:
                return null;
        }

        var action = new CdsAction("update", label + " (" + fix.DiagnosticId + ")", updated);
        return new CdsSuggestion(label, Guid.NewGuid().ToString(), true, [action]);
    }

    /// <summary>The Claim item of a FHIRPath the adapter gives a billed line: <c>Claim/abc.item[1]</c> (or <c>Claim.item[1]</c> for a Claim without id).</summary>
    [GeneratedRegex("^(?<claim>Claim(/[A-Za-z0-9\\-\\.]{1,64})?)\\.item\\[(?<item>[0-9]+)\\]", RegexOptions.CultureInvariant)]
    private static partial Regex ClaimItem();
}
