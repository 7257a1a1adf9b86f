namespace TherapyBilling.Rules;

public sealed partial record ComplianceOptions
{
    /// <summary>Gets the NCCI procedure-to-procedure edit table used by the code-separation checks (TBR3xx).</summary>
    /// <value>
    /// The default value is <see cref="PtpEditTable.Default"/>, a small subset from the project's rules reference;
    /// production use should load the current CMS quarterly release with <see cref="PtpEditTable.LoadCms(string, IEnumerable{CptCode}?, string?)"/>
    /// (a part, a folder or the release zip).
    /// </value>
    public PtpEditTable PairTable { get; init; } = PtpEditTable.Default;

    /// <summary>Gets the medically unlikely edit (MUE) table, or <see langword="null"/> when none is loaded (then MUE is "not checked").</summary>
    /// <value>The default value is <see langword="null"/>: no MUE values ship with the library; load the CMS practitioner MUE file with <see cref="MueTable.LoadCms(string, string?)"/>.</value>
    public MueTable? MueTable { get; init; }

    partial void DescribeSeparationData(List<ReferenceDataInfo> tables)
    {
        tables.Add(new ReferenceDataInfo("pairTable", PairTable.Version, PairTable.Source) { Provenance = PairTable.Provenance });
        tables.Add(MueTable is { } mue
            ? new ReferenceDataInfo("mueTable", mue.Version, mue.Source) { Provenance = mue.Provenance }
            : new ReferenceDataInfo("mueTable", "none", "none") { Provenance = "not loaded", Notice = MueCheck.NotChecked() });
    }
}
