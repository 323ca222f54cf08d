using ChatOps.Bot.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatOps.Bot.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _host = await TestHost.StartAsync(pumpsInBackground: true);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<IPage> OpenConsoleAsync(string channel, string user)
    {
        var page = await browser.NewPageAsync(_host.BaseAddress);
        await page.GotoAsync(new Uri(_host.BaseAddress, "/#" + channel).ToString());
        await page.FillAsync("#user-name", user);
        await page.PressAsync("#user-name", "Tab");
        await Expect(page.Locator("#conn")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("on"));
        return page;
    }

    private static async Task TypeAsync(IPage page, string command)
    {
        await page.FillAsync("#command", command);
        await page.PressAsync("#command", "Enter");
    }

    [Fact]
    public async Task DeclareByTyping_RendersTheReplyCard_AndAcknowledgeUpdatesTheStatusCardInPlace()
    {
        var page = await OpenConsoleAsync("general", "dana");

        await TypeAsync(page, "incident declare Checkout is failing --sev 2 --service payments");

        var replyCard = page.Locator(".msg .ac-card").Filter(new() { HasText = "INC-1" }).First;
        await Expect(replyCard).ToBeVisibleAsync();
        await Expect(replyCard.Locator(".ac-facts")).ToContainTextAsync("payments");

        await replyCard.Locator("button[data-verb='ack']").ClickAsync();
        var incidentChannel = page.Locator(".channel[data-channel^='inc-1-']");
        await incidentChannel.ClickAsync();

        var statusCard = page.Locator(".msg[data-key^='status:INC-1:']");
        var statusLine = statusCard.Locator("[data-ac-id='status']");
        await Expect(statusLine).ToHaveTextAsync("SEV2 · investigating");
        await Expect(statusCard).ToHaveCountAsync(1);

        await TypeAsync(page, "status identified");
        await Expect(statusLine).ToHaveTextAsync("SEV2 · identified");
        await Expect(statusCard).ToHaveCountAsync(1);
        await Expect(page.Locator(".msg").Filter(new() { HasText = "status identified" })).ToHaveCountAsync(1);

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "console.png") });
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "console-dark.png") });
    }

    [Fact]
    public async Task MessagePostedThroughTheApi_AppearsLiveWithoutReload()
    {
        var page = await OpenConsoleAsync("payments-stakeholders", "erin");
        await Expect(page.Locator(".empty")).ToBeVisibleAsync();

        var response = await _host.CommandAsync("incident declare Card payments declined --sev 1 --service payments", user: "bob", channel: "ops");
        response.EnsureSuccessStatusCode();

        var acknowledgement = page.Locator(".msg").Filter(new() { HasText = "INC-1" });
        await Expect(acknowledgement).ToHaveCountAsync(1);
        await Expect(acknowledgement).ToContainTextAsync("Card payments declined");
        // The new incident's channel appears in the sidebar, unread: its status card was delivered there.
        await Expect(page.Locator(".channel.unread[data-channel^='inc-1-']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ParseError_IsShownOnlyToTheTyper_WithTheUsage()
    {
        var page = await OpenConsoleAsync("general", "dana");

        await TypeAsync(page, "sev INC-1 9");

        var ephemeral = page.Locator(".msg.ephemeral");
        await Expect(ephemeral).ToContainTextAsync("only visible to you");
        await Expect(ephemeral.Locator("pre")).ToContainTextAsync("sev");
    }
}
