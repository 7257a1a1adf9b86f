using System.Collections.Immutable;

namespace TherapyBilling.Rules;

/// <summary>The descriptor of every diagnostic id, one property per id, grouped by family in partial files.</summary>
/// <remarks>Thread-safe. <see cref="All"/> lists every descriptor ordered by id.</remarks>
public static partial class DiagnosticDescriptors
{
    private static readonly Lazy<ImmutableArray<DiagnosticDescriptor>> s_all = new(static () =>
        [.. InputDescriptors().Concat(BatchDescriptors()).Concat(UnitDescriptors()).Concat(DocumentationDescriptors())
            .Concat(SeparationDescriptors()).Concat(PayerDescriptors()).Concat(FhirDescriptors()).Concat(ServiceDescriptors())
            .OrderBy(static d => d.Id, StringComparer.Ordinal)]);

    /// <summary>Gets every descriptor, ordered by id.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All => s_all.Value;

    /// <summary>Finds the descriptor of an id.</summary>
    /// <param name="id">The id, such as <c>TBR101</c>.</param>
    /// <returns>The descriptor, or <see langword="null"/> when the id is unknown.</returns>
    public static DiagnosticDescriptor? Find(string id)
    {
        foreach (var descriptor in All)
        {
            if (string.Equals(descriptor.Id, id, StringComparison.Ordinal))
            {
                return descriptor;
            }
        }

        return null;
    }
}
