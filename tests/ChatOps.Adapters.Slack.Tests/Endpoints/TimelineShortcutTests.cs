using System.Net;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

/// <summary>The message shortcut "Add to incident timeline": a note in an incident channel, a polite "no" anywhere else.</summary>
public sealed class TimelineShortcutTests : IAsyncLifetime
{
    private SlackBot _bot = null!;

    public async Task InitializeAsync() => _bot = await SlackBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task ShortcutAsync(string channel, string text)
    {
        var payload = SlackPayloads.MessageShortcut(SlackVerbs.AddToTimelineShortcut, text, channel);
        payload["response_url"] = _bot.Slack.ResponseUrl;
        var response = await _bot.PostAsync("/slack/interactions", SlackPayloads.InteractionBody(payload));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.ProcessInboxAsync();
    }

    [Fact]
    public async Task OutsideAnIncidentChannel_AnswersOnlyTheUser_AndChangesNothing()
    {
        await _bot.CommandAsync("declare Checkout down --sev 2");
        await _bot.ProcessInboxAsync();
        var timelineBefore = await _bot.Store.GetTimelineAsync(new IncidentId(1), default);
        var repliesBefore = _bot.Slack.CallsOf("response_url").Count;

        await ShortcutAsync("CRANDOM", "DB failover done");

        var reply = _bot.Slack.CallsOf("response_url").Skip(repliesBefore).Single();
        Assert.Equal("ephemeral", (string?)reply.Arguments["response_type"]);
        Assert.Contains("only works in an incident channel", (string?)reply.Arguments["text"], StringComparison.Ordinal);
        Assert.Equal(timelineBefore.Count, (await _bot.Store.GetTimelineAsync(new IncidentId(1), default)).Count);
    }

    [Fact]
    public async Task InAnIncidentChannel_AddsTheMessage_WithoutTheRefusal()
    {
        await _bot.CommandAsync("declare Checkout down --sev 2");
        await _bot.ProcessInboxAsync();
        await _bot.DeliverOutboxAsync();
        var channel = (string?)_bot.Slack.CallsOf("conversations.create").Single().Arguments["name"];
        var slackChannel = await _bot.Directory.FindPlatformChannelAsync("slack", channel!, default);
        var repliesBefore = _bot.Slack.CallsOf("response_url").Count;

        await ShortcutAsync(slackChannel!, "DB failover done");

        Assert.Contains(await _bot.Store.GetTimelineAsync(new IncidentId(1), default), e => e.Text.Contains("DB failover done", StringComparison.Ordinal));
        Assert.Equal(repliesBefore, _bot.Slack.CallsOf("response_url").Count);
    }
}
