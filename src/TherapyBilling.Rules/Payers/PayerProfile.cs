using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// How one payer wants therapy billed: unit method, discipline modifiers, NCCI edits, documentation set,
/// assistant (CQ/CO) policy, KX threshold, authorizations and telehealth. Data, not code: the defaults ship as an
/// embedded JSON resource and users load their own (schema <c>schemas/payer-profile.schema.json</c>).
/// </summary>
/// <remarks>Immutable and thread-safe. Payer policy differs by contract: every value here can be changed.</remarks>
public sealed record PayerProfile
{
    /// <summary>Initializes a new instance of the <see cref="PayerProfile"/> class.</summary>
    /// <param name="id">The payer id that encounters refer to (compared case-insensitively), such as <c>medicare</c>.</param>
    /// <param name="name">A display name.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PayerProfile(string id, string name)
    {
        Id = Guard.NotNull(id);
        Name = Guard.NotNull(name);
    }

    /// <summary>Gets the payer id.</summary>
    public string Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the unit method the payer uses, or <see langword="null"/> to leave it to the options' default.</summary>
    public UnitMethod? Method { get; init; }

    /// <summary>Gets a value indicating whether every therapy line must carry a discipline modifier (GP, GO or GN).</summary>
    public bool RequireDisciplineModifier { get; init; }

    /// <summary>Gets a value indicating whether NCCI procedure-to-procedure edits apply to this payer's claims.</summary>
    public bool ApplyNcciEdits { get; init; }

    /// <summary>Gets the name of the documentation requirement set the payer expects (for example <c>medicare</c> or <c>basic</c>).</summary>
    /// <value>The default value is <c>basic</c>.</value>
    public string DocumentationRequirements { get; init; } = "basic";

    /// <summary>Gets the assistant (CQ/CO) policy, or <see langword="null"/> when the payer does not use CQ/CO.</summary>
    public AssistantPolicy? Assistants { get; init; }

    /// <summary>Gets a value indicating whether the Medicare KX threshold applies (see <see cref="KxThresholdTable"/>).</summary>
    public bool ApplyKxThreshold { get; init; }

    /// <summary>Gets a value indicating whether visits need a prior authorization.</summary>
    public bool RequiresAuthorization { get; init; }

    /// <summary>Gets the telehealth policy, or <see langword="null"/> when the payer does not cover telehealth therapy.</summary>
    public TelehealthPolicy? Telehealth { get; init; }

    /// <summary>Gets where the profile's values come from, with confidence tags.</summary>
    /// <value>The default value is an empty string.</value>
    public string Source { get; init; } = string.Empty;
}

/// <summary>A payer's policy for services furnished in whole or in part by assistants (CQ for PTAs, CO for OTAs).</summary>
/// <param name="From">The first date of service the modifiers are required (Medicare: 2020-01-01, CPM ch. 5 §20.1 [H]).</param>
/// <param name="DeMinimisPercent">
/// The de minimis share: an assistant furnishing more than this percentage of a billed unit (timed codes) or of a
/// service (untimed codes) independently of the therapist makes the unit "in part" by the assistant (CY 2020 PFS [M]).
/// </param>
/// <param name="Source">Where the policy comes from.</param>
public sealed record AssistantPolicy(LocalDate From, int DeMinimisPercent, string Source);

/// <summary>A payer's telehealth policy: places of service, required modifiers and which codes may be furnished by telehealth when.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TelehealthPolicy
{
    /// <summary>Gets the allowed place-of-service codes (Medicare from CY 2024: <c>02</c> and <c>10</c> [M]).</summary>
    public ImmutableArray<string> PlacesOfService { get; init; } = [];

    /// <summary>Gets the modifiers every telehealth line must carry (Medicare therapy: <c>95</c> [M]).</summary>
    public ImmutableArray<Modifier> RequiredModifiers { get; init; } = [];

    /// <summary>Gets a value indicating whether only the codes in <see cref="Codes"/> may be furnished by telehealth.</summary>
    public bool RestrictCodes { get; init; }

    /// <summary>Gets the codes allowed by telehealth, each with the dates it is allowed.</summary>
    public ImmutableArray<TelehealthCode> Codes { get; init; } = [];

    /// <summary>Gets where the policy comes from.</summary>
    /// <value>The default value is an empty string.</value>
    public string Source { get; init; } = string.Empty;

    /// <summary>
    /// Gets the last date the code list knows: the latest <see cref="TelehealthCode.Through"/> of a restricted list whose
    /// every entry has an end date. A date of service after it is not checked against the list (TBR434): the list,
    /// not the visit, may be out of date. <see langword="null"/> when the list is open-ended, empty or not restricted.
    /// </summary>
    public LocalDate? KnownThrough
    {
        get
        {
            if (!RestrictCodes || Codes.IsDefaultOrEmpty)
            {
                return null;
            }

            LocalDate? last = null;
            foreach (var entry in Codes)
            {
                if (entry.Through is not { } through)
                {
                    return null;
                }

                if (last is null || through > last.Value)
                {
                    last = through;
                }
            }

            return last;
        }
    }

    /// <summary>Gets whether a code may be furnished by telehealth on a date.</summary>
    /// <param name="code">The code.</param>
    /// <param name="dateOfService">The date of service.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool Allows(CptCode code, LocalDate dateOfService)
    {
        if (!RestrictCodes)
        {
            return true;
        }

        foreach (var entry in Codes)
        {
            if (entry.Code == code && entry.Covers(dateOfService))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A code allowed by telehealth from one date through another (both inclusive).</summary>
/// <param name="Code">The code.</param>
/// <param name="From">The first date, or <see langword="null"/> for no lower bound.</param>
/// <param name="Through">The last date, or <see langword="null"/> for no upper bound.</param>
/// <param name="Source">Where the dates come from, with a confidence tag.</param>
public sealed record TelehealthCode(CptCode Code, LocalDate? From, LocalDate? Through, string Source)
{
    /// <summary>Gets whether the date falls in the range.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when covered.</returns>
    public bool Covers(LocalDate date) => (From is not { } f || date >= f) && (Through is not { } t || date <= t);
}
