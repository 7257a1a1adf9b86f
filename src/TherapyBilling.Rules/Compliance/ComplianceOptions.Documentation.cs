using System.Collections.Immutable;

namespace TherapyBilling.Rules;

public sealed partial record ComplianceOptions
{
    /// <summary>Gets the documentation requirement set used when the encounter's payer names none that is known.</summary>
    /// <value>The default value is <see cref="DocumentationRequirementSet.Medicare"/>.</value>
    public DocumentationRequirementSet DocumentationRequirements { get; init; } = DocumentationRequirementSet.Medicare;

    /// <summary>
    /// Gets the requirement sets a payer profile may name (<see cref="PayerProfile.DocumentationRequirements"/>), matched by
    /// <see cref="DocumentationRequirementSet.Name"/> (case-insensitive). A name that matches none falls back to
    /// <see cref="DocumentationRequirements"/>.
    /// </summary>
    /// <value>The default value holds <see cref="DocumentationRequirementSet.Medicare"/>.</value>
    public ImmutableArray<DocumentationRequirementSet> DocumentationRequirementSets { get; init; } = [DocumentationRequirementSet.Medicare];

    /// <summary>Gets the documentation requirement set for an encounter: its payer profile's named set when known, else <see cref="DocumentationRequirements"/>.</summary>
    /// <param name="encounter">The encounter.</param>
    /// <returns>The requirement set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encounter"/> is <see langword="null"/>.</exception>
    public DocumentationRequirementSet ResolveDocumentationRequirements(Encounter encounter)
    {
        Guard.NotNull(encounter);
        return DocumentationRequirementsFor(ResolvePayerProfile(encounter));
    }

    /// <summary>The requirement set a payer profile names, else <see cref="DocumentationRequirements"/>.</summary>
    internal DocumentationRequirementSet DocumentationRequirementsFor(PayerProfile? profile)
    {
        if (profile?.DocumentationRequirements is { Length: > 0 } name)
        {
            foreach (var set in DocumentationRequirementSets)
            {
                if (string.Equals(set.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return set;
                }
            }
        }

        return DocumentationRequirements;
    }

    partial void DescribeDocumentationData(List<ReferenceDataInfo> tables) =>
        tables.Add(new ReferenceDataInfo("documentationRequirements", DocumentationRequirements.Version, DocumentationRequirements.Name));
}
