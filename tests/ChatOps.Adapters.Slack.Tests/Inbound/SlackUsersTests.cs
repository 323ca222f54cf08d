using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Core.Incidents;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Adapters.Slack.Tests.Inbound;

/// <summary>
/// A display name never holds a command up for long: after <c>UserLookupTimeout</c> (moved on a fake clock here) the
/// command runs under the name Slack sent or the id, and the late answer still fills the cache.
/// </summary>
public sealed class SlackUsersTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    // Time moves only once the lookup's wait exists: advancing between "lookup sent" and "wait started" would
    // leave the wait to a timer that never fires.
    private readonly TimerWatchingClock _clock = new();
    private SlackStandIn _slack = null!;
    private SlackUsers _users = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync();
        var options = SlackClients.Options(_slack.ApiBaseUrl);
        options.RequestTimeout = TimeSpan.FromMinutes(5); // only the lookup timeout (fake clock) may end a wait here
        _users = new SlackUsers(SlackClients.WebApi(options, _http), _clock, Microsoft.Extensions.Options.Options.Create(options), NullLogger<SlackUsers>.Instance);
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose()
    {
        _users.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task HangingUsersInfo_FallsBackToTheIdAfterTheTimeout()
    {
        _slack.Script("users.info", StandInReply.NoAnswer());

        var pending = _users.ActorAsync("U1", null, default);
        await _slack.WhenAsync(s => s.CallsOf("users.info").Count == 1);
        Assert.Equal(TimeSpan.FromSeconds(1), await _clock.NextTimerAsync());
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(pending.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new Actor("U1", "U1"), await pending);
    }

    [Fact]
    public async Task ASlowLookup_HoldsUpOnlyItsFirstSecond_NotEveryCommandQueuedBehindIt()
    {
        _slack.Script("users.info", StandInReply.NoAnswer());
        var first = _users.ActorAsync("U1", null, default);
        await _slack.WhenAsync(s => s.CallsOf("users.info").Count == 1);
        Assert.Equal(TimeSpan.FromSeconds(1), await _clock.NextTimerAsync());
        _clock.Advance(TimeSpan.FromSeconds(1));
        await first;

        var next = _users.ActorAsync("U1", "primary-owner", default);

        Assert.True(next.IsCompleted);
        Assert.Equal(new Actor("U1", "primary-owner"), await next);
        Assert.Single(_slack.CallsOf("users.info"));
    }

    [Fact]
    public async Task LateAnswer_FillsTheCache_TheFallbackIsNotRemembered()
    {
        var release = new TaskCompletionSource();
        _slack.Script("users.info", StandInReply.HeldUntil(release.Task));

        var first = _users.ActorAsync("U1", "primary-owner", default);
        await _slack.WhenAsync(s => s.CallsOf("users.info").Count == 1);
        Assert.Equal(TimeSpan.FromSeconds(1), await _clock.NextTimerAsync());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new Actor("U1", "primary-owner"), await first);

        release.SetResult();
        await _users.WhenLookedUpAsync("U1");
        var second = await _users.ActorAsync("U1", "primary-owner", default);

        Assert.Equal(new Actor("U1", "Display U1"), second);
        Assert.Single(_slack.CallsOf("users.info"));
    }

    [Fact]
    public async Task Answered_IsCachedForAnHour()
    {
        Assert.Equal("Display U2", (await _users.ActorAsync("U2", null, default)).Name);
        _clock.Advance(TimeSpan.FromMinutes(59));
        await _users.ActorAsync("U2", null, default);
        _clock.Advance(TimeSpan.FromMinutes(2));
        await _users.ActorAsync("U2", null, default);

        Assert.Equal(2, _slack.CallsOf("users.info").Count);
    }
}
