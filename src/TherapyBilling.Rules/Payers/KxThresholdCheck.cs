using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>One claim (or encounter) for the KX threshold: who, when, which bucket, the allowed amount and whether KX is billed.</summary>
/// <param name="ClaimId">The caller's id of the claim or encounter.</param>
/// <param name="BeneficiaryId">The beneficiary (used for grouping only, never echoed).</param>
/// <param name="DateOfService">The date of service; the calendar year picks the threshold.</param>
/// <param name="Bucket">The threshold bucket.</param>
/// <param name="AllowedAmount">The Medicare allowed amount of the claim's therapy lines in the bucket (deductible and coinsurance included).</param>
/// <param name="HasKx">Whether the claim's lines carry KX.</param>
public sealed record KxClaim(string ClaimId, string BeneficiaryId, LocalDate DateOfService, TherapyBucket Bucket, decimal AllowedAmount, bool HasKx);

/// <summary>The KX decision for one claim.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="YearToDateBefore">The beneficiary's allowed amount in the bucket and year before this claim.</param>
/// <param name="YearToDateAfter">The same amount including this claim.</param>
/// <param name="Threshold">The year's amounts, or <see langword="null"/> when the table lacks the year.</param>
/// <param name="RequiresKx">Whether KX is required: the amount including this claim is above the KX threshold.</param>
/// <param name="ReachesTargetedReview">Whether the amount including this claim is above the targeted medical review threshold.</param>
/// <param name="Diagnostics">The findings (TBR420-TBR423), with empty paths (the claim as a whole).</param>
public sealed record KxClaimResult(
    KxClaim Claim,
    decimal YearToDateBefore,
    decimal YearToDateAfter,
    KxThreshold? Threshold,
    bool RequiresKx,
    bool ReachesTargetedReview,
    ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// The KX threshold rules (CPM ch. 5 §10.2-10.3.3 [H]): allowed amounts accumulate per beneficiary, per calendar
/// year and per bucket (PT+SLP combined, OT separate); a claim that takes the total above the threshold, and every
/// later one, needs KX; KX below it is flagged; passing the targeted medical review threshold is flagged.
/// </summary>
/// <remarks>Pure and thread-safe. "Above" is strict: a total equal to the threshold does not need KX.</remarks>
public static class KxThresholdCheck
{
    /// <summary>Checks one claim given the beneficiary's allowed amount so far in the year and bucket.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="yearToDateBefore">The allowed amount before this claim, zero or more.</param>
    /// <param name="table">The thresholds; <see langword="null"/> for <see cref="KxThresholdTable.Default"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative.</exception>
    public static KxClaimResult Check(KxClaim claim, decimal yearToDateBefore, KxThresholdTable? table = null)
    {
        Guard.NotNull(claim);
        ArgumentOutOfRangeException.ThrowIfNegative(yearToDateBefore);
        ArgumentOutOfRangeException.ThrowIfNegative(claim.AllowedAmount, nameof(claim));
        table ??= KxThresholdTable.Default;
        decimal after = yearToDateBefore + claim.AllowedAmount;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        int year = claim.DateOfService.Year;
        if (!table.TryGet(year, out var threshold))
        {
            diagnostics.Add(DiagnosticDescriptors.KxThresholdYearUnknown.Create(string.Empty, Arg.Of("table", table.Version), Arg.Of("year", year)));
            return new KxClaimResult(claim, yearToDateBefore, after, null, false, false, diagnostics.ToImmutable());
        }

        decimal kx = threshold.For(claim.Bucket);
        bool requires = after > kx;
        bool review = after > threshold.TargetedReview;
        var common = new[] { Arg.Of("bucket", BucketName(claim.Bucket)), Arg.Of("total", Money(after)), Arg.Of("year", year) };
        if (requires && !claim.HasKx)
        {
            diagnostics.Add(DiagnosticDescriptors.KxModifierRequired.Create(string.Empty, [.. common, Arg.Of("threshold", Money(kx))]));
        }
        else if (!requires && claim.HasKx)
        {
            diagnostics.Add(DiagnosticDescriptors.KxModifierBelowThreshold.Create(string.Empty, [.. common, Arg.Of("threshold", Money(kx))]));
        }

        if (review)
        {
            diagnostics.Add(DiagnosticDescriptors.TargetedMedicalReview.Create(string.Empty, [.. common, Arg.Of("threshold", Money(threshold.TargetedReview))]));
        }

        return new KxClaimResult(claim, yearToDateBefore, after, threshold, requires, review, diagnostics.ToImmutable());
    }

    /// <summary>
    /// Accumulates allowed amounts across claims and checks each. Claims are processed per beneficiary, year and
    /// bucket in date order (then claim id, ordinal), whatever order they come in, so no decision depends on the
    /// input order.
    /// </summary>
    /// <param name="claims">The claims.</param>
    /// <param name="table">The thresholds; <see langword="null"/> for <see cref="KxThresholdTable.Default"/>.</param>
    /// <returns>One result per claim, ordered by beneficiary, date of service, claim id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claims"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A claim is <see langword="null"/>.</exception>
    public static ImmutableArray<KxClaimResult> Accumulate(IEnumerable<KxClaim> claims, KxThresholdTable? table = null)
    {
        Guard.NotNull(claims);
        var list = claims.ToList();
        if (list.Any(static c => c is null))
        {
            throw new ArgumentException("Claims must not contain null.", nameof(claims));
        }

        var ordered = list
            .OrderBy(static c => c.BeneficiaryId, StringComparer.Ordinal)
            .ThenBy(static c => c.DateOfService)
            .ThenBy(static c => c.ClaimId, StringComparer.Ordinal)
            .ThenBy(static c => c.Bucket)
            .ThenBy(static c => c.AllowedAmount)
            .ThenBy(static c => c.HasKx);
        var totals = new Dictionary<(string, int, TherapyBucket), decimal>();
        var results = ImmutableArray.CreateBuilder<KxClaimResult>(list.Count);
        foreach (var claim in ordered)
        {
            var key = (claim.BeneficiaryId, claim.DateOfService.Year, claim.Bucket);
            totals.TryGetValue(key, out decimal before);
            var result = Check(claim, before, table);
            totals[key] = result.YearToDateAfter;
            results.Add(result);
        }

        return results.MoveToImmutable();
    }

    /// <summary>Gets the bucket of a discipline: PT and SLP share one, OT has its own.</summary>
    /// <param name="discipline">The discipline.</param>
    /// <returns>The bucket.</returns>
    public static TherapyBucket BucketOf(Discipline discipline) =>
        discipline == Discipline.OccupationalTherapy ? TherapyBucket.OccupationalTherapy : TherapyBucket.PhysicalTherapyAndSpeech;

    internal static string BucketName(TherapyBucket bucket) => bucket == TherapyBucket.OccupationalTherapy ? "OT" : "PT+SLP";

    internal static string Money(decimal amount) => "$" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
