using ChatOps.Bot.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Bot.Tests.Browser;

/// <summary>The page Slack's "post-mortem draft" bookmark opens: the draft behind the API key, asked for once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PostmortemPageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Production_PageAsksForTheKey_ThenShowsTheIncidentsDraft()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await TestHost.StartAsync("Production", settings: new Dictionary<string, string> { ["Api:Keys:0"] = "draft-key" });
        host.Client.DefaultRequestHeaders.Add("X-Api-Key", "draft-key");
        await host.CommandAsync("incident declare Checkout returns 502 --sev 2 --service payments");
        var page = await browser.NewPageAsync(host.BaseAddress);

        await page.GotoAsync(new Uri(host.BaseAddress, "/postmortem.html#INC-1").ToString());
        await Expect(page.Locator("#key-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#draft")).ToBeHiddenAsync();
        await page.FillAsync("#key-input", "wrong-key");
        await page.PressAsync("#key-input", "Enter");
        await Expect(page.Locator("#problem")).ToHaveTextAsync("That key was not accepted.");
        await page.FillAsync("#key-input", "draft-key");
        await page.PressAsync("#key-input", "Enter");

        await Expect(page.Locator("#draft")).ToContainTextAsync("Checkout returns 502");
        await Expect(page.Locator("#key-form")).ToBeHiddenAsync();
        Assert.Equal("\"draft-key\"", await page.EvaluateAsync<string>("localStorage.getItem('chatops.apiKey')"));
    }

    [Fact]
    public async Task UnknownIncident_SaysSo()
    {
        SetDefaultExpectTimeout(15_000);
        await using var host = await TestHost.StartAsync();
        var page = await browser.NewPageAsync(host.BaseAddress);

        await page.GotoAsync(new Uri(host.BaseAddress, "/postmortem.html#INC-99").ToString());

        await Expect(page.Locator("#problem")).ToContainTextAsync("INC-99");
        await Expect(page.Locator("#draft")).ToBeHiddenAsync();
    }
}
