using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TherapyBilling.Rules.Server.Api;
using TherapyBilling.Rules.Server.CdsHooks.FhirMapping;

namespace TherapyBilling.Rules.Server.CdsHooks;

/// <summary>
/// Turns a report into CDS Hooks cards: one per finding (indicator from the severity: error → critical, warning →
/// warning, info → info), at most the configured number, the rest counted on a last card; a suggestion that updates
/// the Claim wherever the report carries a certain fix for a Claim item.
/// </summary>
internal static class CardBuilder
{
    public const int MaxSummary = 140;
    private const string Label = "TherapyBilling.Rules";

    public static IReadOnlyList<CdsCard> Build(ReportDto report, MappedEncounter mapping, JsonElement? claim, string baseUrl, int maxCards)
    {
        var cards = new List<CdsCard>();
        var claimResource = FhirEncounterMapper.Resources(claim, "Claim").Select(c => (JsonElement?)c).FirstOrDefault();
        int shown = 0;
        foreach (var diagnostic in report.Diagnostics)
        {
            if (shown == maxCards - 1 && report.Diagnostics.Count > maxCards)
            {
                int rest = report.Diagnostics.Count - shown;
                cards.Add(Card($"{rest} more findings: check the encounter in the billing system", $"{rest} further findings were not shown as cards.", "info", null, baseUrl, null));
                break;
            }

            var suggestions = report.Fixes
                .Where(f => f.DiagnosticId == diagnostic.Id && f.Path == diagnostic.Path)
                .Select(f => Suggestion(f, mapping, claimResource))
                .OfType<CdsSuggestion>()
                .Take(1)
                .ToList();
            string detail = diagnostic.Message + (report.Fixes.FirstOrDefault(f => f.DiagnosticId == diagnostic.Id && f.Path == diagnostic.Path) is { } fix ? "\n\nFix: " + fix.Reason : string.Empty);
            cards.Add(Card(diagnostic.Id + ": " + diagnostic.Title, detail, Indicator(diagnostic.Severity), diagnostic.Id, baseUrl, suggestions.Count > 0 ? suggestions : null));
            shown++;
        }

        if (mapping.UnmappedProcedures > 0 || mapping.UnmappedClaimItems > 0)
        {
            cards.Add(Card(
                "Some procedures or claim items were not checked",
                string.Create(CultureInfo.InvariantCulture, $"{mapping.UnmappedProcedures} procedure(s) without a CPT/HCPCS code or performed start and end, and {mapping.UnmappedClaimItems} claim item(s) without a CPT/HCPCS code or whole quantity, were not checked."),
                "info",
                null,
                baseUrl,
                null));
        }

        return cards;
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

    private static string Indicator(string severity) => severity switch
    {
        "error" => "critical",
        "warning" => "warning",
        _ => "info",
    };

    /// <summary>The Claim as it should be after the fix; only for modifier and unit fixes on a mapped Claim item.</summary>
    private static CdsSuggestion? Suggestion(FixDto fix, MappedEncounter mapping, JsonElement? claim)
    {
        if (claim is not { } resource || fix.Line < 0 || fix.Line >= mapping.ClaimItemOfLine.Count || fix.Action == "documentTimes")
        {
            return null;
        }

        if (JsonNode.Parse(resource.GetRawText()) is not JsonObject updated || updated["item"] is not JsonArray items)
        {
            return null;
        }

        int itemIndex = mapping.ClaimItemOfLine[fix.Line];
        if (items[itemIndex] is not JsonObject item)
        {
            return null;
        }

        string label;
        switch (fix.Action)
        {
            case "addModifier" when fix.Modifier is { } add:
                if (item["modifier"] is not JsonArray modifiers)
                {
                    item["modifier"] = modifiers = [];
                }

                modifiers.Add(new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://www.ama-assn.org/go/cpt", ["code"] = add }) });
                label = $"Add modifier {add} to {fix.Code}";
                break;
            case "removeModifier" when fix.Modifier is { } remove && item["modifier"] is JsonArray present:
                foreach (var node in present.Where(n => n?["coding"] is JsonArray c && c.Any(x => (string?)x?["code"] == remove)).ToList())
                {
                    present.Remove(node);
                }

                label = $"Remove modifier {remove} from {fix.Code}";
                break;
            case "setUnits" when fix.Units is int units:
                item["quantity"] = new JsonObject { ["value"] = units };
                label = $"Bill {units} unit(s) of {fix.Code}";
                break;
            default:
                return null;
        }

        var action = new CdsAction("update", label + " (" + fix.DiagnosticId + ")", updated);
        return new CdsSuggestion(label, Guid.NewGuid().ToString(), true, [action]);
    }
}
