using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>A prior authorization: which payer, which codes or discipline, how many visits, between which dates (inclusive).</summary>
/// <remarks>Immutable and thread-safe. An authorization with neither codes nor a discipline covers every visit of its payer.</remarks>
public sealed record Authorization
{
    /// <summary>The most visits an authorization (and the visits used before a visit) can count: 10,000.</summary>
    public const int MaxVisitCount = 10_000;

    private readonly ImmutableArray<CptCode> _codes = [];
    private readonly Discipline? _discipline;

    /// <summary>Initializes a new instance of the <see cref="Authorization"/> class.</summary>
    /// <param name="id">The authorization number (never echoed: findings name the authorization by its path).</param>
    /// <param name="visitCount">The visits authorized; 0 to <see cref="MaxVisitCount"/>.</param>
    /// <param name="from">The first authorized date.</param>
    /// <param name="through">The last authorized date.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visitCount"/> is negative or above <see cref="MaxVisitCount"/>, or <paramref name="through"/> is before <paramref name="from"/>.</exception>
    public Authorization(string id, int visitCount, LocalDate from, LocalDate through)
    {
        Id = Guard.NotNull(id);
        VisitCount = Guard.InRange(visitCount, 0, MaxVisitCount);
        if (through < from)
        {
            throw new ArgumentOutOfRangeException(nameof(through), through, "The authorization ends before it starts.");
        }

        From = from;
        Through = through;
    }

    /// <summary>Gets the authorization number.</summary>
    public string Id { get; }

    /// <summary>Gets the visits authorized.</summary>
    public int VisitCount { get; }

    /// <summary>Gets the first authorized date.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the last authorized date.</summary>
    public LocalDate Through { get; }

    /// <summary>Gets the payer the authorization is from, or <see langword="null"/> for any payer.</summary>
    public string? PayerId { get; init; }

    /// <summary>Gets the codes it covers; empty for any code.</summary>
    /// <value>The default value is empty; a <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<CptCode> Codes
    {
        get => _codes;
        init => _codes = Guard.EmptyIfDefault(value);
    }

    /// <summary>Gets the discipline it covers, or <see langword="null"/> for any.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Rules.Discipline"/>.</exception>
    public Discipline? Discipline
    {
        get => _discipline;
        init => _discipline = Guard.Defined(value);
    }

    /// <summary>Gets whether a date is within the authorized dates.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when inside.</returns>
    public bool Covers(LocalDate date) => date >= From && date <= Through;

