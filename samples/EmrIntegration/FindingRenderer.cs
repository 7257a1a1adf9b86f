using System.Globalization;
using System.Text;
using TherapyBilling.Rules;

namespace EmrIntegration;

/// <summary>Renders scrub results as the billing office's work queue (plain text, invariant culture, stable order).</summary>
public static class FindingRenderer
{
    /// <summary>Renders the results: blocked visits first, then those to review, then the ready ones; input order within a status.</summary>
    /// <param name="results">The scrub results.</param>
    /// <param name="minimum">The least severe finding to list (info findings explain, they do not ask for work).</param>
    /// <returns>The text.</returns>
    public static string Render(IEnumerable<ScrubResult> results, Severity minimum = Severity.Warning)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var sb = new StringBuilder();
        var order = list.Select((r, i) => (r, i))
            .OrderBy(x => x.r.Status switch
            {
                ScrubStatus.Unmappable => 0,
                ScrubStatus.Blocked => 1,
                ScrubStatus.NeedsReview => 2,
                _ => 3,
            })
            .ThenBy(x => x.i);

        foreach (var (result, _) in order)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{result.VisitNumber}: {Label(result.Status)} ({result.TotalUnits} timed unit(s))\n");
            foreach (var f in result.Findings.Where(f => f.Severity >= minimum))
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {f.Severity.ToString().ToLowerInvariant(),-7} {f.Id} at {f.Path}: {f.Message}\n");
                if (f.HelpLink.Length > 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"          see {f.HelpLink}\n");
                }
            }
        }

        sb.Append(CultureInfo.InvariantCulture,
            $"{list.Count} visit(s): {list.Count(r => r.Status == ScrubStatus.Ready)} ready, {list.Count(r => r.Status == ScrubStatus.NeedsReview)} to review, " +
            $"{list.Count(r => r.Status == ScrubStatus.Blocked)} blocked, {list.Count(r => r.Status == ScrubStatus.Unmappable)} unmappable\n");
        return sb.ToString();
    }

    private static string Label(ScrubStatus status) => status switch
    {
        ScrubStatus.Ready => "ready",
        ScrubStatus.NeedsReview => "needs review",
        ScrubStatus.Blocked => "blocked",
        _ => "unmappable",
    };
}
