namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    private const string PayersCategory = "Payers";

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PayerMethodResolved"/>.</summary>
    public static DiagnosticDescriptor PayerMethodResolved { get; } = new(
        DiagnosticIds.PayerMethodResolved,
        "Unit method resolved for the payer",
        "Units use the {method} method, taken from the {source} (payer {payer}; order: encounter > payer profile > default).",
        PayersCategory,
        Severity.Info);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.UnknownPayer"/>.</summary>
    public static DiagnosticDescriptor UnknownPayer { get; } = new(
        DiagnosticIds.UnknownPayer,
        "Payer has no profile",
        "The encounter's payer has no profile in the payer profiles ({profiles}); payer rules were not applied and the default method was used. Add a profile or correct the payer id.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AssistantModifierMissing"/>.</summary>
    public static DiagnosticDescriptor AssistantModifierMissing { get; } = new(
        DiagnosticIds.AssistantModifierMissing,
        "Assistant modifier missing",
        "{code}: the assistant furnished more than {percent} % of {units} unit(s) independently of the therapist; bill those unit(s) with {modifier} (CPM ch. 5 §20.1, de minimis per unit).",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AssistantModifierUnsupported"/>.</summary>
    public static DiagnosticDescriptor AssistantModifierUnsupported { get; } = new(
        DiagnosticIds.AssistantModifierUnsupported,
        "Assistant modifier without assistant minutes",
        "{code} carries {modifier} but no unit has more than {percent} % of its minutes furnished by an assistant alone; remove {modifier} or record the assistant's minutes.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AssistantModifierWrongDiscipline"/>.</summary>
    public static DiagnosticDescriptor AssistantModifierWrongDiscipline { get; } = new(
        DiagnosticIds.AssistantModifierWrongDiscipline,
        "Assistant modifier with the wrong discipline modifier",
        "{code} carries {modifier}, which must be billed with {required} (CQ with GP, CO with GO); the claim will be returned. Use the assistant modifier of the plan's discipline.",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AssistantDisciplineUnknown"/>.</summary>
    public static DiagnosticDescriptor AssistantDisciplineUnknown { get; } = new(
        DiagnosticIds.AssistantDisciplineUnknown,
        "Assistant minutes without a PT or OT discipline",
        "{code}: the assistant furnished more than {percent} % of {units} unit(s), but the discipline is not physical or occupational therapy, so neither CQ nor CO applies; set the encounter's discipline or the line's GP/GO.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AssistantUnitsTooFew"/>.</summary>
    public static DiagnosticDescriptor AssistantUnitsTooFew { get; } = new(
        DiagnosticIds.AssistantUnitsTooFew,
        "Too few units with the assistant modifier",
        "{code}: {needed} of {units} unit(s) need {modifier} (the assistant furnished more than {percent} % of each independently), but {billed} unit(s) carry it, which overbills; bill {fix} (CPM ch. 5 §20.1, de minimis per unit).",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AssistantUnitsTooMany"/>.</summary>
    public static DiagnosticDescriptor AssistantUnitsTooMany { get; } = new(
        DiagnosticIds.AssistantUnitsTooMany,
        "Too many units with the assistant modifier",
        "{code}: only {needed} of {units} unit(s) need {modifier} (the assistant furnished more than {percent} % of each independently), but {billed} unit(s) carry it, which underbills (85 % payment); bill {fix} (CPM ch. 5 §20.1, de minimis per unit).",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.KxModifierRequired"/>.</summary>
    public static DiagnosticDescriptor KxModifierRequired { get; } = new(
        DiagnosticIds.KxModifierRequired,
        "KX modifier required above the threshold",
        "Year-to-date allowed therapy amounts for {bucket} reach {total} with this encounter, above the {year} KX threshold of {threshold}; add KX to attest medical necessity (CPM ch. 5 §10.3) or the lines will deny.",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.KxModifierBelowThreshold"/>.</summary>
    public static DiagnosticDescriptor KxModifierBelowThreshold { get; } = new(
        DiagnosticIds.KxModifierBelowThreshold,
        "KX modifier below the threshold",
        "KX is billed but year-to-date allowed amounts for {bucket} are {total} with this encounter, not above the {year} threshold of {threshold}; remove KX (using it where the threshold is not reached is abusive, CPM ch. 5 §10.3).",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TargetedMedicalReview"/>.</summary>
    public static DiagnosticDescriptor TargetedMedicalReview { get; } = new(
        DiagnosticIds.TargetedMedicalReview,
        "Targeted medical review threshold reached",
        "Year-to-date allowed amounts for {bucket} reach {total} with this encounter, above the {year} targeted medical review threshold of {threshold}; the claim may be selected for medical review, so make sure the notes support medical necessity.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.KxThresholdYearUnknown"/>.</summary>
    public static DiagnosticDescriptor KxThresholdYearUnknown { get; } = new(
        DiagnosticIds.KxThresholdYearUnknown,
        "No KX threshold for the year",
        "The KX threshold table ({table}) has no amounts for {year}; the KX check was skipped. Load a table with the year's amounts from the CMS annual update.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.KxBucketUnknown"/>.</summary>
    public static DiagnosticDescriptor KxBucketUnknown { get; } = new(
        DiagnosticIds.KxBucketUnknown,
        "KX bucket unknown",
        "The year-to-date amount cannot be placed in the PT/SLP or the OT bucket because the discipline is unknown; set the encounter's discipline or the lines' GP/GO/GN.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TelehealthPlaceOfService"/>.</summary>
    public static DiagnosticDescriptor TelehealthPlaceOfService { get; } = new(
        DiagnosticIds.TelehealthPlaceOfService,
        "Telehealth place of service not allowed",
        "Telehealth place of service {pos} is not allowed by payer {payer}; use {allowed} (02: patient not at home, 10: patient at home).",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TelehealthModifierMissing"/>.</summary>
    public static DiagnosticDescriptor TelehealthModifierMissing { get; } = new(
        DiagnosticIds.TelehealthModifierMissing,
        "Telehealth modifier missing",
        "{code} is furnished by telehealth but lacks modifier {modifier}, which payer {payer} requires on therapy telehealth lines.",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TelehealthCodeNotAllowed"/>.</summary>
    public static DiagnosticDescriptor TelehealthCodeNotAllowed { get; } = new(
        DiagnosticIds.TelehealthCodeNotAllowed,
        "Code not allowed by telehealth",
        "{code} is not allowed by telehealth for payer {payer} on {date}; furnish it in person or check the payer's telehealth list.",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TelehealthNotCovered"/>.</summary>
    public static DiagnosticDescriptor TelehealthNotCovered { get; } = new(
        DiagnosticIds.TelehealthNotCovered,
        "Payer covers no telehealth therapy",
        "Payer {payer} has no telehealth policy for therapy; this telehealth encounter will not be covered as billed.",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.TelehealthListOutOfDate"/>.</summary>
    public static DiagnosticDescriptor TelehealthListOutOfDate { get; } = new(
        DiagnosticIds.TelehealthListOutOfDate,
        "Telehealth code list does not reach the date of service",
        "Payer {payer}'s telehealth code list is known only through {through}; the codes of this visit on {date} were not checked. Load the current telehealth list (extend 'through' in the payer profile) to check them.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AuthorizationVisitsExceeded"/>.</summary>
    public static DiagnosticDescriptor AuthorizationVisitsExceeded { get; } = new(
        DiagnosticIds.AuthorizationVisitsExceeded,
        "Visit beyond the authorized count",
        "This is visit {visit} of the authorization, which allows {count}; get more visits authorized before billing it (0 remain).",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AuthorizationDateOutside"/>.</summary>
    public static DiagnosticDescriptor AuthorizationDateOutside { get; } = new(
        DiagnosticIds.AuthorizationDateOutside,
        "Visit outside the authorized dates",
        "The visit on {date} is outside the authorization's dates ({from} to {through}); get the dates extended or a new authorization.",
        PayersCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AuthorizationVisitsRemaining"/>.</summary>
    public static DiagnosticDescriptor AuthorizationVisitsRemaining { get; } = new(
        DiagnosticIds.AuthorizationVisitsRemaining,
        "Authorized visits remaining",
        "Visit {visit} of {count} under the authorization; {remaining} visit(s) remain.",
        PayersCategory,
        Severity.Info);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AuthorizationMissing"/>.</summary>
    public static DiagnosticDescriptor AuthorizationMissing { get; } = new(
        DiagnosticIds.AuthorizationMissing,
        "Authorization missing",
        "Payer {payer} requires a prior authorization for therapy visits and none is recorded; record the authorization.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AmountInControversyBelow"/>.</summary>
    public static DiagnosticDescriptor AmountInControversyBelow { get; } = new(
        DiagnosticIds.AmountInControversyBelow,
        "Amount in controversy below the threshold",
        "{amount} in controversy is below the {year} threshold of {threshold} for {level}; the request will be dismissed unless claims are aggregated.",
        PayersCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.AmountInControversyYearUnknown"/>.</summary>
    public static DiagnosticDescriptor AmountInControversyYearUnknown { get; } = new(
        DiagnosticIds.AmountInControversyYearUnknown,
        "No amount-in-controversy threshold for the year",
        "The amount-in-controversy table ({table}) has no threshold for {year}; load a table with the year's Federal Register amounts.",
        PayersCategory,
        Severity.Warning);

    private static DiagnosticDescriptor[] PayerDescriptors() =>
    [
        PayerMethodResolved, UnknownPayer, AssistantModifierMissing, AssistantModifierUnsupported, AssistantModifierWrongDiscipline, AssistantDisciplineUnknown, AssistantUnitsTooFew, AssistantUnitsTooMany, KxModifierRequired, KxModifierBelowThreshold, TargetedMedicalReview, KxThresholdYearUnknown, KxBucketUnknown, TelehealthPlaceOfService, TelehealthModifierMissing, TelehealthCodeNotAllowed, TelehealthNotCovered, TelehealthListOutOfDate, AuthorizationVisitsExceeded, AuthorizationDateOutside, AuthorizationVisitsRemaining, AuthorizationMissing, AmountInControversyBelow, AmountInControversyYearUnknown,
        .. PayerInputDescriptors(),
    ];
}
