using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

/// <summary>
/// The whole bridge from Slack: declare by slash command -> channel created, status pinned -> acknowledge by button ->
/// a reaction adds a message to the timeline -> stakeholder update by modal -> resolve -> post-mortem form -> close.
/// </summary>
public sealed class SlackScenarioTests : IAsyncLifetime
{
    private static readonly IncidentId Inc1 = new(1);
    private SlackBot _bot = null!;

    public async Task InitializeAsync() => _bot = await SlackBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private async Task Step(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.DoesNotContain("response_action", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await _bot.ProcessInboxAsync();
        await _bot.DeliverOutboxAsync();
    }

    private Task<HttpResponseMessage> Interact(JsonObject payload)
    {
        if (payload.ContainsKey("response_url")) payload["response_url"] = _bot.Slack.ResponseUrl;
        return _bot.PostAsync("/slack/interactions", SlackPayloads.InteractionBody(payload));
    }

    [Fact]
    public async Task Declare_Ack_Reaction_Update_Resolve_Postmortem_Close()
    {
        await Step(_bot.CommandAsync("declare Checkout fails --sev 2 --service payments --private"));

        var create = Assert.Single(_bot.Slack.CallsOf("conversations.create"));
        Assert.Equal(("inc-1-checkout-fails", true), ((string?)create.Arguments["name"], (bool?)create.Arguments["is_private"]));
        var channel = await _bot.Directory.FindPlatformChannelAsync("slack", "inc-1-checkout-fails", default);
        Assert.NotNull(channel);
        Assert.Equal(SlackPayloads.User, (string?)Assert.Single(_bot.Slack.CallsOf("conversations.invite")).Arguments["users"]);
        var status = _bot.Slack.CallsOf("chat.postMessage").Single(c => (string?)c.Arguments["channel"] == channel);
        Assert.Single(_bot.Slack.CallsOf("pins.add"));
        Assert.Equal(2, _bot.Slack.CallsOf("bookmarks.add").Count);
        Assert.Contains(_bot.Slack.CallsOf("chat.postMessage"), c => (string?)c.Arguments["channel"] == "CSTAKE");
        var statusTs = "1700000000.000001";
        Assert.Equal(statusTs, (string?)_bot.Slack.CallsOf("pins.add")[0].Arguments["timestamp"]);

        await Step(Interact(SlackPayloads.BlockAction(CardVerbs.Acknowledge, "INC-1", channel!, statusTs)));
        Assert.Equal(IncidentStatus.Investigating, (await _bot.Store.GetAsync(Inc1, default))!.Status);
        var update = _bot.Slack.CallsOf("chat.update")[^1];
        Assert.Equal((channel, statusTs), ((string?)update.Arguments["channel"], (string?)update.Arguments["ts"]));
        Assert.Contains("investigating", update.Arguments["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await Step(_bot.PostAsync("/slack/events", SlackPayloads.Event(SlackPayloads.ReactionAdded("pushpin", channel: channel!), "EvR1").ToJsonString(), "application/json"));
        Assert.Contains(await _bot.Store.GetTimelineAsync(Inc1, default), e => e.Text.Contains("DB failover done", StringComparison.Ordinal));

        await Step(Interact(SlackPayloads.ViewSubmission("verb:update", $"INC-1|{channel}|", SlackPayloads.TextValue(CardVerbs.Inputs.Text, "Rolled back the deploy"))));
        Assert.Contains(_bot.Slack.CallsOf("chat.postMessage"), c => (string?)c.Arguments["channel"] == "CSTAKE" && c.Arguments.ToJsonString().Contains("Rolled back the deploy", StringComparison.Ordinal));

        await Step(Interact(SlackPayloads.ViewSubmission("verb:resolve", $"INC-1|{channel}|", SlackPayloads.TextValue(CardVerbs.Inputs.Text, "Deploy rolled back"))));
        Assert.True(IncidentStatus.Resolved == (await _bot.Store.GetAsync(Inc1, default))!.Status, string.Join("\n", _bot.Slack.Calls.Where(c => c.Method is "response_url" or "chat.postEphemeral").Select(c => c.Arguments["text"]?.ToString())));

        await Step(Interact(SlackPayloads.BlockAction(CardVerbs.PostmortemSubmit, "INC-1", channel!)));
        Assert.Equal(SlackVerbs.PostmortemCallback, (string?)_bot.Slack.CallsOf("views.open")[^1].Arguments["view"]!["callback_id"]);
        var answers = new JsonObject();
        foreach (var part in new[]
        {
            SlackPayloads.TextValue(CardVerbs.Inputs.Summary, "A bad timeout"),
            SlackPayloads.SelectValue(CardVerbs.Inputs.Category, "configuration"),
            SlackPayloads.TextValue(CardVerbs.Inputs.RootCause, "Timeout set to 0"),
            SlackPayloads.TextValue(CardVerbs.Inputs.NoFollowUpReason, "Config validated in CI already"),
        })
        {
            foreach (var (k, v) in part) answers[k] = v!.DeepClone();
        }
        await Step(Interact(SlackPayloads.ViewSubmission(SlackVerbs.PostmortemCallback, $"INC-1|{channel}|", answers)));
        Assert.True((await _bot.Store.GetAsync(Inc1, default))!.Postmortem.HasRootCause);

        await Step(_bot.CommandAsync("validate", channel!));
        await Step(_bot.CommandAsync("close", channel!));
        Assert.Equal(IncidentStatus.Closed, (await _bot.Store.GetAsync(Inc1, default))!.Status);
        Assert.Single(_bot.Slack.CallsOf("conversations.create"));
        Assert.Empty(_bot.Slack.Calls.SelectMany(WebApiSpec.Violations));
    }
}
