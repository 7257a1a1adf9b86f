using Microsoft.Playwright;
using TherapyBilling.Rules.Server.Tests.Support;
using TherapyBilling.Rules.Testing;

namespace TherapyBilling.Rules.Server.Tests.Page;

/// <summary>The page in headless Chromium (the distribution's, through Playwright for .NET): a biller's visit, the key prompt, a fix applied.</summary>
public sealed class PageBrowserTests
{
    private static readonly string[] s_chromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    // CI machines are shared and slow at times: wait up to 30 s for the page, not Playwright's default 5 s.
    static PageBrowserTests() => Assertions.SetDefaultExpectTimeout(30_000);

    [ChromiumFact]
    public async Task Biller_EntersASplitVisit_SeesUnitsAndFindings_AndAppliesAFix()
    {
        await using var server = await KestrelServer.StartAsync(new() { ["Auth:ApiKeyHashes:0"] = Http.ApiKeyFilter.Hash(ServerFactory.TestKey) });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = s_chromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 420, Height = 1600 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(new Uri(server.Address, "/").ToString());

        // 97535 as 10 + 13 minutes and a 97530 segment, typed as a biller would.
        await FillRow(page, "#segments > li", 0, ("code", "97535"), ("minutes", "10"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add segment" }).ClickAsync();
        await FillRow(page, "#segments > li", 1, ("code", "97535"), ("minutes", "13"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add segment" }).ClickAsync();
        await FillRow(page, "#segments > li", 2, ("code", "97530"), ("minutes", "15"));
        await FillRow(page, "#lines > li", 0, ("code", "97535"), ("units", "1"), ("modifiers", "GP"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add billed line" }).ClickAsync();
        await FillRow(page, "#lines > li", 1, ("code", "97530"), ("units", "1"), ("modifiers", "GP"));

        // The server needs a key: the page asks for it and keeps it in sessionStorage only.
        var key = page.GetByRole(AriaRole.Textbox, new() { Name = "API key" });
        await key.WaitForAsync();
        await key.FillAsync(ServerFactory.TestKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use key" }).ClickAsync();
        Assert.Equal(ServerFactory.TestKey, await page.EvaluateAsync<string>("sessionStorage.getItem('therapy-rules-api-key')"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('therapy-rules-api-key')"));

        var total = page.Locator("#total-units");
        await Assertions.Expect(total).ToHaveTextAsync("3");
        var unitsFinding = page.Locator("#findings li[data-id='TBR108']");
        await Assertions.Expect(unitsFinding).ToBeVisibleAsync();
        Assert.Contains("97535 ×2", await unitsFinding.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("/v1/diagnostics/TBR108", await unitsFinding.Locator("a").GetAttributeAsync("href"));
        Assert.NotEmpty(await page.Locator("#explanation li").AllInnerTextsAsync());

        await unitsFinding.GetByRole(AriaRole.Button, new() { Name = "Bill 2 unit(s) of 97535" }).ClickAsync();

        await Assertions.Expect(page.Locator("#findings li[data-id='TBR108']")).ToHaveCountAsync(0);
        Assert.Equal("2", await page.Locator("#lines > li").Nth(0).Locator(".units").InputValueAsync());

        Directory.CreateDirectory(RepoPaths.CiOut);
        string shot = Path.Combine(RepoPaths.CiOut, "server-page.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 1000);
    }

    [ChromiumFact]
    public async Task Page_IsUsableByKeyboard_AndEveryInputHasALabel()
    {
        await using var server = await KestrelServer.StartAsync(new() { ["Auth:AllowAnonymous"] = "true" });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumFactAttribute.Executable, Headless = true, Args = s_chromiumArgs });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, "/").ToString());

        int unlabeled = await page.EvaluateAsync<int>("[...document.querySelectorAll('input, select')].filter(e => !e.labels || e.labels.length === 0).length");
        Assert.Equal(0, unlabeled);

        await page.Locator("#segments .code").First.FocusAsync();
        await page.Keyboard.TypeAsync("97535");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("23");
        await Assertions.Expect(page.Locator("#total-units")).ToHaveTextAsync("2");
        Assert.Equal(0, await page.Locator("#findings li.error").CountAsync() - await page.Locator("#findings li.error[data-id^='TBR1']").CountAsync() - await page.Locator("#findings li.error[data-id^='TBR3']").CountAsync());
    }

    private static async Task FillRow(IPage page, string rows, int index, params (string Field, string Value)[] values)
    {
        var row = page.Locator(rows).Nth(index);
        foreach (var (field, value) in values)
        {
            await row.Locator("." + field).FillAsync(value);
        }
    }
}
