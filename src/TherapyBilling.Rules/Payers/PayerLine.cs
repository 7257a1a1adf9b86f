using System.Collections.Immutable;
using System.Globalization;

namespace TherapyBilling.Rules;

/// <summary>A claim line as the payer checks see it: billed lines when given, else the computed lines with their segments' modifiers.</summary>
/// <remarks>The path (<c>lines[1]</c> or <c>segments[3]</c>) is built only when a finding reads it.</remarks>
internal readonly struct PayerLine
{
    private readonly int _index;

    private PayerLine(CptCode code, int units, ImmutableArray<Modifier> modifiers, bool isBilled, int index)
    {
        Code = code;
        Units = units;
        Modifiers = modifiers;
        IsBilled = isBilled;
        _index = index;
    }

    public CptCode Code { get; }

    public int Units { get; }

    public ImmutableArray<Modifier> Modifiers { get; }

    public bool IsBilled { get; }

    /// <summary>Gets the path of the line in the input: <c>lines[i]</c>, or the code's first segment <c>segments[k]</c>.</summary>
    public string Path => IsBilled ? Paths.Index("lines", _index) : Paths.Segment(_index);

    /// <summary>The billed line at <paramref name="index"/>.</summary>
    public static PayerLine Billed(BilledLine line, int index) => new(line.Code, line.Units, line.Modifiers, isBilled: true, index);

    /// <summary>A line computed from segments, pointing at its first segment.</summary>
    public static PayerLine Computed(CptCode code, int units, ImmutableArray<Modifier> modifiers, int firstSegment) => new(code, units, modifiers, isBilled: false, firstSegment);

    public bool Has(Modifier modifier) => Modifiers.Contains(modifier);
}

/// <summary>The line-level payer checks: discipline modifiers, CQ/CO, telehealth.</summary>
internal static class PayerLineChecks
{
    /// <summary>CQ must travel with GP and CO with GO (CPM ch. 5 §20.1); applies whatever the payer.</summary>
    public static void AssistantPairing(ReadOnlySpan<PayerLine> lines, List<Diagnostic> diagnostics)
    {
        foreach (var line in lines)
        {
            foreach (var assistant in (ReadOnlySpan<Modifier>)[Modifier.CQ, Modifier.CO])
            {
                var required = AssistantRules.DisciplineModifierFor(assistant)!.Value;
                if (line.Has(assistant) && !line.Has(required))
                {
                    diagnostics.Add(DiagnosticDescriptors.AssistantModifierWrongDiscipline.Create(
                        line.Path + ".modifiers", Arg.Of("code", line.Code), Arg.Of("modifier", assistant), Arg.Of("required", required)));
                }
            }
        }
    }

    /// <summary>
    /// CQ/CO per code against the per-unit decision: missing (TBR410), unsupported (TBR411), unknown discipline
    /// (TBR413); with billed lines, the number of units carrying the modifier is compared with the number that need
    /// it (TBR414 too few, TBR415 too many). Computed lines carry one modifier set for all units, so they are not counted.
    /// </summary>
    public static void AssistantModifiers(ReadOnlySpan<PayerLine> lines, UnitSplit decision, int percent, bool billed, List<Diagnostic> diagnostics)
    {
        int first = -1;
        bool hasCq = false, hasCo = false;
        int cqUnits = 0, coUnits = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Code != decision.Code)
            {
                continue;
            }

            first = first < 0 ? i : first;
            if (line.Has(Modifier.CQ))
            {
                hasCq = true;
                cqUnits += line.Units;
            }

