namespace TherapyBilling.Rules;

public static partial class DiagnosticIds
{
    /// <summary>TBR201: a required treatment-note element (BPM ch. 15 §220.3 E) is missing.</summary>
    public const string NoteElementMissing = "TBR201";

    /// <summary>TBR202: the note's total timed minutes differ from the timed minutes of the encounter's time record.</summary>
    public const string TotalTimedMinutesDiffer = "TBR202";

    /// <summary>TBR203: the note's total timed minutes do not support the timed units billed.</summary>
    public const string UnitsNotSupportedByNote = "TBR203";

    /// <summary>TBR204: the total treatment time is less than the total timed minutes.</summary>
    public const string TotalTreatmentTimeTooShort = "TBR204";

    /// <summary>TBR205: a timed service (billed or not) is not among the note's interventions.</summary>
    public const string TimedServiceNotDocumented = "TBR205";

    /// <summary>TBR206: a 97535 intervention lacks an element of the requirement set.</summary>
    public const string AdlElementMissing = "TBR206";

    /// <summary>TBR207: an intervention links to a goal id that is not a goal of the plan.</summary>
    public const string GoalLinkUnresolved = "TBR207";

    /// <summary>TBR208: 97535 training was given to a caregiver without the patient.</summary>
    public const string CaregiverOnlyTraining = "TBR208";

    /// <summary>TBR209: a goal served by 97535 has reached modified independence or independence.</summary>
    public const string GoalReachedIndependence = "TBR209";

    /// <summary>TBR210: a 97535 narrative is identical or nearly so to the previous visit's.</summary>
    public const string ClonedNarrative = "TBR210";

    /// <summary>TBR211: a 97535 narrative is too short to show skilled care.</summary>
    public const string NarrativeTooShort = "TBR211";

    /// <summary>TBR212: across a period, the average minutes per billed timed unit is under 15.</summary>
    public const string LowAverageMinutesPerUnit = "TBR212";

    /// <summary>TBR213: a visit is billed after a progress report was due (the period's end plus any late window) with no report written.</summary>
    public const string ProgressReportOverdue = "TBR213";

    /// <summary>TBR214: a progress-report period has reached 10 treatment days and its report is due (on the period's last day, or within the requirement set's late window).</summary>
    public const string ProgressReportDue = "TBR214";

    /// <summary>TBR215: a progress report written by an assistant does not count.</summary>
    public const string AssistantProgressReport = "TBR215";

    /// <summary>TBR216: the initial certification was signed, or is still unsigned, more than 30 days after it was due, without a reason.</summary>
    public const string CertificationLate = "TBR216";

    /// <summary>TBR217: a certification or recertification is delayed but within 30 days after it was due.</summary>
    public const string CertificationDelayed = "TBR217";

    /// <summary>TBR218: a verbal order was not followed by a signature within 14 days.</summary>
    public const string VerbalOrderNotSigned = "TBR218";

    /// <summary>TBR219: a recertification was signed, or is still unsigned, more than 30 days after it was due, without a reason.</summary>
    public const string RecertificationLate = "TBR219";

    /// <summary>TBR220: the visit is outside every certified interval of the plan of care.</summary>
    public const string VisitOutsideCertifiedInterval = "TBR220";

    /// <summary>TBR221: the note says the patient cannot follow instructions, which 97535 needs.</summary>
    public const string PatientCannotFollowInstructions = "TBR221";

    /// <summary>TBR222: the note says the 97535 time was not direct one-on-one contact.</summary>
    public const string NotOneOnOne = "TBR222";

    /// <summary>TBR223: the note's date of service differs from the encounter's.</summary>
    public const string NoteDateDiffers = "TBR223";
}
