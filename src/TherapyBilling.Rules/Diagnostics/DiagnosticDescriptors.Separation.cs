namespace TherapyBilling.Rules;

public static partial class DiagnosticDescriptors
{
    private const string SeparationCategory = "Separation";

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.SamePeriodTimedCodes"/>.</summary>
    public static DiagnosticDescriptor SamePeriodTimedCodes { get; } = new(
        DiagnosticIds.SamePeriodTimedCodes,
        "Two timed codes in the same minutes",
        "{count} segments of codes {codes} overlap between {from} and {to} ({minutes} minute(s) recorded more than once), first segments {other} ({otherCode}) and {segment} ({code}); only one PM&R service can be billed for a period of time (NCCI ch. 11 §P.2). Correct the times or bill those minutes under one code.",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PairNotPayable"/>.</summary>
    public static DiagnosticDescriptor PairNotPayable { get; } = new(
        DiagnosticIds.PairNotPayable,
        "Column-2 code not payable with column 1",
        "{column2} is not payable beside {column1}: the NCCI edit in force ({edit}) has modifier indicator 0, so no modifier bypasses it (NCCI ch. 1 §E). Bill only the code the documentation supports.{verify}",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PairModifierMissing"/>.</summary>
    public static DiagnosticDescriptor PairModifierMissing { get; } = new(
        DiagnosticIds.PairModifierMissing,
        "Column-2 code needs 59 or an X modifier",
        "{column2} is billed with {column1} and the NCCI edit in force ({edit}) denies {column2} unless a PTP modifier shows the services were distinct (NCCI ch. 1 §E). If they were in different time intervals, add XU (or 59) to {column2} and document the times; otherwise bill one code.{verify}",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PairModifierOnColumnOne"/>.</summary>
    public static DiagnosticDescriptor PairModifierOnColumnOne { get; } = new(
        DiagnosticIds.PairModifierOnColumnOne,
        "Modifier on the column-1 line",
        "Modifier {modifier} is on {column1}, the column-1 code of the edit with {column2} ({edit}); the column-2 code is the one denied, so the modifier belongs on {column2} (NCCI ch. 1 §A). Move it to the {column2} line.{verify}",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PairModifierNotSupported"/>.</summary>
    public static DiagnosticDescriptor PairModifierNotSupported { get; } = new(
        DiagnosticIds.PairModifierNotSupported,
        "Modifier not supported: time intervals overlap",
        "Modifier {modifier} on {column2} claims it was distinct from {column1}, but their segments share {minutes} minute(s) ({shared}); the modifier is not supported (NCCI ch. 11 §P.2). Correct the times, or bill one code for the shared interval.{verify}",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PairTimesNotChecked"/>.</summary>
    public static DiagnosticDescriptor PairTimesNotChecked { get; } = new(
        DiagnosticIds.PairTimesNotChecked,
        "Pair not checked: segment times missing",
        "Modifier {modifier} on {column2} bypasses the edit with {column1} ({edit}), but the segments of {column1} and {column2} lack start and end times, so distinct time intervals were not checked. Record the times of each segment.{verify}",
        SeparationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PreferXModifier"/>.</summary>
    public static DiagnosticDescriptor PreferXModifier { get; } = new(
        DiagnosticIds.PreferXModifier,
        "59 where an X modifier is more specific",
        "Modifier 59 on {code}: an X modifier says more (XU distinct time interval, XE separate encounter, XP different practitioner), and CMS prefers one when it fits (NCCI ch. 1 §E). Use XU for services in different time intervals.",
        SeparationCategory,
        Severity.Info);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.XsOnTimedTherapy"/>.</summary>
    public static DiagnosticDescriptor XsOnTimedTherapy { get; } = new(
        DiagnosticIds.XsOnTimedTherapy,
        "XS on timed therapy",
        "Modifier XS (separate structure) on timed therapy code {code}: timed therapy services are separated by time interval, not by structure (NCCI ch. 11 §P.2). Use XU for services in different time intervals.",
        SeparationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.UnnecessaryPairModifier"/>.</summary>
    public static DiagnosticDescriptor UnnecessaryPairModifier { get; } = new(
        DiagnosticIds.UnnecessaryPairModifier,
        "59 or X modifier without an edit",
        "Modifier {modifier} on {code}: no NCCI edit in force on {dateOfService} in the complete pair table ({table}) pairs {code} with another code of this encounter; the modifier is unnecessary and a blanket 59 is an audit flag. Remove it.",
        SeparationCategory,
        Severity.Warning);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.DisciplineModifierMissing"/>.</summary>
    public static DiagnosticDescriptor DisciplineModifierMissing { get; } = new(
        DiagnosticIds.DisciplineModifierMissing,
        "Discipline modifier missing",
        "{code} is an always-therapy code and needs exactly one discipline modifier matching the plan of care (CPM ch. 5 §20.1). Add {expected}.",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.DisciplineModifierSeveral"/>.</summary>
    public static DiagnosticDescriptor DisciplineModifierSeveral { get; } = new(
        DiagnosticIds.DisciplineModifierSeveral,
        "Several discipline modifiers",
        "{code} carries {modifiers}; a line takes exactly one of GP, GO, GN (CPM ch. 5 §20.1). Keep {expected} only.",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.DisciplineModifierMismatch"/>.</summary>
    public static DiagnosticDescriptor DisciplineModifierMismatch { get; } = new(
        DiagnosticIds.DisciplineModifierMismatch,
        "Discipline modifier does not match the plan of care",
        "{code} carries {modifier}, but the plan of care is {discipline}, which takes {expected} (CPM ch. 5 §20.1). Replace {modifier} with {expected}.",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.MueLineExceeded"/>.</summary>
    public static DiagnosticDescriptor MueLineExceeded { get; } = new(
        DiagnosticIds.MueLineExceeded,
        "MUE exceeded on a line",
        "{code} is billed with {units} units on this line; its MUE (medically unlikely edit) is {limit} units per line (MAI 1, claim-line edit), so the units above {limit} on the line are denied (NCCI ch. 1 §V). MUE denials are coding denials: an ABN does not shift liability to the patient. Bill the units the record supports.",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.MueDateOfServiceExceeded"/>.</summary>
    public static DiagnosticDescriptor MueDateOfServiceExceeded { get; } = new(
        DiagnosticIds.MueDateOfServiceExceeded,
        "MUE exceeded on the date of service",
        "{code} is billed with {units} units on the date of service ({lines} line(s)); its MUE (medically unlikely edit) is {limit} units per date of service (MAI {mai}: {meaning}) (NCCI ch. 1 §V). MUE denials are coding denials: an ABN does not shift liability to the patient. Bill the units the record supports.",
        SeparationCategory,
        Severity.Error);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.MueNotChecked"/>.</summary>
    public static DiagnosticDescriptor MueNotChecked { get; } = new(
        DiagnosticIds.MueNotChecked,
        "MUE not checked: no MUE table loaded",
        "MUE (medically unlikely edit) unit limits were not checked: no MUE table is loaded and none ships with the library. Load the current CMS practitioner MUE file (--mue-file <csv, folder or zip>, MueTable.LoadCms).",
        SeparationCategory,
        Severity.Info);

    /// <summary>Gets the descriptor of <see cref="DiagnosticIds.PairNotInSubset"/>.</summary>
    public static DiagnosticDescriptor PairNotInSubset { get; } = new(
        DiagnosticIds.PairNotInSubset,
        "Pair not in the loaded pair table (a subset)",
        "Modifier {modifier} on {code}: no edit pairing {code} with another code of this encounter on {dateOfService} is in the pair table in use, {table}; that table is not the complete CMS release (real edits such as 97150/97110 or evaluation/97140 are missing from the shipped subset), so this is not evidence that the modifier is unnecessary. Check against the current CMS practitioner PTP release: --ptp-file <release zip, folder or parts>, or PtpEditTable.LoadCms.",
        SeparationCategory,
        Severity.Info);

    private static DiagnosticDescriptor[] SeparationDescriptors() =>
    [
        SamePeriodTimedCodes, PairNotPayable, PairModifierMissing, PairModifierOnColumnOne, PairModifierNotSupported,
        PairTimesNotChecked, PreferXModifier, XsOnTimedTherapy, UnnecessaryPairModifier, DisciplineModifierMissing,
        DisciplineModifierSeveral, DisciplineModifierMismatch, MueLineExceeded, MueDateOfServiceExceeded, MueNotChecked,
        PairNotInSubset,
    ];
}