    /// <summary>Gets whether a visit is of this authorization's payer, discipline and codes (dates and count aside).</summary>
    /// <param name="visit">The visit.</param>
    /// <returns><see langword="true"/> when the authorization applies to it.</returns>
    public bool AppliesTo(AuthorizedVisit visit)
    {
        Guard.NotNull(visit);
        if (PayerId is not null && !string.Equals(PayerId, visit.PayerId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (Discipline is { } d && visit.Discipline is { } vd && d != vd)
        {
            return false;
        }

        return Codes.IsDefaultOrEmpty || visit.Codes.Any(Codes.Contains);
    }
}

/// <summary>A visit counted against an authorization.</summary>
/// <param name="Id">The caller's id of the visit (encounter id).</param>
/// <param name="DateOfService">The date of service.</param>
/// <param name="PayerId">The visit's payer, or <see langword="null"/>.</param>
/// <param name="Discipline">The visit's discipline, or <see langword="null"/>.</param>
/// <param name="Codes">The codes billed or furnished at the visit.</param>
public sealed record AuthorizedVisit(string Id, LocalDate DateOfService, string? PayerId, Discipline? Discipline, ImmutableArray<CptCode> Codes);

/// <summary>What an authorization says about one visit.</summary>
/// <param name="Visit">The visit.</param>
/// <param name="VisitNumber">The 1-based number of the visit among the authorization's visits in its dates; 0 when outside them.</param>
/// <param name="Remaining">The authorized visits left after this one (never negative).</param>
/// <param name="WithinDates">Whether the visit is inside the authorized dates.</param>
/// <param name="WithinCount">Whether the visit is within the authorized count.</param>
/// <param name="Diagnostics">The findings (TBR440-TBR442), with empty paths.</param>
public sealed record AuthorizationVisitResult(
    AuthorizedVisit Visit,
    int VisitNumber,
    int Remaining,
    bool WithinDates,
    bool WithinCount,
    ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Gets a value indicating whether the visit is authorized (inside the dates and the count).</summary>
    public bool IsAuthorized => WithinDates && WithinCount;
}

/// <summary>Checks visits against an authorization: visits outside its dates or beyond its count are flagged, with how many remain.</summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class AuthorizationCheck
{
    /// <summary>
    /// Checks an episode's visits. Visits the authorization does not apply to (another payer, discipline or codes)
    /// are left out. The rest are numbered in date order (then id, ordinal) whatever the input order; several
    /// visits on one date count as one visit each. Visits outside the dates do not use up the count.
    /// </summary>
    /// <param name="authorization">The authorization.</param>
    /// <param name="visits">The visits.</param>
    /// <returns>One result per applicable visit, in date order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A visit is <see langword="null"/>.</exception>
    public static ImmutableArray<AuthorizationVisitResult> Check(Authorization authorization, IEnumerable<AuthorizedVisit> visits)
    {
        Guard.NotNull(authorization);
        Guard.NotNull(visits);
        var list = visits.ToList();
        if (list.Any(static v => v is null))
        {
            throw new ArgumentException("Visits must not contain null.", nameof(visits));
        }

        var results = ImmutableArray.CreateBuilder<AuthorizationVisitResult>();
        int used = 0;
        foreach (var visit in list.Where(authorization.AppliesTo).OrderBy(static v => v.DateOfService).ThenBy(static v => v.Id, StringComparer.Ordinal))
        {
            var result = CheckVisit(authorization, visit, used);
            if (result.WithinDates)
            {
                used++;
            }

            results.Add(result);
        }

        return results.ToImmutable();
    }

    /// <summary>Checks one visit given the authorized visits already used before it.</summary>
    /// <param name="authorization">The authorization.</param>
    /// <param name="visit">The visit.</param>
    /// <param name="visitsUsedBefore">Visits of this authorization already used; 0 to <see cref="Authorization.MaxVisitCount"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visitsUsedBefore"/> is negative or above <see cref="Authorization.MaxVisitCount"/>.</exception>
    public static AuthorizationVisitResult CheckOne(Authorization authorization, AuthorizedVisit visit, int visitsUsedBefore)
    {
        Guard.NotNull(authorization);
        Guard.NotNull(visit);
        Guard.InRange(visitsUsedBefore, 0, Authorization.MaxVisitCount);
        return CheckVisit(authorization, visit, visitsUsedBefore);
    }

    private static AuthorizationVisitResult CheckVisit(Authorization authorization, AuthorizedVisit visit, int visitsUsedBefore)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var count = Arg.Of("count", authorization.VisitCount);
        if (!authorization.Covers(visit.DateOfService))
        {
            int left = Math.Max(0, authorization.VisitCount - visitsUsedBefore);
            diagnostics.Add(DiagnosticDescriptors.AuthorizationDateOutside.Create(
                string.Empty, PayerArgs.Date("date", visit.DateOfService), PayerArgs.Date("from", authorization.From), PayerArgs.Date("through", authorization.Through)));
            return new AuthorizationVisitResult(visit, 0, left, false, left > 0, diagnostics.ToImmutable());
        }

        int number = checked(visitsUsedBefore + 1);
        int remaining = Math.Max(0, authorization.VisitCount - number);
        bool withinCount = number <= authorization.VisitCount;
        diagnostics.Add(withinCount
            ? DiagnosticDescriptors.AuthorizationVisitsRemaining.Create(string.Empty, count, Arg.Of("visit", number), Arg.Of("remaining", remaining))
            : DiagnosticDescriptors.AuthorizationVisitsExceeded.Create(string.Empty, count, Arg.Of("visit", number)));
        return new AuthorizationVisitResult(visit, number, remaining, true, withinCount, diagnostics.ToImmutable());
    }
}
