using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// One NCCI procedure-to-procedure (PTP) edit row: the column-1 code is payable, the column-2 code is denied beside it
/// unless the <see cref="Indicator"/> allows a PTP-associated modifier and one is justified.
/// </summary>
/// <remarks>
/// <para>The edit is in force on a date of service when <see cref="EffectiveDate"/> &lt;= date and, if there is a
/// <see cref="DeletionDate"/>, date &lt; <see cref="DeletionDate"/> (see <see cref="IsInForceOn"/>). The same pair can
/// have several rows with disjoint windows. Source: NCCI Policy Manual ch. 1 §A, §E; CMS PTP file layout (rules reference §4.1).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record PtpEdit
{
    /// <summary>Initializes a new instance of the <see cref="PtpEdit"/> class.</summary>
    /// <param name="column1">The column-1 (payable) code.</param>
    /// <param name="column2">The column-2 (denied unless bypassed) code.</param>
    /// <param name="effectiveDate">The first date of service the edit applies to.</param>
    /// <param name="deletionDate">The first date of service it no longer applies to, or <see langword="null"/> when still active (<c>*</c> in the CMS file).</param>
    /// <param name="indicator">The modifier indicator.</param>
    /// <param name="rationale">The PTP edit rationale, as published.</param>
    /// <param name="source">Where the row comes from, with its confidence tag.</param>
    /// <exception cref="ArgumentException">A code is the default value, both codes are the same, the indicator is undefined, or the deletion date is before the effective date.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rationale"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    public PtpEdit(CptCode column1, CptCode column2, LocalDate effectiveDate, LocalDate? deletionDate, ModifierIndicator indicator, string rationale, string source)
    {
        Guard.NotDefault(column1);
        Guard.NotDefault(column2);
        if (column1 == column2)
        {
            throw new ArgumentException("An edit pairs two different codes.", nameof(column2));
        }

        if (indicator is not (ModifierIndicator.NotAllowed or ModifierIndicator.Allowed or ModifierIndicator.NotApplicable))
        {
            throw new ArgumentException("The modifier indicator must be 0, 1 or 9.", nameof(indicator));
        }

        if (deletionDate is { } deletion && deletion < effectiveDate)
        {
            throw new ArgumentException("The deletion date is before the effective date.", nameof(deletionDate));
        }

        Column1 = column1;
        Column2 = column2;
        EffectiveDate = effectiveDate;
        DeletionDate = deletionDate;
        Indicator = indicator;
        Rationale = Guard.NotNull(rationale);
        Source = Guard.NotNull(source);
    }

    /// <summary>Gets the column-1 (payable) code.</summary>
    public CptCode Column1 { get; }

    /// <summary>Gets the column-2 code, denied beside column 1 unless a modifier bypasses the edit.</summary>
    public CptCode Column2 { get; }

    /// <summary>Gets the first date of service the edit applies to.</summary>
    public LocalDate EffectiveDate { get; }

    /// <summary>Gets the first date of service the edit no longer applies to, or <see langword="null"/> when it is still active.</summary>
    public LocalDate? DeletionDate { get; }

    /// <summary>Gets the modifier indicator.</summary>
    public ModifierIndicator Indicator { get; }

    /// <summary>Gets the PTP edit rationale.</summary>
    public string Rationale { get; }

    /// <summary>Gets where the row comes from (with its confidence tag for the shipped table).</summary>
    public string Source { get; }

    /// <summary>
    /// Gets whether the row is tagged [L] (its <see cref="Source"/> starts with <c>[L</c>): taken from a single or dated
    /// secondary source, to be verified in the current CMS file. Findings from such a row are at most warnings.
    /// </summary>
    public bool IsLowConfidence => Source.StartsWith("[L", StringComparison.Ordinal);

    /// <summary>Gets whether the edit is in force on a date of service: effective on or before it, and not deleted on or before it.</summary>
    /// <param name="dateOfService">The date of service.</param>
    /// <returns><see langword="true"/> when the edit applies on that date.</returns>
    public bool IsInForceOn(LocalDate dateOfService) =>
        EffectiveDate <= dateOfService && (DeletionDate is not { } deletion || dateOfService < deletion);

    /// <summary>Describes the edit, such as <c>97140/97530 ind. 1 2020-01-01..*</c>.</summary>
    /// <returns>The text, in the invariant culture.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Column1}/{Column2} ind. {(int)Indicator} {Iso(EffectiveDate)}..{(DeletionDate is { } d ? Iso(d) : "*")}");

    internal static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
