using System.Runtime.CompilerServices;

namespace TherapyBilling.Rules;

/// <summary>
/// The words pair findings repeat about one edit row: its description and, for a row tagged [L], the note to verify
/// it. Built once per row instance (the table hands out the same instance while it is in its cache of recent rows)
/// and held weakly: a row nobody holds takes its texts with it. Thread-safe.
/// </summary>
internal sealed class PairEditTexts
{
    private static readonly ConditionalWeakTable<PtpEdit, PairEditTexts> s_texts = new();

    private PairEditTexts(PtpEdit edit)
    {
        Description = edit.ToString();
        VerifyNote = $" The edit {edit.Column1}/{edit.Column2} is a row of the shipped subset tagged [L]: verify in the current CMS file (load the CMS practitioner PTP release with --ptp-file or PtpEditTable.LoadCms).";
    }

    /// <summary>Gets the edit as <see cref="PtpEdit.ToString"/> describes it.</summary>
    public string Description { get; }

    /// <summary>Gets the sentence a finding from a row tagged [L] ends with.</summary>
    public string VerifyNote { get; }

    public static PairEditTexts Of(PtpEdit edit) => s_texts.GetValue(edit, static e => new PairEditTexts(e));
}
