using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>The MUE adjudication indicator (MAI): how a medically unlikely edit counts units. Source: NCCI Policy Manual ch. 1 §V (rules reference §4.2) [H].</summary>
public enum MueAdjudicationIndicator
{
    /// <summary>MAI 1: a claim-line edit; the units on one line are compared with the limit.</summary>
    Line = 1,

    /// <summary>MAI 2: an absolute date-of-service edit based on policy; all units of the code on the date count, and it is not overturned on appeal.</summary>
    DateOfServicePolicy = 2,

    /// <summary>MAI 3: a date-of-service edit based on clinical judgment; all units of the code on the date count, and units above it can be paid on appeal with records.</summary>
    DateOfServiceClinical = 3,
}

/// <summary>One medically unlikely edit (MUE): the most units of a code a practitioner reports for one beneficiary on one date of service (or on one line).</summary>
/// <remarks>Immutable and thread-safe. MUE denials are coding denials: an ABN does not shift liability to the beneficiary (NCCI ch. 1 §V).</remarks>
public sealed record MueLimit
{
    /// <summary>Initializes a new instance of the <see cref="MueLimit"/> class.</summary>
    /// <param name="code">The code.</param>
    /// <param name="units">The most units allowed (0 or more).</param>
    /// <param name="indicator">The MUE adjudication indicator.</param>
    /// <param name="rationale">The MUE rationale, as published.</param>
    /// <param name="effectiveDate">The first date of service the value applies to, when the file says; else <see langword="null"/> (always).</param>
    /// <param name="endDate">The first date of service it no longer applies to, when the file says; else <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The code is the default value, units are negative, the indicator is undefined, or the end date is not after the effective date.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="rationale"/> is <see langword="null"/>.</exception>
    public MueLimit(CptCode code, int units, MueAdjudicationIndicator indicator, string rationale, LocalDate? effectiveDate = null, LocalDate? endDate = null)
    {
        Guard.NotDefault(code);
        if (units < 0)
        {
            throw new ArgumentException("MUE units are 0 or more.", nameof(units));
        }

        if (indicator is not (MueAdjudicationIndicator.Line or MueAdjudicationIndicator.DateOfServicePolicy or MueAdjudicationIndicator.DateOfServiceClinical))
        {
            throw new ArgumentException("The MUE adjudication indicator must be 1, 2 or 3.", nameof(indicator));
        }

        if (effectiveDate is { } from && endDate is { } to && to <= from)
        {
            throw new ArgumentException("The end date must be after the effective date.", nameof(endDate));
        }

        Code = code;
        Units = units;
        Indicator = indicator;
        Rationale = Guard.NotNull(rationale);
        EffectiveDate = effectiveDate;
        EndDate = endDate;
    }

    /// <summary>Gets the code.</summary>
    public CptCode Code { get; }

    /// <summary>Gets the most units allowed.</summary>
    public int Units { get; }

    /// <summary>Gets the MUE adjudication indicator.</summary>
    public MueAdjudicationIndicator Indicator { get; }

    /// <summary>Gets the MUE rationale.</summary>
    public string Rationale { get; }

    /// <summary>Gets the first date of service the value applies to, or <see langword="null"/> when the file does not say.</summary>
    public LocalDate? EffectiveDate { get; }

    /// <summary>Gets the first date of service the value no longer applies to, or <see langword="null"/>.</summary>
    public LocalDate? EndDate { get; }

    /// <summary>Gets whether the value applies on a date of service.</summary>
    /// <param name="dateOfService">The date of service.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    public bool IsInForceOn(LocalDate dateOfService) =>
        (EffectiveDate is not { } from || from <= dateOfService) && (EndDate is not { } to || dateOfService < to);

    /// <summary>Describes the limit, such as <c>97110 MUE 6 (MAI 3)</c>.</summary>
    /// <returns>The text, in the invariant culture.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} MUE {Units} (MAI {(int)Indicator})");
}
