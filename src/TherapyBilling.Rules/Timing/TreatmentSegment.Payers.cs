namespace TherapyBilling.Rules;

public sealed partial record TreatmentSegment
{
    private readonly int? _assistantMinutes;

    /// <summary>Gets who furnished the segment, or <see langword="null"/> when not recorded (read as the therapist).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    /// <remarks>
    /// <see cref="ProviderRole.Assistant"/> with no <see cref="AssistantMinutes"/> means every minute of the segment was
    /// furnished by the PTA/OTA independently of the therapist.
    /// </remarks>
    public ProviderRole? FurnishedBy { get; init; }

    /// <summary>
    /// Gets how many minutes of the segment the PTA/OTA furnished independently of the therapist, or
    /// <see langword="null"/> to take them from <see cref="FurnishedBy"/>. Minutes the therapist and assistant
    /// spent together count as the therapist's (only minutes without the therapist count toward the de minimis test).
    /// </summary>
    /// <value>The default value is <see langword="null"/>. Values above the segment's minutes are capped at them.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? AssistantMinutes
    {
        get => _assistantMinutes;
        init => _assistantMinutes = value is int minutes ? Guard.NotNegative(minutes) : null;
    }
}
