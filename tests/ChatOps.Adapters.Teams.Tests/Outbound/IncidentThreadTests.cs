using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Outbound;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using ChatOps.Cards.Composition;
using ChatOps.Core.Bridge;
using ChatOps.Testing.Builders;

namespace ChatOps.Adapters.Teams.Tests.Outbound;

/// <summary>
/// Declaring in a team channel opens a thread in the incidents channel (createConversation) whose status card is
/// then updated in place (PUT); stakeholder messages go to the channel of the service's configuration.
/// </summary>
public sealed class IncidentThreadTests
{
    private static async Task<TeamsBot> InstalledBotAsync()
    {
        var bot = await TeamsBot.StartAsync();
        await bot.PostAsync(TeamsActivities.InstallationUpdate(TeamsActivities.IncidentsChannelId, "Incidents room"));
        await bot.PostAsync(TeamsActivities.ConversationUpdate("19:stake@thread.tacv2", "Payments stakeholders"));
        await bot.PostAsync(TeamsActivities.ChannelMessage("incident declare Checkout errors --sev 2 --service payments"));
        await bot.ProcessInboxAsync();
        while (bot.Connector.Calls.TryDequeue(out _)) { } // the command's own reply
        return bot;
    }

    [Fact]
    public async Task Declare_OpensAThreadInTheIncidentsChannel_AndAcknowledgesStakeholders()
    {
        await using var bot = await InstalledBotAsync();

        Assert.Equal(2, await bot.DeliverOutboxAsync());

        var calls = bot.Connector.Calls.ToList();
        var create = Assert.Single(calls, c => c.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(TeamsActivities.IncidentsChannelId, (string)create.Body!["channelData"]!["channel"]!["id"]!);
        Assert.Equal(TeamsActivities.Tenant, (string)create.Body!["channelData"]!["tenant"]!["id"]!);
        Assert.True((bool)create.Body!["isGroup"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)create.Body!["activity"]!["attachments"]![0]!["contentType"]!);
        var stakeholders = Assert.Single(calls, c => c.Uri.AbsoluteUri.Contains("19%3Astake%40thread.tacv2/activities", StringComparison.Ordinal));
        Assert.Contains("INC-1", stakeholders.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.All(calls, c => Assert.Equal($"Bearer {FakeBotTokenSource.Token}", c.Authorization));
    }

    [Fact]
    public async Task StatusCard_IsUpdatedInPlace_WithACommanderMention()
    {
        await using var bot = await InstalledBotAsync();
        await bot.DeliverOutboxAsync();
        var thread = bot.Connector.Calls.Single(c => c.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var threadChannel = bot.Directory.Channels.Single(kv => kv.Key.Surface == "teams" && kv.Key.Channel.StartsWith("inc-1-", StringComparison.Ordinal));
        var threadId = (string)JsonNode.Parse(threadChannel.Value)!["conversationId"]!;
        while (bot.Connector.Calls.TryDequeue(out _)) { }

        await bot.PostAsync(TeamsActivities.Execute("ack", "INC-1", threadId));
        await bot.DeliverOutboxAsync();

        var update = Assert.Single(bot.Connector.Calls, c => c.Method == HttpMethod.Put);
        var statusMessage = bot.Directory.Messages.Single(kv => kv.Key.Key.StartsWith("status:INC-1:", StringComparison.Ordinal)).Value;
        Assert.StartsWith("thread-", statusMessage, StringComparison.Ordinal);
        Assert.EndsWith($"/activities/{statusMessage}", update.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(threadId), update.Uri.AbsoluteUri, StringComparison.Ordinal);
        var card = update.Body!["attachments"]![0]!["content"]!;
        Assert.Equal(TeamsActivities.AlexId, (string)card["msteams"]!["entities"]![0]!["mentioned"]!["id"]!);
        Assert.Contains(card["body"]!.AsArray(), b => ((string?)b!["text"])?.Contains("<at>Alex Wilber</at>", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(bot.Connector.Calls, c => c.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.NotNull(thread);
    }

    [Fact]
    public async Task CommandInTheIncidentThread_ImpliesTheIncident()
    {
        await using var bot = await InstalledBotAsync();
        await bot.DeliverOutboxAsync();
        var threadChannel = bot.Directory.Channels.Single(kv => kv.Key.Surface == "teams" && kv.Key.Channel.StartsWith("inc-1-", StringComparison.Ordinal));
        var threadId = (string)JsonNode.Parse(threadChannel.Value)!["conversationId"]!;
        var message = TeamsActivities.ChannelMessage("ack", channelId: TeamsActivities.IncidentsChannelId, channelName: "Incidents room");
        message["conversation"]!["id"] = threadId;

        await bot.PostAsync(message);
        await bot.ProcessInboxAsync();

        var incident = await bot.Store.GetAsync(new Core.Incidents.IncidentId(1), CancellationToken.None);
        Assert.Equal(TeamsActivities.AlexId, incident!.Commander?.Id);
    }

    [Fact]
    public async Task MessageAlreadyPosted_IsNotPostedAgain()
    {
        await using var bot = await InstalledBotAsync();
        var incident = new IncidentBuilder().Build();
        var notice = new TeamsOutbound("msg:42", "payments-stakeholders", MessageKind.Notice, CardComposer.Notice(incident, "hello"), incident);

        Assert.True(await bot.Sender.DeliverAsync(notice, CancellationToken.None));
        Assert.True(await bot.Sender.DeliverAsync(notice, CancellationToken.None));

        Assert.Single(bot.Connector.Calls);
    }

    [Fact]
    public async Task ChannelUnknownToTeams_IsNotDeliveredHere()
    {
        await using var bot = await InstalledBotAsync();
        var incident = new IncidentBuilder().Build();
        var notice = new TeamsOutbound("msg:43", "slack-only-room", MessageKind.Notice, CardComposer.Notice(incident, "hello"), incident);

        Assert.False(await bot.Sender.DeliverAsync(notice, CancellationToken.None));
        Assert.Empty(bot.Connector.Calls);
    }
}
