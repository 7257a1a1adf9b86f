namespace TherapyBilling.Rules;

public sealed partial record ComplianceOptions
{
    /// <summary>Gets the documentation requirement set (required note elements, thresholds, severities).</summary>
    /// <value>The default value is <see cref="DocumentationRequirementSet.Medicare"/>.</value>
    public DocumentationRequirementSet DocumentationRequirements { get; init; } = DocumentationRequirementSet.Medicare;

    partial void DescribeDocumentationData(List<ReferenceDataInfo> tables) =>
        tables.Add(new ReferenceDataInfo("documentationRequirements", DocumentationRequirements.Version, DocumentationRequirements.Name));
}
