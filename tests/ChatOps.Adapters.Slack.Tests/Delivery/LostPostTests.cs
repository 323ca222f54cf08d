using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Cards.Composition;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Delivery;

/// <summary>
/// Slack has no idempotency key for posts. A post whose answer was lost is not repeated on the spot; the outbox's retry
/// finds it in the channel's history by the marker it carries, binds it, and posts nothing twice.
/// </summary>
public sealed class LostPostTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Queued = new(2026, 12, 5, 20, 0, 0, TimeSpan.Zero);
    private SlackBot _bot = null!;

    public async Task InitializeAsync() => _bot = await SlackBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static SlackOutbound StakeholderUpdate() =>
        new("msg:41", "payments-stakeholders", MessageKind.StakeholderUpdate,
            CardComposer.Compose(MessageKind.StakeholderUpdate, CardFixtures.At(IncidentStatus.Investigating), "Rolled back"), CardFixtures.At(IncidentStatus.Investigating));

    private static SlackOutbound Status(IncidentStatus status)
    {
        var incident = CardFixtures.At(status) with { Channel = "inc-7-checkout-errors-7" };
        return new("status:INC-7:inc-7-checkout-errors-7", incident.Channel, MessageKind.StatusCard, CardComposer.Compose(MessageKind.StatusCard, incident, ""), incident);
    }

    [Fact]
    public async Task APostWhoseAnswerWasLost_IsNotRepeatedOnTheSpot_AndTheRetryFindsIt()
    {
        _bot.Slack.Script("chat.postMessage", StandInReply.FailedAfterActing());

        await Assert.ThrowsAsync<SlackApiException>(() => _bot.Sender.DeliverAsync(StakeholderUpdate(), default));
        Assert.Single(_bot.Slack.CallsOf("chat.postMessage")); // the fixture allows 3 attempts: a post gets one
        await _bot.Sender.DeliverAsync(StakeholderUpdate() with { MaybePostedSince = Queued }, default);

        Assert.Single(_bot.Slack.CallsOf("chat.postMessage"));
        var search = Assert.Single(_bot.Slack.CallsOf("conversations.history"));
        Assert.Equal("CSTAKE", (string?)search.Arguments["channel"]);
        Assert.Equal("1700000000.000001", await _bot.Directory.FindPlatformMessageAsync("slack", "msg:41", default));
        Assert.Empty(_bot.Slack.Calls.SelectMany(WebApiSpec.Violations));
    }

    [Fact]
    public async Task AStatusMessageWhoseAnswerWasLost_IsFound_Pinned_AndUpdatedInPlaceAfterwards()
    {
        _bot.Slack.Script("chat.postMessage", StandInReply.FailedAfterActing());

        await Assert.ThrowsAsync<SlackApiException>(() => _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default));
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared) with { MaybePostedSince = Queued }, default);
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Investigating), default);

        var post = Assert.Single(_bot.Slack.CallsOf("chat.postMessage"));
        Assert.Equal("1700000000.000001", (string?)Assert.Single(_bot.Slack.CallsOf("pins.add")).Arguments["timestamp"]);
        Assert.Equal("1700000000.000001", (string?)Assert.Single(_bot.Slack.CallsOf("chat.update")).Arguments["ts"]);
        Assert.Equal((string?)post.Arguments["channel"], (string?)_bot.Slack.CallsOf("chat.update")[0].Arguments["channel"]);
    }

    [Fact]
    public async Task ARetryWhoseEarlierAttemptPostedNothing_PostsOnce()
    {
        _bot.Slack.Script("chat.postMessage", StandInReply.ServerError());

        await Assert.ThrowsAsync<SlackApiException>(() => _bot.Sender.DeliverAsync(StakeholderUpdate(), default));
        await _bot.Sender.DeliverAsync(StakeholderUpdate() with { MaybePostedSince = Queued }, default);

        Assert.Equal(2, _bot.Slack.CallsOf("chat.postMessage").Count); // the refused one and the retry's
        Assert.Single(_bot.Slack.CallsOf("conversations.history"));
        Assert.Equal("1700000000.000001", await _bot.Directory.FindPlatformMessageAsync("slack", "msg:41", default));
    }

    [Fact]
    public async Task AChannelTheBotPostedToWithoutJoining_IsJoinedToReadItsHistory()
    {
        _bot.Slack.Script("chat.postMessage", StandInReply.FailedAfterActing());
        _bot.Slack.Script("conversations.history", StandInReply.Error("not_in_channel"));

        await Assert.ThrowsAsync<SlackApiException>(() => _bot.Sender.DeliverAsync(StakeholderUpdate(), default));
        await _bot.Sender.DeliverAsync(StakeholderUpdate() with { MaybePostedSince = Queued }, default);

        Assert.Equal("CSTAKE", (string?)Assert.Single(_bot.Slack.CallsOf("conversations.join")).Arguments["channel"]);
        Assert.Equal(2, _bot.Slack.CallsOf("conversations.history").Count);
        Assert.Single(_bot.Slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task AHistoryTheBotMayNotRead_IsLogged_AndTheMessagePostedRatherThanLost()
    {
        using var logs = new CapturedLogs();
        await using var bot = await SlackBot.StartAsync(logs: logs);
        bot.Slack.Script("chat.postMessage", StandInReply.ServerError());
        bot.Slack.Script("conversations.history", StandInReply.Error("missing_scope"));

        await Assert.ThrowsAsync<SlackApiException>(() => bot.Sender.DeliverAsync(StakeholderUpdate(), default));
        await bot.Sender.DeliverAsync(StakeholderUpdate() with { MaybePostedSince = Queued }, default);

        Assert.Equal(2, bot.Slack.CallsOf("chat.postMessage").Count);
        Assert.NotNull(await bot.Directory.FindPlatformMessageAsync("slack", "msg:41", default));
        Assert.Contains(logs.Lines, l => l.EventId.Id == 4205 && l.Message.Contains("missing_scope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFirstAttempt_ReadsNoHistory_AndItsPostCarriesTheMarker()
    {
        await _bot.Sender.DeliverAsync(StakeholderUpdate(), default);

        Assert.Empty(_bot.Slack.CallsOf("conversations.history"));
        var blocks = Assert.Single(_bot.Slack.CallsOf("chat.postMessage")).Arguments["blocks"]!.AsArray();
        Assert.Equal("chatops:msg:41", (string?)blocks[0]!["block_id"]);
    }
}
