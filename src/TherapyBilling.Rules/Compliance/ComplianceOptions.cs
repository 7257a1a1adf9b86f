using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>Reference data and policy choices for <see cref="ComplianceEngine"/>. Each check family adds its own part in a partial file.</summary>
/// <remarks>Immutable and thread-safe. Nothing here reads the clock: "today" is <see cref="Today"/>.</remarks>
public sealed partial record ComplianceOptions
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ComplianceOptions, IReadOnlyList<ReferenceDataInfo>> s_described = new();

    /// <summary>Gets the default options: the shipped reference data and the CMS method where nothing else says.</summary>
    public static ComplianceOptions Default { get; } = new();

    /// <summary>Gets the code catalog.</summary>
    /// <value>The default value is <see cref="CodeCatalog.Default"/>.</value>
    public CodeCatalog Catalog { get; init; } = CodeCatalog.Default;

    /// <summary>Gets the method used when neither the encounter nor its payer names one.</summary>
    /// <value>The default value is <see cref="UnitMethod.Cms"/>.</value>
    public UnitMethod DefaultMethod { get; init; } = UnitMethod.Cms;

    /// <summary>Gets the clinician's preferred order for CMS leftover ties (see <see cref="UnitCalculationOptions.PreferredOrder"/>).</summary>
    /// <value>The default value is empty.</value>
    public ImmutableArray<CptCode> PreferredOrder { get; init; } = [];

    /// <summary>Gets "today" for checks with deadlines (progress reports, certifications), or <see langword="null"/> to skip "overdue as of today" findings.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public LocalDate? Today { get; init; }

    /// <summary>Describes the reference tables in use (code catalog, pair table, payer profiles), for reports.</summary>
    /// <returns>One entry per table, in a fixed order.</returns>
    public IReadOnlyList<ReferenceDataInfo> DescribeReferenceData()
    {
        var tables = new List<ReferenceDataInfo> { new("codeCatalog", Catalog.Version, Catalog.Source) };
        DescribeSeparationData(tables);
        DescribeDocumentationData(tables);
        DescribePayerData(tables);
        return tables;
    }

    /// <summary>The same list as <see cref="DescribeReferenceData"/>, built once per options instance (every report shares it).</summary>
    internal IReadOnlyList<ReferenceDataInfo> ReferenceDataOnce() => s_described.GetValue(this, static o => o.DescribeReferenceData());

    partial void DescribeSeparationData(List<ReferenceDataInfo> tables);

    partial void DescribeDocumentationData(List<ReferenceDataInfo> tables);

    partial void DescribePayerData(List<ReferenceDataInfo> tables);
}
