using System.Buffers;
using System.Runtime.CompilerServices;

namespace TherapyBilling.Rules;

public static partial class ComplianceEngine
{
    private static readonly ConditionalWeakTable<PayerProfile, Diagnostic?[]> s_methodNotices = new();

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
        // The payer lines live in a pooled array for the length of the check (cleared when returned: they hold references).
        int count = CountPayerLines(encounter, units);
        var rented = count == 0 ? [] : ArrayPool<PayerLine>.Shared.Rent(count);
        try
        {
            FillPayerLines(encounter, units, rented);
            RunPayers(encounter, units, options, profile, resolution, rented.AsSpan(0, count), diagnostics);
        }
        finally
        {
            if (rented.Length > 0)
            {
                ArrayPool<PayerLine>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    private static void RunPayers(Encounter encounter, UnitCalculation units, ComplianceOptions options, PayerProfile? profile, MethodResolution resolution, ReadOnlySpan<PayerLine> lines, List<Diagnostic> diagnostics)
    {
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

        diagnostics.Add(MethodResolvedNotice(profile, resolution));

        if (profile.Assistants is { } assistants && encounter.DateOfService >= assistants.From)
        {
            CheckAssistants(encounter, units, lines, assistants.DeMinimisPercent, diagnostics);
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

    /// <summary>
    /// The TBR401 info: the same words for every encounter of one payer profile with one method and source, so each is
    /// built once and shared (a diagnostic is immutable; the engine and the policy only ever build new ones from it).
    /// Keyed by the profile instance, held weakly: a discarded profile set takes its notices with it.
    /// </summary>
    private static Diagnostic MethodResolvedNotice(PayerProfile profile, MethodResolution resolution)
    {
        int method = (int)resolution.Method - (int)UnitMethod.Cms, source = (int)resolution.Source - (int)MethodSource.Encounter;
        if ((uint)method > 1 || (uint)source > 2)
        {
            return BuildMethodResolvedNotice(profile, resolution);
        }

        var notices = s_methodNotices.GetValue(profile, static _ => new Diagnostic?[6]);
        ref var slot = ref notices[(method * 3) + source];
        var notice = Volatile.Read(ref slot);
        if (notice is null)
        {
            // Two threads may both build it; the first one stored is the one every check shares.
            var built = BuildMethodResolvedNotice(profile, resolution);
            notice = Interlocked.CompareExchange(ref slot, built, null) ?? built;
        }

        return notice;
    }

    private static Diagnostic BuildMethodResolvedNotice(PayerProfile profile, MethodResolution resolution) =>
        DiagnosticDescriptors.PayerMethodResolved.Create(
            "payer",
            Arg.Of("method", UnitText.MethodName(resolution.Method)),
            Arg.Of("source", resolution.Source switch
            {
                MethodSource.Encounter => "encounter (case override)",
                MethodSource.PayerProfile => "payer profile",
                _ => "options default",
            }),
            Arg.Of("payer", profile.Id));

    /// <summary>CQ/CO per line of the unit calculation (the decisions of <see cref="AssistantRules.Decide"/>, without their sentences).</summary>
    private static void CheckAssistants(Encounter encounter, UnitCalculation units, ReadOnlySpan<PayerLine> lines, int percent, List<Diagnostic> diagnostics)
    {
        bool billed = !encounter.BilledLines.IsDefaultOrEmpty;
        foreach (var line in units.Lines)
        {
            if (line.Kind is null)
            {
                continue;
            }

            var discipline = encounter.Discipline ?? DisciplineOfCode(lines, line.Code);
            var decision = AssistantRules.SplitUnits(encounter.Segments, line, discipline, percent);
            PayerLineChecks.AssistantModifiers(lines, decision, percent, billed, diagnostics);
        }
    }

    /// <summary>The discipline the first GP/GO/GN on the code's lines names, or <see langword="null"/>.</summary>
    private static Discipline? DisciplineOfCode(ReadOnlySpan<PayerLine> lines, CptCode code)
    {
        foreach (var line in lines)
        {
            if (line.Code == code && AssistantRules.InferDiscipline(line.Modifiers) is { } discipline)
            {
                return discipline;
            }
        }

        return null;
    }

    /// <summary>The discipline the first GP/GO/GN on any line names, or <see langword="null"/>.</summary>
    private static Discipline? DisciplineOfLines(ReadOnlySpan<PayerLine> lines)
    {
        foreach (var line in lines)
        {
            if (AssistantRules.InferDiscipline(line.Modifiers) is { } discipline)
            {
                return discipline;
            }
        }

        return null;
    }

    private static void CheckKx(Encounter encounter, ReadOnlySpan<PayerLine> lines, ComplianceOptions options, List<Diagnostic> diagnostics)
    {
        if (encounter.AllowedAmount is not decimal allowed)
        {
            return;
        }

        var discipline = encounter.Discipline ?? DisciplineOfLines(lines);
        if (discipline is not { } d)
        {
            diagnostics.Add(DiagnosticDescriptors.KxBucketUnknown.Create("allowedAmount"));
            return;
        }

        bool hasKx = false;
        foreach (var line in lines)
        {
            hasKx |= line.Has(Modifier.KX);
        }

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

    /// <summary>The billed lines, else one line per computed code with units.</summary>
    private static int CountPayerLines(Encounter encounter, UnitCalculation units)
    {
        if (!encounter.BilledLines.IsDefaultOrEmpty)
        {
            return encounter.BilledLines.Length;
        }

        int count = 0;
        foreach (var line in units.Lines)
        {
            count += line.Units == 0 ? 0 : 1;
        }

        return count;
    }

    private static void FillPayerLines(Encounter encounter, UnitCalculation units, PayerLine[] lines)
    {
        if (!encounter.BilledLines.IsDefaultOrEmpty)
        {
            for (int i = 0; i < encounter.BilledLines.Length; i++)
            {
                lines[i] = PayerLine.Billed(encounter.BilledLines[i], i);
            }

            return;
        }

        int count = 0;
        foreach (var line in units.Lines)
        {
            if (line.Units != 0)
            {
                lines[count++] = PayerLine.Computed(line.Code, line.Units, SegmentModifiers.Of(encounter.Segments, line.SegmentIndices), line.SegmentIndices[0]);
            }
        }
    }
}
