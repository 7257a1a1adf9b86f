using TherapyBilling.Rules;

namespace EmrIntegration;

/// <summary>What the billing office should do with a visit.</summary>
public enum ScrubStatus
{
    /// <summary>No finding at warning or above: the claim can go out.</summary>
    Ready = 1,

    /// <summary>Warnings only: a biller should look before it goes out.</summary>
    NeedsReview = 2,

    /// <summary>At least one error: hold the claim.</summary>
    Blocked = 3,

    /// <summary>The EMR record itself could not be mapped; fix it in the EMR.</summary>
    Unmappable = 4,
}

/// <summary>One finding, in the EMR's terms: the library's id, severity, path and message, plus the help page.</summary>
public sealed record ScrubFinding(string Id, Severity Severity, string Path, string Message, string HelpLink);

/// <summary>The result of scrubbing one visit.</summary>
public sealed record ScrubResult(string VisitNumber, ScrubStatus Status, int TotalUnits, IReadOnlyList<ScrubFinding> Findings);

/// <summary>
/// The EMR-side service: maps each visit to an <see cref="Encounter"/>, runs <see cref="ComplianceEngine"/> and turns the
/// report into a status and findings. Stateless and thread-safe; the options carry the reference data.
/// </summary>
public sealed class ClaimScrubber(ComplianceOptions? options = null)
{
    private readonly ComplianceOptions _options = options ?? ComplianceOptions.Default;

    /// <summary>Scrubs one visit.</summary>
    /// <param name="visit">The EMR record.</param>
    /// <returns>The status and findings.</returns>
    public ScrubResult Scrub(EmrVisit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        if (!VisitMapper.TryMap(visit, out var encounter, out string? problem))
        {
            return new ScrubResult(visit.VisitNumber, ScrubStatus.Unmappable, 0,
                [new ScrubFinding("EMR", Severity.Error, "visit", "The EMR record cannot be mapped: " + problem + ".", "")]);
        }

        var report = ComplianceEngine.Check(encounter, _options);
        var findings = report.Diagnostics
            .Select(d => new ScrubFinding(d.Id, d.Severity, d.Path, d.Message, d.HelpLink))
            .ToList();
        var status = report.HasErrors ? ScrubStatus.Blocked
            : report.HasAtLeast(Severity.Warning) ? ScrubStatus.NeedsReview
            : ScrubStatus.Ready;
        return new ScrubResult(visit.VisitNumber, status, report.Units.TotalUnits, findings);
    }

    /// <summary>Scrubs a day's visits, in input order.</summary>
    /// <param name="visits">The EMR records.</param>
    /// <returns>One result per visit.</returns>
    public IReadOnlyList<ScrubResult> ScrubAll(IEnumerable<EmrVisit> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        return [.. visits.Select(Scrub)];
    }
}
