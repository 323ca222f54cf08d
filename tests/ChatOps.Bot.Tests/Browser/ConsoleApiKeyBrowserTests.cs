using ChatOps.Bot.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Bot.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleApiKeyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Production_ConsoleAsksForTheKey_ThenWorksWithIt()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await TestHost.StartAsync("Production", pumpsInBackground: true,
            settings: new Dictionary<string, string> { ["Api:Keys:0"] = "console-key" });
        var page = await browser.NewPageAsync(host.BaseAddress);
        await page.GotoAsync(new Uri(host.BaseAddress, "/#general").ToString());

        var dialog = page.Locator("#key-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await page.FillAsync("#key-input", "console-key");
        await page.PressAsync("#key-input", "Enter");
        await Expect(dialog).ToBeHiddenAsync();

        await page.FillAsync("#command", "incident declare Login page times out --sev 3");
        await page.PressAsync("#command", "Enter");

        await Expect(page.Locator(".msg .ac-card").Filter(new() { HasText = "INC-1" })).ToBeVisibleAsync();
        Assert.Equal("\"console-key\"", await page.EvaluateAsync<string>("localStorage.getItem('chatops.apiKey')"));
    }
}
