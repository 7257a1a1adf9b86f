namespace TherapyBilling.Rules;

/// <summary>Who furnished the minutes of a treatment segment.</summary>
public enum ProviderRole
{
    /// <summary>The physical or occupational therapist (or speech-language pathologist).</summary>
    Therapist = 1,

    /// <summary>A physical therapist assistant (PTA) or occupational therapy assistant (OTA), furnishing the minutes independently of the therapist.</summary>
    Assistant = 2,
}
