using System.Globalization;
using Hl7.Fhir.Model;

namespace TherapyBilling.Rules.Fhir;

/// <summary>Keys and FHIRPaths of resources, and the resolution of literal references (<c>Encounter/abc</c>, absolute URLs, <c>_history</c>).</summary>
internal static class FhirReferences
{
    /// <summary>The key of a resource: <c>Type/id</c>, or <c>Type#n</c> (its 1-based position) when it has no id.</summary>
    public static string Key(Resource resource, int position) =>
        resource.Id is { Length: > 0 } id ? resource.TypeName + "/" + id : string.Create(CultureInfo.InvariantCulture, $"{resource.TypeName}#{position}");

    /// <summary>The FHIRPath of a resource: <c>Type/id</c>, or the type alone when it has no id.</summary>
    public static string Path(Resource resource) =>
        resource.Id is { Length: > 0 } id ? resource.TypeName + "/" + id : resource.TypeName;

    /// <summary>The FHIRPath of a Claim item: <c>Claim/c1.item[0]</c>.</summary>
    public static string ItemPath(Claim claim, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path(claim)}.item[{index}]");

    /// <summary>The key a literal reference names: the last <c>Type/id</c> of it (an absolute URL's base and <c>/_history/n</c> are dropped).</summary>
    public static string? KeyOf(string reference)
    {
        var parts = reference.Split('/');
        int n = parts.Length;
        if (n >= 4 && parts[n - 2] == "_history")
        {
            n -= 2;
        }

        return n >= 2 && parts[n - 2].Length > 0 && char.IsAsciiLetterUpper(parts[n - 2][0]) && parts[n - 1].Length > 0
            ? parts[n - 2] + "/" + parts[n - 1]
            : null;
    }
}
