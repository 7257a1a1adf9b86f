namespace TherapyBilling.Rules;

/// <summary>The KX threshold bucket a therapy service counts toward (CPM ch. 5 §10.2 [H]).</summary>
public enum TherapyBucket
{
    /// <summary>Physical therapy and speech-language pathology combined (GP and GN lines).</summary>
    PhysicalTherapyAndSpeech = 1,

    /// <summary>Occupational therapy, a separate amount (GO lines).</summary>
    OccupationalTherapy = 2,
}
