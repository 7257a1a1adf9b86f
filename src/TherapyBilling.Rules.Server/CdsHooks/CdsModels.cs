namespace TherapyBilling.Rules.Server.CdsHooks;

/// <summary>The discovery document (<c>GET /cds-services</c>).</summary>
public sealed record CdsDiscovery(IReadOnlyList<CdsServiceDescription> Services);

/// <summary>One CDS service.</summary>
public sealed record CdsServiceDescription(string Hook, string Title, string Description, string Id, IReadOnlyDictionary<string, string> Prefetch, string UsageRequirements);

/// <summary>The answer of a hook call.</summary>
public sealed record CdsResponse(IReadOnlyList<CdsCard> Cards);

/// <summary>A card: summary (under 140 characters), indicator, detail (Markdown), source with the help link, suggestions.</summary>
public sealed record CdsCard(string Uuid, string Summary, string Detail, string Indicator, CdsSource Source, IReadOnlyList<CdsSuggestion>? Suggestions, string? SelectionBehavior, IReadOnlyList<CdsLink>? Links);

/// <summary>Where a card's advice comes from.</summary>
public sealed record CdsSource(string Label, string? Url, string? Topic);

/// <summary>A suggestion the user can accept in one click.</summary>
public sealed record CdsSuggestion(string Label, string Uuid, bool IsRecommended, IReadOnlyList<CdsAction> Actions);

/// <summary>An action of a suggestion: update the Claim (the resource as it should be).</summary>
public sealed record CdsAction(string Type, string Description, System.Text.Json.Nodes.JsonNode? Resource);

/// <summary>A link on a card.</summary>
public sealed record CdsLink(string Label, string Url, string Type);
