using System.Net;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// Through the product as shipped: a button click (PROTOCOLS.md A6) and a reaction event (A5), signed as Slack signs
/// them, change the incident; the same event delivered again changes nothing more.
/// </summary>
public sealed class SlackInteractionsThroughTheRealHostTests
{
    [Fact]
    public async Task ButtonAndReaction_ReachTheIncident_ARedeliveredEventOnlyOnce()
    {
        await using var slack = await SlackStandIn.StartAsync();
        using var database = new HostDatabase();
        await using var host = await RealSlackHost.StartAsync(slack, database.Path);
        var store = host.Get<IIncidentStore>();
        await host.CommandAsync("declare Checkout down --sev 2 --service payments");
        await slack.WhenAsync(s => s.CallsOf("pins.add").Count == 1);
        var channel = (string)slack.CallsOf("pins.add")[0].Arguments["channel"]!;

        using var click = await host.PostAsync("/slack/interactions",
            SlackPayloads.InteractionBody(SlackPayloads.BlockAction(CardVerbs.Acknowledge, "INC-1", channel, "1700000000.000001")));
        await slack.WhenAsync(s => s.CallsOf("chat.update").Any(c => ((string?)c.Arguments["text"] ?? "").Contains("investigating", StringComparison.Ordinal)));

        var reaction = SlackPayloads.Event(SlackPayloads.ReactionAdded("pushpin", channel: channel), "EvReal1").ToJsonString();
        using var first = await host.PostAsync("/slack/events", reaction, "application/json");
        using var again = await host.PostAsync("/slack/events", reaction, "application/json");
        await Eventually.HoldsAsync(async () => (await store.GetTimelineAsync(new IncidentId(1), default)).Any(e => e.Text.Contains("DB failover done", StringComparison.Ordinal)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (click.StatusCode, first.StatusCode, again.StatusCode));
        Assert.Equal(IncidentStatus.Investigating, (await store.GetAsync(new IncidentId(1), default))!.Status);
        Assert.Single(await store.GetTimelineAsync(new IncidentId(1), default), e => e.Text.Contains("DB failover done", StringComparison.Ordinal));
        Assert.Empty(slack.Calls.SelectMany(WebApiSpec.Violations));
    }
}
