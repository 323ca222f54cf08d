using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards;
using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Tests.Inbound;

/// <summary>
/// The answer to the person who sent a command: tried at once, and when Slack cannot take it now, kept in the outbox
/// on that person's reply channel and sent by the pump, once and in order.
/// </summary>
public sealed class QueuedReplyTests : IAsyncLifetime, IDisposable
{
    private static readonly string MyReplies = QueuedReply.ChannelOf("slack", SlackPayloads.Channel, SlackPayloads.User);
    private static readonly TimeSpan PastFirstBackoff = TimeSpan.FromSeconds(2);
    private readonly CapturedLogs _logs = new();
    private SlackBot _bot = null!;

    public async Task InitializeAsync() => _bot = await SlackBot.StartAsync(logs: _logs);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    private IOutboxStore Outbox => _bot.Store;

    [Fact]
    public async Task AReplySlackCannotTakeNow_WaitsInTheOutbox_AndArrivesOnceWhenSlackIsBack()
    {
        _bot.Slack.Script("response_url", StandInReply.ServerError());
        await _bot.CommandAsync("declare DB down --sev 2 --service payments");
        await _bot.ProcessInboxAsync();

        var refused = Assert.Single(_bot.Slack.CallsOf("response_url"));
        Assert.True(await Outbox.HasPendingAsync(MyReplies, default));
        Assert.Contains(_logs.Lines, l => l.EventId.Id == 4301 && l.Message.Contains("HTTP 503", StringComparison.Ordinal));

        await _bot.DeliverOutboxAsync(PastFirstBackoff);

        Assert.Equal(2, _bot.Slack.CallsOf("response_url").Count);
        var sent = _bot.Slack.CallsOf("response_url")[1];
        Assert.Equal(refused.Arguments.ToJsonString(), sent.Arguments.ToJsonString());
        Assert.Contains("INC-1", sent.Arguments.ToJsonString(), StringComparison.Ordinal);
        Assert.False(await Outbox.HasPendingAsync(MyReplies, default));

        await _bot.DeliverOutboxAsync(PastFirstBackoff);
        Assert.Equal(2, _bot.Slack.CallsOf("response_url").Count); // never twice
    }

    [Fact]
    public async Task WhileAReplyWaits_LaterRepliesToThatPersonQueueBehindIt_AndOthersAreAnsweredAtOnce()
    {
        _bot.Slack.Script("response_url", StandInReply.ServerError());
        await _bot.CommandAsync("declare DB down --sev 2 --service payments");
        await _bot.ProcessInboxAsync();
        await _bot.CommandAsync("declare Search slow --sev 3 --service payments");
        await _bot.CommandAsync("status", user: "U999");
        await _bot.ProcessInboxAsync();

        // Slack would take the second reply now, but it must not overtake the first; someone else's is not held up.
        var direct = _bot.Slack.CallsOf("response_url");
        Assert.Equal(2, direct.Count);
        Assert.DoesNotContain("Search slow", direct[1].Arguments.ToJsonString(), StringComparison.Ordinal);

        await _bot.DeliverOutboxAsync(PastFirstBackoff);

        var afterwards = _bot.Slack.CallsOf("response_url").Skip(2).Select(c => c.Arguments.ToJsonString()).ToList();
        Assert.Equal(2, afterwards.Count);
        Assert.Contains("DB down", afterwards[0], StringComparison.Ordinal);
        Assert.Contains("Search slow", afterwards[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplySlackRefusesForGood_IsLoggedAndNotQueued()
    {
        _bot.Slack.Script("response_url", new StandInReply(404, "expired_url"));
        await _bot.CommandAsync("declare DB down --sev 2 --service payments");
        await _bot.ProcessInboxAsync();

        Assert.Single(_bot.Slack.CallsOf("response_url"));
        Assert.False(await Outbox.HasPendingAsync(MyReplies, default));
        Assert.Contains(_logs.Lines, l => l.EventId.Id == 4302 && l.Level == LogLevel.Warning && l.Message.Contains("HTTP 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFormAnswer_PostedAsAnEphemeralMessage_WaitsInTheOutboxToo()
    {
        await _bot.CommandAsync("declare DB down --sev 2 --service payments");
        await _bot.ProcessInboxAsync();
        await _bot.DeliverOutboxAsync();
        var channel = (await _bot.Directory.FindPlatformChannelAsync("slack", "inc-1-db-down", default))!;

        _bot.Slack.Script("chat.postEphemeral", StandInReply.Error("internal_error"));
        var submission = SlackPayloads.ViewSubmission("verb:update", $"INC-1|{channel}|", SlackPayloads.TextValue(CardVerbs.Inputs.Text, "Rolled back the deploy"));
        await _bot.PostAsync("/slack/interactions", SlackPayloads.InteractionBody(submission));
        await _bot.ProcessInboxAsync();

        var refused = Assert.Single(_bot.Slack.CallsOf("chat.postEphemeral"));
        Assert.True(await Outbox.HasPendingAsync(QueuedReply.ChannelOf("slack", channel, SlackPayloads.User), default));

        await _bot.DeliverOutboxAsync(PastFirstBackoff);

        var sent = _bot.Slack.CallsOf("chat.postEphemeral")[1];
        Assert.Equal((channel, SlackPayloads.User), ((string?)sent.Arguments["channel"], (string?)sent.Arguments["user"]));
        Assert.Equal((string?)refused.Arguments["text"], (string?)sent.Arguments["text"]);
        Assert.False(string.IsNullOrEmpty((string?)sent.Arguments["text"]));
        Assert.Empty(_bot.Slack.Calls.SelectMany(WebApiSpec.Violations));
    }
}
