using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using TherapyBilling.Rules.Cli.Tests.Support;
using TherapyBilling.Rules.Testing;

namespace TherapyBilling.Rules.Cli.Tests;

/// <summary>
/// Issue 14: the HTML report in headless Chromium (the distribution's, through Playwright for .NET, never downloaded),
/// opened from a file: filters, counts, paging, each finding with its fix; no console error, nothing fetched.
/// </summary>
public sealed class HtmlReportBrowserTests : IDisposable
{
    private static readonly string[] s_chromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"tbr-html-browser-{Guid.NewGuid():N}");

    // CI machines are shared and slow at times: wait up to 30 s, not Playwright's default 5 s.
    static HtmlReportBrowserTests() => Assertions.SetDefaultExpectTimeout(30_000);

    public HtmlReportBrowserTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [ChromiumFact]
    public async Task Report_FilteredToOneRule_ShowsItsCounts()
    {
        string input = CliRunner.Corpus("findings.json");
        var json = JsonDocument.Parse(CliRunner.Run("check", input, "--format", "json").Stdout).RootElement;
        var encounters = json.GetProperty("encounters").EnumerateArray().ToList();
        string rule = json.GetProperty("summary").GetProperty("byId").EnumerateObject()
            .OrderByDescending(p => p.Value.EnumerateObject().Sum(c => c.Value.GetInt32())).ThenBy(p => p.Name, StringComparer.Ordinal).First().Name;
        var withRule = encounters.Where(e => Ids(e).Contains(rule)).ToList();
        Assert.InRange(withRule.Count, 1, encounters.Count - 1);

        await using var session = await ReportSession.OpenAsync(Report(input));
        var page = session.Page;
        await Assertions.Expect(page.Locator("#shown-encounters")).ToHaveTextAsync(Text(encounters.Count));
        Assert.Equal(Math.Min(100, encounters.Count), await page.Locator("#encounter-rows > tr").CountAsync());

        await page.Locator("#f-rule").SelectOptionAsync(rule);

        await Assertions.Expect(page.Locator("#shown-encounters")).ToHaveTextAsync(Text(withRule.Count));
        Assert.Equal(Text(withRule.Count(e => e.GetProperty("status").GetString() == "pass")), await page.Locator("#shown-pass").InnerTextAsync());
        Assert.Equal(Text(withRule.Count(e => e.GetProperty("status").GetString() == "fail")), await page.Locator("#shown-fail").InnerTextAsync());
        Assert.Equal(Text(withRule.Sum(e => Ids(e).Count(id => id == rule))), await page.Locator("#shown-findings").InnerTextAsync());
        Assert.Equal(withRule.Count, await page.Locator("#encounter-rows > tr").CountAsync());

        // Severity and status narrow further; the search matches encounter ids.
        await page.Locator("#f-rule").SelectOptionAsync(string.Empty);
        await page.Locator("#f-status").SelectOptionAsync("pass");
        await Assertions.Expect(page.Locator("#shown-encounters")).ToHaveTextAsync(Text(encounters.Count(e => e.GetProperty("status").GetString() == "pass")));
        await page.Locator("#f-status").SelectOptionAsync(string.Empty);
        await page.Locator("#f-severity").SelectOptionAsync("error");
        await Assertions.Expect(page.Locator("#shown-encounters")).ToHaveTextAsync(Text(encounters.Count(e => Severities(e).Contains("error"))));
        await page.Locator("#f-severity").SelectOptionAsync(string.Empty);
        string id = encounters[1].GetProperty("id").GetString()!;
        await page.Locator("#f-search").FillAsync(id);
        await Assertions.Expect(page.Locator("#encounter-rows > tr button.open")).ToHaveTextAsync([id]);

        session.AssertQuiet();
    }

    [ChromiumFact]
    public async Task BundledSample_EveryFindingShownWithItsFixAndHelp()
    {
        // The sample the README uses, and the corpus whose findings carry fixes (modifiers to add and remove).
        foreach (string input in new[] { Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.json"), CliRunner.Corpus("findings.json") })
        {
            var json = JsonDocument.Parse(CliRunner.Run("check", input, "--format", "json", "--fail-on", "never").Stdout).RootElement;
            await using var session = await ReportSession.OpenAsync(Report(input));
            var page = session.Page;
            int fixesSeen = 0;
            foreach (var encounter in json.GetProperty("encounters").EnumerateArray())
            {
                string id = encounter.GetProperty("id").GetString()!;
                await page.Locator("#f-search").FillAsync(id);
                var open = page.Locator("#encounter-rows button.open", new() { HasTextString = id }).First;
                await open.ClickAsync();
                var findings = page.Locator("#encounter-rows tr.detail ul.findings > li");
                await Assertions.Expect(findings).ToHaveCountAsync(encounter.GetProperty("diagnostics").GetArrayLength());
                foreach (var diagnostic in encounter.GetProperty("diagnostics").EnumerateArray())
                {
                    string rule = diagnostic.GetProperty("id").GetString()!;
                    var item = page.Locator($"#encounter-rows tr.detail ul.findings > li[data-id='{rule}']").First;
                    string text = await item.InnerTextAsync();
                    Assert.Contains(diagnostic.GetProperty("message").GetString()!, text, StringComparison.Ordinal);
                    Assert.Contains(diagnostic.GetProperty("helpLink").GetString()!, text, StringComparison.Ordinal);
                }

                foreach (var fix in encounter.GetProperty("fixes").EnumerateArray())
                {
                    string rule = fix.GetProperty("diagnosticId").GetString()!;
                    var lines = await page.Locator($"#encounter-rows tr.detail ul.findings > li[data-id='{rule}'] li.fix").AllInnerTextsAsync();
                    string start = "fix " + fix.GetProperty("path").GetString() + " " + fix.GetProperty("code").GetString() + ": ";
                    Assert.Contains(lines, l => l.StartsWith(start, StringComparison.Ordinal) && l.EndsWith(" - " + fix.GetProperty("reason").GetString(), StringComparison.Ordinal));
                    fixesSeen++;
                }

                if (encounter.GetProperty("lines").GetArrayLength() > 0)
                {
                    Assert.NotEmpty(await page.Locator("#encounter-rows tr.detail ul.explanation li").AllInnerTextsAsync());
                }

                await open.ClickAsync();
                await Assertions.Expect(page.Locator("#encounter-rows tr.detail")).ToHaveCountAsync(0);
            }

            Assert.Equal(json.GetProperty("encounters").EnumerateArray().Sum(e => e.GetProperty("fixes").GetArrayLength()), fixesSeen);
            session.AssertQuiet();
        }
    }

    [ChromiumFact]
    public async Task BundledSample_WithConfig_HelpIsALinkAndSuppressedFindingsShowTheirReason()
    {
        // The issue's "done when": check … --config … --format html on the bundled sample.
        string config = Path.Combine(_dir, "therapy-rules.json");
        File.WriteAllText(config, """{ "helpBaseUrl": "https://rules.example.org/help/{id}", "suppressions": [ { "id": "TBR401", "reason": "payer method resolution reviewed" } ] }""");
        await using var session = await ReportSession.OpenAsync(Report(Path.Combine(CliRunner.RepoDir, "samples", "data", "encounters.json"), "--config", config));
        var page = session.Page;

        await page.Locator("#f-rule").SelectOptionAsync("TBR303");
        await Assertions.Expect(page.Locator("#shown-encounters")).ToHaveTextAsync("1");
        await page.Locator("#encounter-rows button.open").First.ClickAsync();
        var help = page.Locator("#encounter-rows tr.detail li[data-id='TBR303'] .help a");
        Assert.StartsWith("https://rules.example.org/help/TBR303", await help.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal("noopener noreferrer", await help.GetAttributeAsync("rel"));

        Assert.Empty(await page.Locator("#f-rule option[value='TBR401']").AllAsync());
        await page.Locator("#f-rule").SelectOptionAsync(string.Empty);
        await page.Locator("#f-search").FillAsync("enc-003");
        await page.Locator("#encounter-rows button.open").First.ClickAsync();
        Assert.Contains("TBR401", await page.Locator("#encounter-rows tr.detail ul.suppressed").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("payer method resolution reviewed", await page.Locator("#encounter-rows tr.detail ul.suppressed").InnerTextAsync(), StringComparison.Ordinal);
        session.AssertQuiet();
    }

    [ChromiumFact]
    public async Task LargeReport_PagesTheTable_AndHostileIdsStayText()
    {
        const string Hostile = "</script><img src=x onerror=\"document.title='owned'\">";
        var input = new StringBuilder();
        input.Append("{\"id\":").Append(JsonSerializer.Serialize(Hostile)).Append(",\"dateOfService\":\"2026-01-05\",\"discipline\":\"OT\",\"segments\":[{\"code\":\"97535\",\"minutes\":23,\"modifiers\":[\"GO\"]}]}\n");
        for (int i = 1; i < 250; i++)
        {
            input.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"p-{i:D3}\",\"dateOfService\":\"2026-01-05\",\"discipline\":\"OT\",\"segments\":[{{\"code\":\"97535\",\"minutes\":{8 + (i % 40)},\"modifiers\":[\"GO\"]}}]}}\n");
        }

        string file = Path.Combine(_dir, "many.ndjson");
        File.WriteAllText(file, input.ToString());
        await using var session = await ReportSession.OpenAsync(Report(file));
        var page = session.Page;

        await Assertions.Expect(page.Locator("#page-text")).ToHaveTextAsync("Page 1 of 3");
        Assert.Equal(100, await page.Locator("#encounter-rows > tr").CountAsync());
        Assert.Equal(Hostile, await page.Locator("#encounter-rows button.open").First.InnerTextAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.NotEqual("owned", await page.TitleAsync());

        await page.Locator("#page-next").ClickAsync();
        await page.Locator("#page-next").ClickAsync();
        await Assertions.Expect(page.Locator("#page-text")).ToHaveTextAsync("Page 3 of 3");
        Assert.Equal(50, await page.Locator("#encounter-rows > tr").CountAsync());
        await Assertions.Expect(page.Locator("#page-next")).ToBeDisabledAsync();
        session.AssertQuiet();
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static List<string> Ids(JsonElement encounter) =>
        [.. encounter.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];

    private static List<string> Severities(JsonElement encounter) =>
        [.. encounter.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("severity").GetString()!)];

    private string Report(string input, params string[] more)
    {
        string path = Path.Combine(_dir, Path.GetFileNameWithoutExtension(input) + ".html");
        var run = CliRunner.Run(["check", input, "--format", "html", "--output", path, "--fail-on", "never", .. more]);
        Assert.Equal(0, run.ExitCode);
        return path;
    }

    /// <summary>A browser with the report open, recording console errors, page errors and every request.</summary>
    private sealed class ReportSession : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;
        private readonly List<string> _errors = [];
        private readonly List<string> _requests = [];
        private readonly string _url;

        private ReportSession(IPlaywright playwright, IBrowser browser, IPage page, string url)
        {
            _playwright = playwright;
            _browser = browser;
            Page = page;
            _url = url;
        }

        public IPage Page { get; }

        public static async Task<ReportSession> OpenAsync(string path)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumFactAttribute.Executable, Headless = true, Args = s_chromiumArgs });
            var page = await browser.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            string url = new Uri(path).AbsoluteUri;
            var session = new ReportSession(playwright, browser, page, url);
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning")
                {
                    session._errors.Add(message.Type + ": " + message.Text);
                }
            };
            page.PageError += (_, error) => session._errors.Add("page error: " + error);
            page.Request += (_, request) => session._requests.Add(request.Url);
            await page.GotoAsync(url);
            return session;
        }

        /// <summary>No console error or warning (a CSP violation is one), no script error, and no request but the file itself.</summary>
        public void AssertQuiet()
        {
            Assert.Empty(_errors);
            Assert.Equal([_url], _requests.Distinct());
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
