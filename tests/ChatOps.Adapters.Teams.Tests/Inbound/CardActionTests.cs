using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Teams.Tests.Inbound;

/// <summary>Action.Execute invokes are answered synchronously with the refreshed card; Action.Submit values take the same verbs.</summary>
public sealed class CardActionTests
{
    private static async Task<Incident> DeclareAsync(TeamsBot bot)
    {
        await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare Checkout errors --sev 2 --service payments"));
        await bot.ProcessInboxAsync();
        return (await bot.Store.GetAsync(new IncidentId(1), CancellationToken.None))!;
    }

    private static async Task<JsonObject> InvokeAsync(TeamsBot bot, JsonObject invoke)
    {
        var response = await bot.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Acknowledge_AnswersWithTheRefreshedCard()
    {
        await using var bot = await TeamsBot.StartAsync();
        await DeclareAsync(bot);

        var answer = await InvokeAsync(bot, TeamsActivities.Execute("ack", "INC-1", TeamsActivities.OpsChannelId + ";messageid=1"));

        Assert.Equal(200, (int)answer["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)answer["type"]!);
        Assert.Equal("1.5", (string)answer["value"]!["version"]!);
        var incident = await bot.Store.GetAsync(new IncidentId(1), CancellationToken.None);
        Assert.Equal(IncidentStatus.Investigating, incident!.Status);
        Assert.Equal(TeamsActivities.AlexId, incident.Commander!.Id);
        Assert.DoesNotContain(bot.Queue.All, i => i.Payload.Contains("\"invoke\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACommittingAction_WakesTheOutbox_ARefreshDoesNot()
    {
        await using var bot = await TeamsBot.StartAsync();
        await DeclareAsync(bot);
        var conversation = TeamsActivities.OpsChannelId + ";messageid=1";

        var afterDeclare = bot.OutboxWakeups;

        await InvokeAsync(bot, TeamsActivities.Execute("refresh", "INC-1", conversation));
        Assert.Equal(afterDeclare, bot.OutboxWakeups);
        await InvokeAsync(bot, TeamsActivities.Execute("ack", "INC-1", conversation));
        Assert.Equal(afterDeclare + 1, bot.OutboxWakeups);
    }

    [Fact]
    public async Task CommanderView_OffersResolve_OthersSeeJoinButNotResolve()
    {
        await using var bot = await TeamsBot.StartAsync();
        await DeclareAsync(bot);
        var conversation = TeamsActivities.OpsChannelId + ";messageid=1";
        var commanderCard = (await InvokeAsync(bot, TeamsActivities.Execute("ack", "INC-1", conversation)))["value"]!;

        var otherCard = (await InvokeAsync(bot, TeamsActivities.Execute("refresh", "INC-1", conversation, from: "29:bea")))["value"]!;

        static string[] Verbs(JsonNode card) => [.. card["actions"]!.AsArray().Select(a => (string)a!["verb"]!)];
        Assert.Contains("resolve", Verbs(commanderCard));
        Assert.DoesNotContain("join", Verbs(commanderCard));
        Assert.Contains("join", Verbs(otherCard));
        Assert.DoesNotContain("resolve", Verbs(otherCard));
        Assert.Equal(TeamsActivities.AlexId, (string)commanderCard["refresh"]!["userIds"]![0]!);
        Assert.Equal(TeamsActivities.AlexId, (string)commanderCard["msteams"]!["entities"]![0]!["mentioned"]!["id"]!);
    }

    [Fact]
    public async Task RefusedAction_AnswersWithTheReasonAndChangesNothing()
    {
        await using var bot = await TeamsBot.StartAsync();
        await DeclareAsync(bot);

        var answer = await InvokeAsync(bot, TeamsActivities.Execute("close", "INC-1", TeamsActivities.OpsChannelId));

        Assert.Equal("application/vnd.microsoft.activity.message", (string)answer["type"]!);
        Assert.False(string.IsNullOrWhiteSpace((string)answer["value"]!));
        Assert.Equal(IncidentStatus.Declared, (await bot.Store.GetAsync(new IncidentId(1), CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task NotActionExecute_IsAnswered400()
    {
        await using var bot = await TeamsBot.StartAsync();
        var invoke = TeamsActivities.Execute("ack", "INC-1", TeamsActivities.OpsChannelId);
        invoke["value"]!["action"]!["type"] = "Action.Submit";

        var response = await bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RepeatedInvoke_AppliesTheCommandOnce()
    {
        await using var bot = await TeamsBot.StartAsync();
        await DeclareAsync(bot);
        var invoke = TeamsActivities.Execute("note", "INC-1", TeamsActivities.OpsChannelId, inputs: new JsonObject { ["text"] = "rolled back" });

        await InvokeAsync(bot, invoke);
        await InvokeAsync(bot, invoke);

        var timeline = await bot.Store.GetTimelineAsync(new IncidentId(1), CancellationToken.None);
        Assert.Single(timeline, e => e.Text.Contains("rolled back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitMessageBack_WithPostmortemForm_RecordsEachAnswer()
    {
        await using var bot = await TeamsBot.StartAsync();
        await DeclareAsync(bot);
        var value = new JsonObject
        {
            ["verb"] = "postmortem-submit",
            ["incident"] = "INC-1",
            ["pmSummary"] = "Checkout failed for 20 minutes",
            ["pmCategory"] = "configuration",
            ["pmRootCause"] = "A bad feature flag",
        };

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(TeamsActivities.Submit(value, TeamsActivities.OpsChannelId, "card-1"))).StatusCode);
        await bot.ProcessInboxAsync();

        var incident = await bot.Store.GetAsync(new IncidentId(1), CancellationToken.None);
        Assert.Equal("A bad feature flag", incident!.Postmortem.RootCause);
        Assert.Equal("Checkout failed for 20 minutes", incident.Postmortem.Summary);
    }
}