            if (line.Has(Modifier.CO))
            {
                hasCo = true;
                coUnits += line.Units;
            }
        }

        if (first < 0)
        {
            return;
        }

        if (decision.NeedsAssistantModifier)
        {
            if (decision.RequiredModifier is not { } required)
            {
                diagnostics.Add(DiagnosticDescriptors.AssistantDisciplineUnknown.Create(
                    lines[first].Path, Arg.Of("code", decision.Code), Arg.Of("percent", percent), Arg.Of("units", decision.AssistantUnits)));
            }
            else if (!(required == Modifier.CQ ? hasCq : hasCo))
            {
                diagnostics.Add(DiagnosticDescriptors.AssistantModifierMissing.Create(
                    lines[first].Path + ".modifiers", Arg.Of("code", decision.Code), Arg.Of("percent", percent), Arg.Of("units", decision.AssistantUnits), Arg.Of("modifier", required)));
            }
            else if (billed)
            {
                CompareCount(decision, required, required == Modifier.CQ ? cqUnits : coUnits, lines[first].Path, percent, diagnostics);
            }
        }
        else if (hasCq || hasCo)
        {
            diagnostics.Add(DiagnosticDescriptors.AssistantModifierUnsupported.Create(
                lines[first].Path + ".modifiers", Arg.Of("code", decision.Code), Arg.Of("modifier", hasCq ? Modifier.CQ : Modifier.CO), Arg.Of("percent", percent)));
        }
    }

    private static void CompareCount(UnitSplit decision, Modifier required, int billedUnits, string path, int percent, List<Diagnostic> diagnostics)
    {
        if (billedUnits == decision.AssistantUnits)
        {
            return;
        }

        var descriptor = billedUnits < decision.AssistantUnits ? DiagnosticDescriptors.AssistantUnitsTooFew : DiagnosticDescriptors.AssistantUnitsTooMany;
        diagnostics.Add(descriptor.Create(
            path + ".modifiers",
            Arg.Of("code", decision.Code),
            Arg.Of("needed", decision.AssistantUnits),
            Arg.Of("units", decision.Units),
            Arg.Of("modifier", required),
            Arg.Of("percent", percent),
            Arg.Of("billed", billedUnits),
            Arg.Of("fix", SplitText(decision, required))));
    }

    /// <summary>The billing the decision proves: "97110 GP ×1 and 97110 GP CQ ×2".</summary>
    internal static string SplitText(UnitSplit decision, Modifier required)
    {
        var discipline = AssistantRules.DisciplineModifierFor(required)!.Value;
        string assistantLine = string.Create(CultureInfo.InvariantCulture, $"{decision.Code} {discipline} {required} ×{decision.AssistantUnits}");
        return decision.TherapistUnits == 0
            ? assistantLine
            : string.Create(CultureInfo.InvariantCulture, $"{decision.Code} {discipline} ×{decision.TherapistUnits} and {assistantLine}");
    }

    public static void Telehealth(ReadOnlySpan<PayerLine> lines, PayerProfile profile, NodaTime.LocalDate dateOfService, string? placeOfService, List<Diagnostic> diagnostics)
    {
        var payer = Arg.Of("payer", profile.Id);
        if (profile.Telehealth is not { } policy)
        {
            diagnostics.Add(DiagnosticDescriptors.TelehealthNotCovered.Create(string.Empty, payer));
            return;
        }

        if (placeOfService is null || !policy.PlacesOfService.Contains(placeOfService))
        {
            // The place of service is a code, not patient data: echoing it helps the fix.
            diagnostics.Add(DiagnosticDescriptors.TelehealthPlaceOfService.Create(
                "placeOfService", Arg.Of("pos", placeOfService ?? "(none)"), payer, Arg.Of("allowed", string.Join(" or ", policy.PlacesOfService))));
        }

        bool listKnowsTheDate = true;
        if (policy.KnownThrough is { } through && dateOfService > through)
        {
            // The shipped list ends before the visit: not checked, never an error (load the current list).
            listKnowsTheDate = false;
            diagnostics.Add(DiagnosticDescriptors.TelehealthListOutOfDate.Create(
                string.Empty, payer, PayerArgs.Date("through", through), PayerArgs.Date("date", dateOfService)));
        }

        foreach (var line in lines)
        {
            foreach (var modifier in policy.RequiredModifiers)
            {
                if (!line.Has(modifier))
                {
                    diagnostics.Add(DiagnosticDescriptors.TelehealthModifierMissing.Create(line.Path + ".modifiers", Arg.Of("code", line.Code), Arg.Of("modifier", modifier), payer));
                }
            }

            if (listKnowsTheDate && !policy.Allows(line.Code, dateOfService))
            {
                diagnostics.Add(DiagnosticDescriptors.TelehealthCodeNotAllowed.Create(line.Path + ".code", Arg.Of("code", line.Code), payer, PayerArgs.Date("date", dateOfService)));
            }
        }
    }
}
