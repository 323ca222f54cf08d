using ChatOps.Bot.Tests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Bot.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class StatusPageBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _host = await TestHost.StartAsync(pumpsInBackground: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StatusPage_ListsTheOpenIncident_AndUpdatesLiveWhenItsStatusChanges()
    {
        (await _host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments")).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(_host.BaseAddress);
        await page.GotoAsync(new Uri(_host.BaseAddress, "/status").ToString());

        var item = page.Locator("li.incident[data-incident='INC-1']");
        await Expect(item).ToContainTextAsync("Checkout is failing");
        await Expect(item).ToContainTextAsync("SEV2");
        await Expect(item).ToContainTextAsync("declared");
        await Expect(page.Locator("#live")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("on"));

        (await _host.CommandAsync("ack INC-1", user: "dana")).EnsureSuccessStatusCode();
        await Expect(item).ToContainTextAsync("investigating");

        (await _host.CommandAsync("update INC-1 Rolled back the release; error rate is falling", user: "dana")).EnsureSuccessStatusCode();
        await Expect(item).ToContainTextAsync("Rolled back the release");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "status.png"), FullPage = true });
    }

    [Fact]
    public async Task DetailPage_ShowsImpactAndStakeholderUpdates_OnAPhone()
    {
        (await _host.CommandAsync("incident declare Search is slow --sev 3 --service search")).EnsureSuccessStatusCode();
        (await _host.CommandAsync("impact INC-1 --users 10 --function 20", user: "sam")).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(_host.BaseAddress, width: 390, height: 844);
        await page.GotoAsync(new Uri(_host.BaseAddress, "/status/INC-1").ToString());

        await Expect(page.Locator(".detail")).ToContainTextAsync("10 %");
        await Expect(page.Locator(".detail")).ToContainTextAsync("20 %");

        (await _host.CommandAsync("update INC-1 Index rebuilt, latency back to normal", user: "sam")).EnsureSuccessStatusCode();
        await Expect(page.Locator(".updates")).ToContainTextAsync("Index rebuilt");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the page scrolls sideways on a phone ({scrollWidth}px)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "status-phone.png"), FullPage = true });
    }
}
