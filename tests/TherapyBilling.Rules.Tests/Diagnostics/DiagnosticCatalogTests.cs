using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TherapyBilling.Rules.Tests.Support;

namespace TherapyBilling.Rules.Tests.Diagnostics;

/// <summary>
/// The diagnostics documentation cannot drift from the code: every id has a page with the six sections and a catalog
/// row with the same severity; ids are unique, well formed, in their family's range, and retired ids stay retired.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private static readonly string[] s_sections =
        ["What it checks", "Why", "Example that triggers it", "How to fix", "Source", "Since"];

    private static readonly Dictionary<string, char> s_familyDigit = new(StringComparer.Ordinal)
    {
        ["Input"] = '0',
        ["Units"] = '1',
        ["Documentation"] = '2',
        ["Separation"] = '3',
        ["Payers"] = '4',
    };

    private static string CatalogPath => Path.Combine(RepoPaths.DiagnosticsDocs, "README.md");

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var d in DiagnosticDescriptors.All)
        {
            data.Add(d.Id);
        }

        return data;
    }

    [Fact]
    public void Ids_AreUniqueWellFormedAndInTheirFamilysRange()
    {
        var all = DiagnosticDescriptors.All;
        Assert.True(all.Length > 50, "expected the full set of descriptors");
        Assert.Equal(all.Length, all.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, d =>
        {
            Assert.Matches(IdPattern(), d.Id);
            Assert.True(s_familyDigit.TryGetValue(d.Category, out char digit), $"{d.Id}: unknown category {d.Category}");
            Assert.True(d.Id[3] == digit, $"{d.Id} ({d.Category}) is outside the TBR{digit}xx range");
            Assert.False(string.IsNullOrWhiteSpace(d.Title), d.Id);
            Assert.Matches(@"^\d+\.\d+\.\d+$", d.Since);
            Assert.Equal($"therapy-rules explain {d.Id}", d.HelpLink);
        });
    }

    [Fact]
    public void RetiredIds_AreNeverUsedAgain()
    {
        var constants = typeof(DiagnosticIds).GetFields()
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(RetiredDiagnosticIds.All.Count, RetiredDiagnosticIds.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RetiredDiagnosticIds.All, retired =>
        {
            Assert.Matches(IdPattern(), retired.Id);
            Assert.Null(DiagnosticDescriptors.Find(retired.Id));
            Assert.DoesNotContain(retired.Id, constants);
            Assert.False(File.Exists(Path.Combine(RepoPaths.DiagnosticsDocs, retired.Id + ".md")), $"{retired.Id} is retired but has a page");
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_HasTheSixSectionsAndTheDescriptorsSeverity(string id)
    {
        var descriptor = DiagnosticDescriptors.Find(id)!;
        string path = Path.Combine(RepoPaths.DiagnosticsDocs, id + ".md");
        Assert.True(File.Exists(path), $"{id} has no page: write docs/diagnostics/{id}.md");
        string[] lines = File.ReadAllLines(path);

        Assert.StartsWith("# " + id, lines[0], StringComparison.Ordinal);
        var headings = lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();
        foreach (string section in s_sections)
        {
            Assert.True(headings.Contains(section), $"{id}: section '## {section}' is missing");
            Assert.False(string.IsNullOrWhiteSpace(SectionBody(lines, section)), $"{id}: section '## {section}' is empty");
        }

        Assert.Contains(descriptor.Since, SectionBody(lines, "Since"), StringComparison.Ordinal);

        var severities = SeverityOnPage().Matches(string.Join('\n', lines)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(severities.Count == 1, $"{id}: the page should state one severity, found [{string.Join(", ", severities)}]");
        Assert.Equal(descriptor.DefaultSeverity.ToString(), severities[0], ignoreCase: true);
    }

    [Fact]
    public void Pages_ExistOnlyForKnownIds()
    {
        var pages = Directory.GetFiles(RepoPaths.DiagnosticsDocs, "TBR*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.All(pages, page => Assert.NotNull(DiagnosticDescriptors.Find(page!)));
    }

    [Fact]
    public void Catalog_MatchesDescriptors()
    {
        string expected = RenderCatalog();
        string received = Path.ChangeExtension(CatalogPath, ".received.md");
        string actual = File.Exists(CatalogPath) ? File.ReadAllText(CatalogPath).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (actual == expected)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(CatalogPath, expected);
            return;
        }

        File.WriteAllText(received, expected);
        Assert.Fail($"docs/diagnostics/README.md is out of date.\n  catalog:  {CatalogPath}\n  received: {received}\n" +
            "Review the received file and move it over the catalog (or run the tests with UPDATE_SNAPSHOTS=1).");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Catalog_HasARowWithTheSameSeverity(string id)
    {
        var descriptor = DiagnosticDescriptors.Find(id)!;
        var rows = CatalogRows().Where(r => r.Id == id).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
        Assert.Equal(descriptor.Since, row.Since);
    }

    [Fact]
    public void Catalog_ListsEveryRetiredIdAsRetired()
    {
        var rows = CatalogRows().ToList();
        Assert.Equal(DiagnosticDescriptors.All.Length + RetiredDiagnosticIds.All.Count, rows.Count);
        Assert.All(RetiredDiagnosticIds.All, retired => Assert.Equal("retired", Assert.Single(rows, r => r.Id == retired.Id).Severity));
    }

    [Fact]
    public void Changelog_ListsEveryIdWithItsSeverityAndTheRetiredOnes()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "CHANGELOG.md"));
        Assert.Contains("## [Unreleased]", lines);
        Assert.All(DiagnosticDescriptors.All, d =>
            Assert.Contains($"| [{d.Id}](docs/diagnostics/{d.Id}.md) | {d.DefaultSeverity} | {d.Title} |", lines));
        int retiredHeading = Array.IndexOf(lines, "#### Retired before release");
        Assert.True(retiredHeading > 0, "CHANGELOG.md has no 'Retired before release' table");
        Assert.All(RetiredDiagnosticIds.All, r =>
            Assert.Contains(lines.Skip(retiredHeading), l => l.StartsWith($"| {r.Id} |", StringComparison.Ordinal)));
    }

    /// <summary>Renders docs/diagnostics/README.md from the descriptors and the retired list.</summary>
    internal static string RenderCatalog()
    {
        var sb = new StringBuilder();
        sb.Append("# Diagnostics catalog\n\n");
        sb.Append("Every finding TherapyBilling.Rules can report has a stable id, a default severity and a page that says what it\n");
        sb.Append("checks, why, an example that triggers it, how to fix it, its source and the version that introduced it. Ids are\n");
        sb.Append("never renumbered or reused; a retired id stays retired.\n\n");
        sb.Append("Ranges: `TBR0xx` input and reference data, `TBR1xx` units and time, `TBR2xx` documentation, `TBR3xx` code\n");
        sb.Append("separation and modifiers, `TBR4xx` payer rules. Severities: `Info < Warning < Error`; some checks let the\n");
        sb.Append("requirement set or payer profile change the severity (the page says so).\n\n");
        sb.Append("This file is generated from `DiagnosticDescriptors.All` by the test `DiagnosticCatalogTests.Catalog_MatchesDescriptors`;\n");
        sb.Append("do not edit it by hand. After adding an id, run `UPDATE_SNAPSHOTS=1 dotnet test` and review the diff.\n\n");
        sb.Append("| ID | Category | Severity | Title | Since |\n");
        sb.Append("|---|---|---|---|---|\n");

        var rows = DiagnosticDescriptors.All
            .Select(d => (d.Id, Row: $"| [{d.Id}]({d.Id}.md) | {d.Category} | {d.DefaultSeverity} | {Cell(d.Title)} | {d.Since} |"))
            .Concat(RetiredDiagnosticIds.All.Select(r => (r.Id, Row: $"| {r.Id} | {r.Category} | retired | (retired) {r.Reason} | — |")))
            .OrderBy(r => r.Id, StringComparer.Ordinal);
        foreach (var (_, row) in rows)
        {
            sb.Append(row).Append('\n');
        }

        sb.Append("\n## Retired ids\n\n");
        sb.Append("| ID | Category | Why |\n");
        sb.Append("|---|---|---|\n");
        foreach (var (id, category, reason) in RetiredDiagnosticIds.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {id} | {category} | {reason} |\n");
        }

        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static IEnumerable<(string Id, string Category, string Severity, string Since)> CatalogRows()
    {
        Assert.True(File.Exists(CatalogPath), "docs/diagnostics/README.md is missing");
        foreach (string line in File.ReadLines(CatalogPath))
        {
            var m = CatalogRow().Match(line);
            if (m.Success)
            {
                yield return (m.Groups["id"].Value, m.Groups["cat"].Value, m.Groups["sev"].Value, m.Groups["since"].Value);
            }
        }
    }

    private static string SectionBody(string[] lines, string section)
    {
        int start = Array.FindIndex(lines, l => l.Trim() == "## " + section);
        if (start < 0)
        {
            return "";
        }

        return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"^TBR\d{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"severity:\s*\**(Error|Warning|Info)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeverityOnPage();

    [GeneratedRegex(@"^\| \[?(?<id>TBR\d{3})\]?(\(TBR\d{3}\.md\))? \| (?<cat>[A-Za-z]+) \| (?<sev>[A-Za-z]+) \| .* \| (?<since>[^|]+) \|$")]
    private static partial Regex CatalogRow();
}
