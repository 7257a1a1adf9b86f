using System.Collections.Immutable;
using NodaTime;

namespace TherapyBilling.Rules;

/// <summary>
/// What a single encounter's documentation check needs to know about its episode of care: the treatment days so far,
/// the progress reports written, the plan of care and its certifications, the previous visit's 97535 narrative and
/// the period's totals.
/// </summary>
/// <remarks>The CLI streams encounters one by one, so the episode context travels with each note. Immutable and thread-safe.</remarks>
public sealed record EpisodeContext
{
    private readonly int? _periodTimedUnits;

    private readonly int? _periodTimedMinutes;

    private readonly ImmutableArray<ProgressReport> _progressReports = [];

    private readonly ImmutableArray<LocalDate> _treatmentDays = [];

    /// <summary>Gets the first day of the episode (evaluation or first treatment).</summary>
    /// <value>The default value is <see langword="null"/>: the earliest of <see cref="TreatmentDays"/> is used.</value>
    public LocalDate? FirstTreatmentDate { get; init; }

    /// <summary>Gets the dates of the episode's treatment days so far (evaluation, re-evaluation or treatment), in any order.</summary>
    /// <value>The default value is empty. The encounter's own date is always added. A <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<LocalDate> TreatmentDays
    {
        get => _treatmentDays;
        init => _treatmentDays = Guard.EmptyIfDefault(value);
    }

    /// <summary>Gets the progress reports written in the episode.</summary>
    /// <value>The default value is empty. A <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<ProgressReport> ProgressReports
    {
        get => _progressReports;
        init => _progressReports = Guard.EmptyIfDefault(value);
    }

    /// <summary>Gets the plan of care and its certifications.</summary>
    /// <value>The default value is <see langword="null"/> (certification checks are skipped).</value>
    public PlanOfCare? PlanOfCare { get; init; }

    /// <summary>Gets the previous visit's 97535 narrative for the same patient (for the cloned-note check).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PreviousNarrative { get; init; }

    /// <summary>Gets the timed minutes billed across the review period (this visit included).</summary>
    /// <value>The default value is <see langword="null"/> (the average minutes per unit check is skipped).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? PeriodTimedMinutes
    {
        get => _periodTimedMinutes;
        init => _periodTimedMinutes = Guard.NotNegative(value);
    }

    /// <summary>Gets the timed units billed across the review period (this visit included).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? PeriodTimedUnits
    {
        get => _periodTimedUnits;
        init => _periodTimedUnits = Guard.NotNegative(value);
    }
}

/// <summary>A progress report written during the episode (BPM ch. 15 §220.3 D).</summary>
/// <param name="Date">The date the report was written.</param>
/// <param name="AuthorRole">Who wrote it; reports by an assistant do not count.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ProgressReport(LocalDate Date, ClinicianRole? AuthorRole)
{
    /// <summary>Gets the last day of the reporting period the report covers.</summary>
    /// <value>The default value is <see langword="null"/>: the report covers through its own date.</value>
    public LocalDate? PeriodEnd { get; init; }

    /// <summary>Gets the last day the report covers: <see cref="PeriodEnd"/>, or else <see cref="Date"/>.</summary>
    public LocalDate CoversThrough => PeriodEnd ?? Date;
}

/// <summary>The plan of care and its certification by a physician or NPP (BPM ch. 15 §220.1.2, §220.1.3).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PlanOfCare
{
    private readonly ImmutableArray<Recertification> _recertifications = [];

    /// <summary>Gets the date the physician/NPP signed the initial certification.</summary>
    public LocalDate? SignedOn { get; init; }

    /// <summary>Gets the date of a verbal order, which must be followed by a signature within 14 days.</summary>
    public LocalDate? VerbalOrderOn { get; init; }

    /// <summary>Gets the plan's duration; a certification covers at most 90 calendar days.</summary>
    /// <value>The default value is <see langword="null"/>: 90 days.</value>
    public Period? Duration { get; init; }

    /// <summary>Gets whether a reason for a delayed certification is documented.</summary>
    public bool DelayReasonDocumented { get; init; }

    /// <summary>Gets the recertifications, in order.</summary>
    /// <value>The default value is empty. A <see langword="default"/> array is stored as empty.</value>
    public ImmutableArray<Recertification> Recertifications
    {
        get => _recertifications;
        init => _recertifications = Guard.EmptyIfDefault(value);
    }
}

/// <summary>A recertification of the plan of care.</summary>
/// <param name="SignedOn">The date of the physician/NPP signature, or <see langword="null"/> when not yet signed.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record Recertification(LocalDate? SignedOn)
{
    /// <summary>Gets the duration of the recertified plan; at most 90 calendar days count.</summary>
    /// <value>The default value is <see langword="null"/>: 90 days.</value>
    public Period? Duration { get; init; }

    /// <summary>Gets whether a reason for a delayed recertification is documented.</summary>
    public bool DelayReasonDocumented { get; init; }
}

/// <summary>One visit's timed minutes and timed units, for the average-minutes-per-unit review flag.</summary>
/// <param name="TimedMinutes">The visit's total timed minutes.</param>
/// <param name="TimedUnits">The timed units billed for the visit.</param>
public readonly record struct VisitUsage(int TimedMinutes, int TimedUnits);
