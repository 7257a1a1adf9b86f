namespace TherapyBilling.Rules;

public sealed partial record ComplianceOptions
{
    /// <summary>Gets the NCCI procedure-to-procedure edit table used by the code-separation checks (TBR3xx).</summary>
    /// <value>
    /// The default value is <see cref="PtpEditTable.Default"/>, a small table from the project's rules reference;
    /// production use should load the current CMS quarterly file with <see cref="PtpEditTable.LoadCms(string, IEnumerable{CptCode}?, string?)"/>.
    /// </value>
    public PtpEditTable PairTable { get; init; } = PtpEditTable.Default;

    partial void DescribeSeparationData(List<ReferenceDataInfo> tables) =>
        tables.Add(new ReferenceDataInfo("pairTable", PairTable.Version, PairTable.Source));
}
