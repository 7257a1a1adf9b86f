using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>One patient, one date of service: the segments of treatment, the lines as billed and what each check family needs.</summary>
/// <remarks>
/// <para>Only <see cref="Id"/> and <see cref="DateOfService"/> are required; everything else is optional so that
/// missing data is found, not crashed on. Check families add their own parts (documentation, payer) in partial files.</para>
/// <para>The id is the only input field that the library ever echoes in its output: notes can hold patient data.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed partial record Encounter
{
    private readonly ImmutableArray<TreatmentSegment> _segments = [];
    private readonly ImmutableArray<BilledLine> _billedLines = [];
    private readonly Discipline? _discipline;

    /// <summary>Initializes a new instance of the <see cref="Encounter"/> class.</summary>
    /// <param name="id">The caller's id of the encounter (echoed in reports).</param>
    /// <param name="dateOfService">The date of service.</param>
    /// <param name="segments">The treatment segments, in input order.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A segment is <see langword="null"/>.</exception>
    public Encounter(string id, LocalDate dateOfService, IEnumerable<TreatmentSegment> segments)
    {
        Id = Guard.NotNull(id);
        DateOfService = dateOfService;
        ImmutableArray<TreatmentSegment> list = [.. Guard.NotNull(segments)];
        _segments = Guard.NoNulls(list, nameof(segments));
    }

    /// <summary>Gets the caller's id of the encounter.</summary>
    public string Id { get; }

    /// <summary>Gets the date of service.</summary>
    public LocalDate DateOfService { get; }

    /// <summary>Gets the treatment segments, in input order.</summary>
    /// <value>Never <see langword="default"/>: a <see langword="default"/> array is stored as empty.</value>
    /// <exception cref="ArgumentException">A segment is <see langword="null"/>.</exception>
    public ImmutableArray<TreatmentSegment> Segments
    {
        get => _segments;
        init => _segments = Guard.NoNulls(value);
    }

    /// <summary>Gets the unit method chosen for this encounter, or <see langword="null"/> to take it from the options (payer, then default).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public UnitMethod? Method { get; init; }

    /// <summary>Gets the discipline of the plan of care, when known.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Rules.Discipline"/>.</exception>
    public Discipline? Discipline
    {
        get => _discipline;
        init => _discipline = Guard.Defined(value);
    }

    /// <summary>Gets the claim lines as billed; empty when the caller wants them computed.</summary>
    /// <value>The default value is empty; a <see langword="default"/> array is stored as empty.</value>
    /// <exception cref="ArgumentException">A line is <see langword="null"/>.</exception>
    public ImmutableArray<BilledLine> BilledLines
    {
        get => _billedLines;
        init => _billedLines = Guard.NoNulls(value);
    }
}
