using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Slack.Tests.WebApi;

public sealed class SlackWebApiTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private SlackStandIn _slack = null!;
    private SlackWebApi _api = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync();
        _api = SlackClients.WebApi(SlackClients.Options(_slack.ApiBaseUrl), _http);
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task PostMessage_SendsJsonWithBearerToken_AndReturnsTheTs()
    {
        var ts = await _api.PostMessageAsync("C1", "INC-1 declared", [new JsonObject { ["type"] = "divider" }], default);

        var call = Assert.Single(_slack.Calls);
        Assert.Equal("1700000000.000001", ts);
        Assert.Equal("Bearer xoxb-test-token", call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal(("C1", "INC-1 declared"), ((string?)call.Arguments["channel"], (string?)call.Arguments["text"]));
        Assert.Empty(WebApiSpec.Violations(call));
    }

    [Fact]
    public async Task OpenView_WithNoAnswer_GivesUpAtTheModalDeadline_AfterOneCall()
    {
        var clock = new TimerWatchingClock();
        var options = SlackClients.Options(_slack.ApiBaseUrl);
        options.RequestTimeout = TimeSpan.FromMinutes(5); // only the modal deadline (fake clock) may end the wait here
        var api = SlackClients.WebApi(options, _http, clock);
        _slack.Script("views.open", StandInReply.NoAnswer());

        var open = api.OpenViewAsync("13345224609.738474920.8088930838d88f008e0", new JsonObject { ["type"] = "modal" }, default);
        Assert.Equal(SlackWebApi.ModalDeadline, await clock.NextTimerAsync());
        await _slack.WhenAsync(s => s.CallsOf("views.open").Count == 1);
        clock.Advance(SlackWebApi.ModalDeadline - TimeSpan.FromMilliseconds(1));
        Assert.False(open.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => open);
        Assert.True(error.Transient);
        Assert.Single(_slack.CallsOf("views.open"));
    }

    [Fact]
    public async Task OpenView_RateLimited_FailsAtOnce_InsteadOfWaitingOutRetryAfter()
    {
        var clock = new TimerWatchingClock();
        var options = SlackClients.Options(_slack.ApiBaseUrl);
        options.RequestTimeout = TimeSpan.FromMinutes(5); // a slow first connection on a busy machine must not end it
        var api = SlackClients.WebApi(options, _http, clock);
        _slack.Script("views.open", StandInReply.RateLimited(30));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => api.OpenViewAsync("1.2.3", new JsonObject { ["type"] = "modal" }, default));

        Assert.Equal("ratelimited", error.Error);
        Assert.Single(_slack.CallsOf("views.open"));
    }

    [Fact]
    public async Task RateLimited_WaitsRetryAfter_ThenSucceeds_AndPausesOnlyThatMethod()
    {
        var clock = new TimerWatchingClock();
        var api = SlackClients.WebApi(SlowMachineOptions(), _http, clock);
        _slack.Script("chat.update", StandInReply.RateLimited(1));

        var update = api.UpdateMessageAsync("C1", "1.2", "x", null, default);
        Assert.Equal(TimeSpan.FromSeconds(1), await clock.NextTimerAsync()); // chat.update is now paused for Retry-After
        await api.SetTopicAsync("C1", "SEV2 · investigating", default); // another method: no fake time passes, yet it is done
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(update.IsCompleted);
        Assert.Single(_slack.CallsOf("chat.update"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await update;

        Assert.Equal(2, _slack.CallsOf("chat.update").Count);
        Assert.Single(_slack.CallsOf("conversations.setTopic"));
    }

    [Fact]
    public async Task ServerErrors_AreRetriedWithBackoff_UntilSlackAnswers()
    {
        _slack.Script("conversations.setTopic", StandInReply.ServerError(), StandInReply.ServerError());

        await _api.SetTopicAsync("C1", "topic", default);

        Assert.Equal(3, _slack.CallsOf("conversations.setTopic").Count);
    }

    [Fact]
    public async Task ServerErrors_BeyondMaxAttempts_FailAsTransient()
    {
        _slack.Script("conversations.setTopic", StandInReply.ServerError(), StandInReply.ServerError(), StandInReply.ServerError());

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _api.SetTopicAsync("C1", "topic", default));

        Assert.True(error.Transient);
        Assert.Equal(3, _slack.CallsOf("conversations.setTopic").Count);
    }

    [Fact]
    public async Task Hang_TimesOut_AndIsRetried()
    {
        _slack.Script("pins.add", StandInReply.NoAnswer());

        await _api.PinAsync("C1", "1.2", default);

        Assert.Equal(2, _slack.CallsOf("pins.add").Count);
    }

    [Fact]
    public async Task OkFalse_IsAnErrorNamedBySlack_AndNotRetried()
    {
        _slack.Script("chat.postMessage", StandInReply.Error("channel_not_found"));

        var error = await Assert.ThrowsAsync<SlackApiException>(() => _api.PostMessageAsync("C404", "x", null, default));

        Assert.Equal(("channel_not_found", false), (error.Error, error.Transient));
        Assert.Single(_slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task NotInChannel_JoinsThenPostsAgain()
    {
        _slack.Script("chat.postMessage", StandInReply.Error("not_in_channel"));

        await _api.PostMessageAsync("C9", "hello", null, default);

        Assert.Equal(["chat.postMessage", "conversations.join", "chat.postMessage"], _slack.Calls.Select(c => c.Method));
        Assert.Equal("C9", (string?)_slack.CallsOf("conversations.join")[0].Arguments["channel"]);
    }

    /// <summary>
    /// The second post to C1 waits out Slack's spacing while C2 is not held up. With two replicas the second comes
    /// from the one that never posted there: the store's gate (one for both) makes it wait all the same.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostsToOneChannel_AreSpacedAndInOrder_OtherChannelsAreNotHeldUp(bool fromTwoReplicas)
    {
        var clock = new TimerWatchingClock();
        var options = SlowMachineOptions();
        options.MinPostInterval = TimeSpan.FromSeconds(1);
        var shared = new InProcessRateGate();
        var first = SlackClients.WebApi(options, _http, clock, shared);
        var other = fromTwoReplicas ? SlackClients.WebApi(options, _http, clock, shared) : first;
        await first.PostMessageAsync("C1", "message 1", null, default);

        var second = other.PostMessageAsync("C1", "message 2", null, default);
        Assert.Equal(TimeSpan.FromSeconds(1), await clock.NextTimerAsync()); // C1 waits out Slack's spacing
        await other.PostMessageAsync("C2", "elsewhere", null, default); // no fake time passes, yet it is done
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30)); // a guard, not a wait: fails instead of hanging

        var posts = _slack.CallsOf("chat.postMessage").Select(c => $"{c.Arguments["channel"]}:{c.Arguments["text"]}");
        Assert.Equal(["C1:message 1", "C2:elsewhere", "C1:message 2"], posts);
    }

    /// <summary>
    /// For the fake-clock tests: a loaded machine can take longer than the fixture's 500 ms (real time) to answer, and
    /// the retry's backoff would then wait on the fake clock for ever, so only the behaviour under test may wait here.
    /// </summary>
    private Configuration.SlackOptions SlowMachineOptions()
    {
        var options = SlackClients.Options(_slack.ApiBaseUrl);
        options.RequestTimeout = TimeSpan.FromMinutes(5);
        return options;
    }

    /// <summary>A 429 heard by one replica pauses the method for the other as well: the pause is kept in the store's gate.</summary>
    [Fact]
    public async Task RateLimited_OnOneReplica_PausesThatMethodOnTheOther()
    {
        var clock = new TimerWatchingClock();
        var shared = new InProcessRateGate();
        var first = SlackClients.WebApi(SlowMachineOptions(), _http, clock, shared);
        var second = SlackClients.WebApi(SlowMachineOptions(), _http, clock, shared);
        _slack.Script("chat.update", StandInReply.RateLimited(2));

        var limited = first.UpdateMessageAsync("C1", "1.2", "x", null, default);
        Assert.Equal(TimeSpan.FromSeconds(2), await clock.NextTimerAsync()); // the first replica waits out Retry-After
        var fromOther = second.UpdateMessageAsync("C2", "3.4", "y", null, default);
        Assert.Equal(TimeSpan.FromSeconds(2), await clock.NextTimerAsync()); // and so does the other, before calling
        Assert.Single(_slack.CallsOf("chat.update"));
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(limited, fromOther).WaitAsync(TimeSpan.FromSeconds(30)); // a guard, not a wait

        Assert.Equal(3, _slack.CallsOf("chat.update").Count);
    }

    [Fact]
    public async Task CreateChannel_NameTaken_TriesASuffix()
    {
        _slack.Script("conversations.create", StandInReply.Error("name_taken"));

        var id = await _api.CreateChannelAsync("inc-7-db-down", isPrivate: false, default);

        Assert.StartsWith("C", id, StringComparison.Ordinal);
        Assert.Equal(["inc-7-db-down", "inc-7-db-down-2"], _slack.CallsOf("conversations.create").Select(c => (string)c.Arguments["name"]!));
    }

    [Fact]
    public async Task EveryMethod_SendsOnlyArgumentsTheOpenApiSpecKnows()
    {
        await _api.CreateChannelAsync("inc-1-x", true, default);
        await _api.InviteAsync("C1", ["U1", "U2"], default);
        await _api.SetTopicAsync("C1", "t", default);
        var ts = await _api.PostMessageAsync("C1", "t", [], default);
        await _api.UpdateMessageAsync("C1", ts, "t2", [], default);
        await _api.PinAsync("C1", ts, default);
        await _api.JoinAsync("C1", default);
        await _api.OpenViewAsync("1.2.3", new JsonObject { ["type"] = "modal" }, default);
        await _api.UserInfoAsync("U1", default);
        await _api.MessageAsync("C1", ts, default);
        await _api.PostEphemeralAsync("C1", "U1", "only you", default);
        await _api.FindOwnChannelAsync("inc-1-x", default);

        var covered = _slack.Calls.Where(c => WebApiSpec.Covers(c.Method)).ToList();
        Assert.Equal(12, covered.Count);
        Assert.Empty(covered.SelectMany(WebApiSpec.Violations));
        Assert.Equal("U1,U2", (string?)_slack.CallsOf("conversations.invite")[0].Arguments["users"]);
    }

    [Fact]
    public void Spec_ReportsAnUnknownAndAMissingArgument()
    {
        var call = new StandInCall("chat.update", "Bearer xoxb-1", "application/json", new JsonObject { ["channel"] = "C1", ["colour"] = "red" }, default);

        Assert.Equal(2, WebApiSpec.Violations(call).Count());
    }
}
