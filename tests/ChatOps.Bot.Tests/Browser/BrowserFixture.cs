using Microsoft.Playwright;

namespace ChatOps.Bot.Tests.Browser;

/// <summary>
/// One Chromium for the browser tests: Debian's <c>chromium</c> package, never a downloaded browser. A missing
/// binary fails the tests with the way to fix it (the README's test command installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots land here, so a person can look at the console and the status page after a run.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(Path.GetTempPath(), "chatops-screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: the browser tests drive Debian's chromium package. Run the README's test command (it installs chromium), or `sudo apt-get install chromium`.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh page that may talk to <paramref name="host"/> only: every other request is aborted.</summary>
    public async Task<IPage> NewPageAsync(Uri host, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, ColorScheme = ColorScheme.Light });
        await context.RouteAsync("**/*", route =>
            new Uri(route.Request.Url).Authority == host.Authority ? route.ContinueAsync() : route.AbortAsync());
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
