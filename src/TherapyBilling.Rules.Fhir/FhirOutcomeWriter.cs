using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace TherapyBilling.Rules.Fhir;

/// <summary>Writes findings as FHIR R4 <c>OperationOutcome</c> resources: one per encounter, and a Bundle for a batch.</summary>
/// <remarks>
/// <para>Each finding is one issue: <c>severity</c> from the finding (error, warning, information), <c>code</c> from its
/// kind (<c>invalid</c>, <c>not-found</c>, <c>conflict</c>, <c>business-rule</c>, …), <c>details.coding</c> the TBR id in
/// <see cref="FhirSystems.DiagnosticId"/> with the title as display, <c>details.text</c> the title followed by the
/// finding's fixes where the library proved one, <c>diagnostics</c> the message, and
/// <c>expression</c> the FHIRPath of the element the finding is about. A path of the JSON contract (input that did not
/// come from FHIR) goes to <c>location</c> instead. An encounter without findings gets one <c>informational</c> issue,
/// because an OperationOutcome needs at least one.</para>
/// <para>The outcome names its encounter with the <see cref="FhirSystems.EncounterExtension"/> extension; it carries
/// only ids, codes and the library's messages, never patient data. Deterministic: no timestamps, no random ids. Thread-safe.</para>
/// </remarks>
public static partial class FhirOutcomeWriter
{
    /// <summary>Writes the findings of one FHIR encounter: its mapping findings and the report's, with FHIRPaths.</summary>
    /// <param name="read">The encounter as read from FHIR.</param>
    /// <param name="report">The engine's report, or <see langword="null"/> when the encounter could not be checked.</param>
    /// <returns>The OperationOutcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is <see langword="null"/>.</exception>
    public static OperationOutcome ToOperationOutcome(FhirEncounterReadResult read, EncounterReport? report)
    {
        ArgumentNullException.ThrowIfNull(read);
        var diagnostics = report is null ? read.Diagnostics : DiagnosticOrder.Sort(read.Diagnostics.Concat(read.ToFhirPaths(report.Diagnostics)));
        return ToOperationOutcome(read.Id, diagnostics);
    }

    /// <summary>Writes the findings of one encounter.</summary>
    /// <param name="encounterId">The encounter's id, or <see langword="null"/> when it has none.</param>
    /// <param name="diagnostics">The findings; FHIRPaths go to <c>expression</c>, other paths to <c>location</c>.</param>
    /// <returns>The OperationOutcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public static OperationOutcome ToOperationOutcome(string? encounterId, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var outcome = new OperationOutcome();
        if (encounterId is not null && FhirId().IsMatch(encounterId))
        {
            outcome.Id = encounterId;
            outcome.Extension.Add(new Extension(FhirSystems.EncounterExtension, new ResourceReference("Encounter/" + encounterId)));
        }

        foreach (var diagnostic in diagnostics)
        {
            outcome.Issue.Add(Issue(diagnostic));
        }

        if (outcome.Issue.Count == 0)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Information,
                Code = OperationOutcome.IssueType.Informational,
                Details = new CodeableConcept { Text = "No findings" },
                Diagnostics = "The encounter was checked; nothing to report.",
            });
        }

        return outcome;
    }

    /// <summary>Collects OperationOutcomes in a Bundle of type <c>collection</c>, in the given order.</summary>
    /// <param name="outcomes">The outcomes.</param>
    /// <returns>The Bundle.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="outcomes"/> is <see langword="null"/>.</exception>
    public static Bundle ToBundle(IEnumerable<OperationOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        long n = 0;
        foreach (var outcome in outcomes)
        {
            // bdl-15 needs a fullUrl; a UUID from the position keeps the output deterministic.
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = EntryUrl(++n),
                Resource = outcome ?? throw new ArgumentException("Outcomes must not contain null.", nameof(outcomes)),
            });
        }

        return bundle;
    }

    /// <summary>Gets the fullUrl of the n-th entry of an outcome Bundle: a UUID URN made from the position (deterministic).</summary>
    /// <param name="position">The 1-based position.</param>
    /// <returns>The URN, such as <c>urn:uuid:00000000-0000-4000-8000-000000000001</c>.</returns>
    public static string EntryUrl(long position) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"urn:uuid:00000000-0000-4000-8000-{position:D12}");

    /// <summary>Gets the issue type of a finding.</summary>
    /// <param name="diagnostic">The finding.</param>
    /// <returns>The issue type.</returns>
    public static OperationOutcome.IssueType IssueType(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Id switch
        {
            DiagnosticIds.FhirUnattached => OperationOutcome.IssueType.NotFound,
            DiagnosticIds.FhirConflict => OperationOutcome.IssueType.Conflict,
            DiagnosticIds.FhirStatusExcluded => OperationOutcome.IssueType.Informational,
            DiagnosticIds.FhirUnreadableResource => OperationOutcome.IssueType.Structure,
            DiagnosticIds.UnknownCode => OperationOutcome.IssueType.CodeInvalid,
            _ when diagnostic.Descriptor.Category == "Input" => OperationOutcome.IssueType.Invalid,
            _ => OperationOutcome.IssueType.BusinessRule,
        };
    }

    /// <summary>The finding's title, then its fixes where the library proved one ("Fix: 97535: add modifier XU").</summary>
    private static string DetailsText(Diagnostic diagnostic) =>
        diagnostic.Fixes.IsDefaultOrEmpty
            ? diagnostic.Descriptor.Title
            : diagnostic.Descriptor.Title + ". Fix: " + string.Join("; ", diagnostic.Fixes.Select(static f => f.Code.Value + ": " + f.Describe())) + ".";

    private static OperationOutcome.IssueComponent Issue(Diagnostic diagnostic)
    {
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = diagnostic.Severity switch
            {
                Severity.Error => OperationOutcome.IssueSeverity.Error,
                Severity.Warning => OperationOutcome.IssueSeverity.Warning,
                _ => OperationOutcome.IssueSeverity.Information,
            },
            Code = IssueType(diagnostic),
            Details = new CodeableConcept(FhirSystems.DiagnosticId, diagnostic.Id, diagnostic.Descriptor.Title, DetailsText(diagnostic)),
            Diagnostics = diagnostic.Message,
        };
        issue.Extension.Add(new Extension(FhirSystems.HelpLinkExtension, new FhirString(diagnostic.HelpLink)));
        if (FhirPathMap.IsFhirPath(diagnostic.Path))
        {
            issue.Expression = [diagnostic.Path];
        }
        else if (diagnostic.Path.Length > 0)
        {
            issue.Location = [diagnostic.Path];
        }

        return issue;
    }

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();
}
