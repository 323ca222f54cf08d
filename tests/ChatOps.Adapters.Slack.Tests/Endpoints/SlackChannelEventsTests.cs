using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

/// <summary>
/// What happens in an incident's Slack channel reaches the incident, end to end (request -> inbound pump -> bridge ->
/// store): pins, people joining, roles named by mention; retries change nothing, other workspaces nothing at all.
/// </summary>
public sealed class SlackChannelEventsTests : IAsyncLifetime
{
    private static readonly IncidentId Inc1 = new(1);
    private SlackBot _bot = null!;
    private string _channel = null!;

    public async Task InitializeAsync()
    {
        _bot = await SlackBot.StartAsync();
        await Step(_bot.CommandAsync("declare Checkout fails --sev 2 --service payments"));
        _channel = (await _bot.Directory.FindPlatformChannelAsync("slack", "inc-1-checkout-fails", default))!;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task Step(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.ProcessInboxAsync();
        await _bot.DeliverOutboxAsync();
    }

    private Task<HttpResponseMessage> SendEvent(JsonObject inner, string eventId, string team = SlackPayloads.Team, string? retryNum = null) =>
        _bot.PostAsync("/slack/events", SlackPayloads.Event(inner, eventId, team).ToJsonString(), "application/json", retryNum: retryNum);

    [Fact]
    public async Task PinnedMessage_GoesOnTheTimeline_OnceEvenWhenSlackRetriesTheEvent()
    {
        await Step(SendEvent(SlackPayloads.PinAdded(channel: _channel), "EvPin1"));
        await Step(SendEvent(SlackPayloads.PinAdded(channel: _channel), "EvPin1", retryNum: "1"));

        var timeline = await _bot.Store.GetTimelineAsync(Inc1, default);
        Assert.Single(timeline, e => e.Text.Contains("DB failover done", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SomeoneJoiningTheChannel_IsOnTheTimeline_TheBotItselfIsNot()
    {
        await Step(SendEvent(SlackPayloads.MemberJoined("U333", _channel), "EvJoin1"));
        await Step(SendEvent(SlackPayloads.MemberJoined("UBOT", _channel), "EvJoin2"));

        var joined = (await _bot.Store.GetTimelineAsync(Inc1, default)).Where(e => e.Text.Contains("joined the incident channel", StringComparison.Ordinal)).ToList();
        Assert.Equal("U333", Assert.Single(joined).Actor.Id);
    }

    [Fact]
    public async Task RoleNamedByMention_GoesToThatSlackUser()
    {
        await Step(_bot.CommandAsync("role comms <@U444|sam>", channel: _channel));

        Assert.Equal("U444", (await _bot.Store.GetAsync(Inc1, default))!.Roles[IncidentRole.Comms].Id);
    }

    [Fact]
    public async Task EventsAndClicksFromAnotherWorkspace_AreRefused_AndChangeNothing()
    {
        var before = (await _bot.Store.GetTimelineAsync(Inc1, default)).Count;
        var click = SlackPayloads.BlockAction(CardVerbs.Acknowledge, "INC-1", _channel);
        click["team"]!["id"] = "TEVIL";
        click["user"]!["team_id"] = "TEVIL";

        var evt = await SendEvent(SlackPayloads.PinAdded(channel: _channel), "EvEvil", team: "TEVIL");
        var act = await _bot.PostAsync("/slack/interactions", SlackPayloads.InteractionBody(click));
        await _bot.ProcessInboxAsync();

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (evt.StatusCode, act.StatusCode));
        Assert.Equal(before, (await _bot.Store.GetTimelineAsync(Inc1, default)).Count);
        Assert.Equal(IncidentStatus.Declared, (await _bot.Store.GetAsync(Inc1, default))!.Status);
    }
}
