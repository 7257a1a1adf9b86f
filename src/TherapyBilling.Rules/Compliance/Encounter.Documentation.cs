namespace TherapyBilling.Rules;

public sealed partial record Encounter
{
    /// <summary>Gets the treatment note of the encounter, with its episode context.</summary>
    /// <value>The default value is <see langword="null"/>: the documentation checks are skipped.</value>
    public TreatmentNote? Documentation { get; init; }
}
