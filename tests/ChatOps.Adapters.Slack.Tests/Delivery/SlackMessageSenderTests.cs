using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards.Composition;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Delivery;

public sealed class SlackMessageSenderTests : IAsyncLifetime
{
    private SlackBot _bot = null!;

    public async Task InitializeAsync() => _bot = await SlackBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static SlackOutbound Status(IncidentStatus status) =>
        Outbound(MessageKind.StatusCard, "status:INC-7:inc-7-checkout-errors-7", CardFixtures.At(status) with { Channel = "inc-7-checkout-errors-7" });

    private static SlackOutbound Outbound(MessageKind kind, string key, Incident incident, string? channel = null) =>
        new(key, channel ?? incident.Channel, kind, CardComposer.Compose(kind, incident, "Rolled back"), incident);

    [Fact]
    public async Task StatusCard_IsPostedAndPinnedOnce_ThenUpdatedInPlace()
    {
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default);
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Investigating), default);
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Identified), default);

        Assert.Single(_bot.Slack.CallsOf("conversations.create"));
        Assert.Single(_bot.Slack.CallsOf("chat.postMessage"));
        Assert.Single(_bot.Slack.CallsOf("pins.add"));
        Assert.Equal(2, _bot.Slack.CallsOf("chat.update").Count);
        Assert.Contains("identified", (string?)_bot.Slack.CallsOf("conversations.setTopic")[^1].Arguments["topic"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusCard_WhosePinFailedForAWhile_IsPinnedByTheRetry_AndPostedOnce()
    {
        _bot.Slack.Script("pins.add", StandInReply.ServerError(), StandInReply.ServerError(), StandInReply.ServerError());

        await Assert.ThrowsAsync<ChatOps.Adapters.Slack.WebApi.SlackApiException>(() => _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default));
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default); // the outbox's retry of the same message
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Investigating), default);

        Assert.Single(_bot.Slack.CallsOf("chat.postMessage"));
        var pins = _bot.Slack.CallsOf("pins.add");
        Assert.Equal(4, pins.Count); // three refused, then the retry's: none for the later update
        var updates = _bot.Slack.CallsOf("chat.update");
        Assert.Equal(2, updates.Count);
        Assert.Equal((string?)updates[0].Arguments["ts"], (string?)pins[^1].Arguments["timestamp"]); // the posted message's ts
    }

    [Fact]
    public async Task ChannelWhoseBookmarkFailedForAWhile_IsSetUpByTheRetry_AndCreatedOnce()
    {
        _bot.Slack.Script("bookmarks.add", StandInReply.ServerError());

        await Assert.ThrowsAsync<ChatOps.Adapters.Slack.WebApi.SlackApiException>(() => _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default));
        Assert.Empty(_bot.Slack.CallsOf("chat.postMessage")); // the channel's set-up comes before its first message
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default); // the outbox's retry of the same message
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Investigating), default);

        Assert.Single(_bot.Slack.CallsOf("conversations.create"));
        var bookmarks = _bot.Slack.CallsOf("bookmarks.add").Select(c => (string?)c.Arguments["title"]).ToList();
        Assert.Equal(3, bookmarks.Count); // one refused (not repeated on the spot), then each of the two once
        Assert.Equal(["INC-7 status page", "INC-7 post-mortem draft"], bookmarks[^2..]);
        // The draft's page asks a browser for the API key; the API's own URL would answer a click from Slack with 401.
        Assert.Equal("https://bot.example.com/postmortem.html#INC-7", (string?)_bot.Slack.CallsOf("bookmarks.add")[^1].Arguments["link"]);
        Assert.Single(_bot.Slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task ABookmarkMadeAlthoughItsAnswerWasLost_IsNotAddedAgainByTheRetry()
    {
        _bot.Slack.Script("bookmarks.add", StandInReply.FailedAfterActing());

        await Assert.ThrowsAsync<ChatOps.Adapters.Slack.WebApi.SlackApiException>(() => _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default));
        await _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default); // the outbox's retry

        var added = _bot.Slack.CallsOf("bookmarks.add").Select(c => (string?)c.Arguments["title"]).ToList();
        Assert.Equal(["INC-7 status page", "INC-7 post-mortem draft"], added); // the lost one was found by bookmarks.list
        Assert.Equal(3, _bot.Slack.CallsOf("bookmarks.list").Count); // before each add, the retry's included
    }

    [Fact]
    public async Task RedeliveredMessage_IsNotPostedTwice()
    {
        var update = Outbound(MessageKind.StakeholderUpdate, "msg:42", CardFixtures.At(IncidentStatus.Investigating), "payments-stakeholders");

        await _bot.Sender.DeliverAsync(update, default);
        await _bot.Sender.DeliverAsync(update, default);

        var post = Assert.Single(_bot.Slack.CallsOf("chat.postMessage"));
        Assert.Equal("CSTAKE", (string?)post.Arguments["channel"]);
    }

    [Fact]
    public async Task FirstMessagesInParallel_CreateOneChannel()
    {
        var incident = CardFixtures.At(IncidentStatus.Declared) with { Channel = "inc-7-checkout-errors-7" };

        await Task.WhenAll(
            _bot.Sender.DeliverAsync(Status(IncidentStatus.Declared), default),
            _bot.Sender.DeliverAsync(Outbound(MessageKind.Notice, "msg:1", incident), default),
            _bot.Sender.DeliverAsync(Outbound(MessageKind.Reminder, "msg:2", incident), default));

        Assert.Single(_bot.Slack.CallsOf("conversations.create"));
        Assert.Equal(3, _bot.Slack.CallsOf("chat.postMessage").Count);
    }

    [Fact]
    public async Task ChannelNotFound_IsReportedAndSettled_NotRetriedForever()
    {
        _bot.Slack.Script("chat.postMessage", StandInReply.Error("channel_not_found"));
        var update = Outbound(MessageKind.StakeholderUpdate, "msg:7", CardFixtures.At(IncidentStatus.Investigating), "payments-stakeholders");

        await _bot.Sender.DeliverAsync(update, default);

        Assert.Single(_bot.Slack.CallsOf("chat.postMessage"));
    }

    [Theory]
    [InlineData("method_not_supported_for_channel_type", 1)]
    [InlineData("not_in_channel", 2)] // joined, posted again, still refused
    [InlineData("some_error_slack_adds_later", 1)]
    public async Task AnyRefusalSlackAnswers_IsSettled_NotRetriedForever(string error, int posts)
    {
        _bot.Slack.Script("chat.postMessage", StandInReply.Error(error), StandInReply.Error(error));
        var update = Outbound(MessageKind.StakeholderUpdate, "msg:9", CardFixtures.At(IncidentStatus.Investigating), "payments-stakeholders");

        await _bot.Sender.DeliverAsync(update, default); // no exception: the outbox settles it

        Assert.Equal(posts, _bot.Slack.CallsOf("chat.postMessage").Count);
    }

    [Fact]
    public async Task FourHundredFromSomethingThatIsNotSlack_Throws_SoTheOutboxKeepsTheMessage()
    {
        _bot.Slack.Script("chat.postMessage", new StandInReply(404, "<html>not found</html>"));
        var update = Outbound(MessageKind.StakeholderUpdate, "msg:10", CardFixtures.At(IncidentStatus.Investigating), "payments-stakeholders");

        var error = await Assert.ThrowsAsync<ChatOps.Adapters.Slack.WebApi.SlackApiException>(() => _bot.Sender.DeliverAsync(update, default));

        Assert.Equal(("HTTP 404", true), (error.Error, error.Transient));
    }

    [Fact]
    public async Task TransientFailure_Throws_SoTheOutboxRetriesLater()
    {
        _bot.Slack.Script("chat.postMessage", StandInReply.ServerError());
        var update = Outbound(MessageKind.StakeholderUpdate, "msg:8", CardFixtures.At(IncidentStatus.Investigating), "payments-stakeholders");

        await Assert.ThrowsAsync<ChatOps.Adapters.Slack.WebApi.SlackApiException>(() => _bot.Sender.DeliverAsync(update, default));
        await _bot.Sender.DeliverAsync(update, default);

        // A post is not repeated within one delivery (it may have been made): the 5xx ends it, the outbox's retry posts.
        Assert.Equal(2, _bot.Slack.CallsOf("chat.postMessage").Count);
    }

    [Fact]
    public async Task ChannelsSlackDoesNotKnow_AreNotSlacks()
    {
        Assert.False(await _bot.Sender.HandlesAsync("ops-console", default));
        Assert.True(await _bot.Sender.HandlesAsync("payments-stakeholders", default));
        Assert.True(await _bot.Sender.HandlesAsync("inc-12-db-down", default));
    }
}
