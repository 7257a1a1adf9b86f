using System.Collections.Immutable;

namespace TherapyBilling.Rules;

public static partial class ComplianceEngine
{
    /// <summary>
    /// Resolves the payer rules of an encounter without checking it: the payer profile, the unit method and where it
    /// came from (encounter &gt; payer profile &gt; options default).
    /// </summary>
    /// <param name="encounter">The encounter.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ComplianceOptions.Default"/>.</param>
    /// <returns>The resolution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encounter"/> is <see langword="null"/>.</exception>
    public static MethodResolution ResolveMethodSource(Encounter encounter, ComplianceOptions? options = null)
    {
        Guard.NotNull(encounter);
        options ??= ComplianceOptions.Default;
        return MethodResolution.Resolve(encounter.Method, options.ResolvePayerProfile(encounter), options.DefaultMethod);
    }

    static partial void RunPayers(Encounter encounter, UnitCalculation units, ComplianceOptions options, PayerProfile? profile, MethodResolution resolution, List<Diagnostic> diagnostics)
    {
        var lines = PayerLinesOf(encounter, units);
        PayerLineChecks.AssistantPairing(lines, diagnostics);

        string? payerId = encounter.PayerId ?? options.DefaultPayerId;
        if (payerId is null)
        {
            return;
        }

        if (profile is null)
        {
            diagnostics.Add(DiagnosticDescriptors.UnknownPayer.Create("payer", Arg.Of("profiles", options.PayerProfiles.Version)));
            return;
        }

        diagnostics.Add(DiagnosticDescriptors.PayerMethodResolved.Create(
            "payer",
            Arg.Of("method", UnitText.MethodName(resolution.Method)),
            Arg.Of("source", resolution.Source switch
            {
                MethodSource.Encounter => "encounter (case override)",
                MethodSource.PayerProfile => "payer profile",
                _ => "options default",
            }),
            Arg.Of("payer", profile.Id)));

        if (profile.Assistants is { } assistants && encounter.DateOfService >= assistants.From)
        {
            var decisions = AssistantRules.Decide(encounter.Segments, units, encounter.Discipline, assistants.DeMinimisPercent, code => ModifiersOfCode(lines, code));
            PayerLineChecks.AssistantModifiers(lines, decisions, assistants.DeMinimisPercent, billed: !encounter.BilledLines.IsDefaultOrEmpty, diagnostics);
        }

        if (profile.ApplyKxThreshold)
        {
            CheckKx(encounter, lines, options, diagnostics);
        }

        if (encounter.IsTelehealth)
        {
            PayerLineChecks.Telehealth(lines, profile, encounter.DateOfService, encounter.PlaceOfService, diagnostics);
        }

        CheckAuthorization(encounter, profile, units, diagnostics);
    }

    private static void CheckKx(Encounter encounter, List<PayerLine> lines, ComplianceOptions options, List<Diagnostic> diagnostics)
    {
        if (encounter.AllowedAmount is not decimal allowed)
        {
            return;
        }

        var discipline = encounter.Discipline ?? AssistantRules.InferDiscipline(lines.SelectMany(static l => l.Modifiers));
        if (discipline is not { } d)
        {
            diagnostics.Add(DiagnosticDescriptors.KxBucketUnknown.Create("allowedAmount"));
            return;
        }

        bool hasKx = lines.Any(static l => l.Has(Modifier.KX));
        var claim = new KxClaim(encounter.Id, encounter.BeneficiaryId ?? encounter.Id, encounter.DateOfService, KxThresholdCheck.BucketOf(d), allowed, hasKx);
        var result = KxThresholdCheck.Check(claim, encounter.KxYearToDateAllowed ?? 0m, options.KxThresholds);
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(diagnostic.WithPathPrefix("allowedAmount"));
        }
    }

    private static void CheckAuthorization(Encounter encounter, PayerProfile profile, UnitCalculation units, List<Diagnostic> diagnostics)
    {
        if (encounter.Authorization is not { } authorization)
        {
            if (profile.RequiresAuthorization)
            {
                diagnostics.Add(DiagnosticDescriptors.AuthorizationMissing.Create("authorization", Arg.Of("payer", profile.Id)));
            }

            return;
        }

        var visit = new AuthorizedVisit(encounter.Id, encounter.DateOfService, encounter.PayerId, encounter.Discipline, [.. units.Lines.Select(static l => l.Code)]);
        var result = AuthorizationCheck.CheckOne(authorization, visit, encounter.AuthorizationVisitsUsed);
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(diagnostic.WithPathPrefix("authorization"));
        }
    }

    private static List<PayerLine> PayerLinesOf(Encounter encounter, UnitCalculation units)
    {
        var lines = new List<PayerLine>();
        if (!encounter.BilledLines.IsDefaultOrEmpty)
        {
            for (int i = 0; i < encounter.BilledLines.Length; i++)
            {
                var billed = encounter.BilledLines[i];
                lines.Add(new PayerLine(billed.Code, billed.Units, billed.Modifiers, Paths.Index("lines", i)));
            }

            return lines;
        }

        foreach (var line in units.Lines)
        {
            if (line.Units == 0)
            {
                continue;
            }

            var modifiers = ImmutableArray.CreateBuilder<Modifier>();
            foreach (int index in line.SegmentIndices)
            {
                foreach (var modifier in encounter.Segments[index].Modifiers)
                {
                    if (!modifiers.Contains(modifier))
                    {
                        modifiers.Add(modifier);
                    }
                }
            }

            lines.Add(new PayerLine(line.Code, line.Units, modifiers.ToImmutable(), Paths.Segment(line.SegmentIndices[0])));
        }

        return lines;
    }

    private static IEnumerable<Modifier> ModifiersOfCode(List<PayerLine> lines, CptCode code) =>
        lines.Where(l => l.Code == code).SelectMany(static l => l.Modifiers);
}
