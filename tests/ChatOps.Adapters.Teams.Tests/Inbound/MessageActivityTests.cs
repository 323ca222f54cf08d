using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Teams.Tests.Fixtures;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Teams.Tests.Inbound;

/// <summary>Typed commands: recorded and answered 200 at once, then processed through the one command language.</summary>
public sealed class MessageActivityTests
{
    private static readonly IncidentId First = new(1);

    [Fact]
    public async Task ChannelMessage_WithBotMention_DeclaresAndRepliesInTheThread()
    {
        await using var bot = await TeamsBot.StartAsync();
        var message = TeamsActivities.ChannelMessage("incident declare Checkout errors --sev 2 --service payments");

        var response = await bot.PostAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await bot.Store.GetAsync(First, CancellationToken.None)); // answered before the work
        await bot.ProcessInboxAsync();

        var incident = await bot.Store.GetAsync(First, CancellationToken.None);
        Assert.NotNull(incident);
        Assert.Equal("Checkout errors", incident.Title);
        Assert.Equal(new Actor(TeamsActivities.AlexId, "Alex Wilber"), incident.DeclaredBy);
        Assert.Equal("ops", incident.OriginChannel);
        var reply = Assert.Single(bot.Connector.Calls);
        Assert.Equal(HttpMethod.Post, reply.Method);
        Assert.EndsWith($"/activities/{Uri.EscapeDataString((string)message["id"]!)}", reply.Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("%3Bmessageid%3D", reply.Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal($"Bearer {FakeBotTokenSource.Token}", reply.Authorization);
        Assert.Contains("Declared INC-1", (string)reply.Body!["text"]!, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string)reply.Body!["attachments"]![0]!["contentType"]!);
    }

    [Fact]
    public async Task RecordedActivities_BelongToTheirConversation_SoThePumpKeepsEachInOrder()
    {
        await using var bot = await TeamsBot.StartAsync();
        var channel = TeamsActivities.ChannelMessage("incident status");
        var personal = TeamsActivities.PersonalMessage("help");

        await bot.PostAsync(channel);
        await bot.PostAsync(personal);

        Assert.Equal([(string)channel["conversation"]!["id"]!, (string)personal["conversation"]!["id"]!], bot.Queue.Pending.Select(bot.Processor.ConversationOf));
        Assert.Equal("", bot.Processor.ConversationOf(bot.Queue.Pending[0] with { Payload = "not json" }));
    }

    [Fact]
    public async Task PersonalChat_CommandWithoutMention_IsAnsweredInTheChat()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.PostAsync(TeamsActivities.PersonalMessage("help"));
        await bot.ProcessInboxAsync();

        var reply = Assert.Single(bot.Connector.Calls);
        Assert.EndsWith("/v3/conversations/a%3Apersonal-alex/activities", reply.Uri.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("declare", (string)reply.Body!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroupChat_CommandAfterMention_IsDispatched()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.PostAsync(TeamsActivities.GroupChatMessage("incident declare Search is slow --service general"));
        await bot.ProcessInboxAsync();

        var incident = await bot.Store.GetAsync(First, CancellationToken.None);
        Assert.Equal("Search is slow", incident?.Title);
        Assert.StartsWith("teams-chat-", incident?.OriginChannel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedActivityId_ChangesNothing()
    {
        await using var bot = await TeamsBot.StartAsync();
        var message = TeamsActivities.ChannelMessage("incident declare Checkout errors", id: "f:repeat-1");

        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(message)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(message)).StatusCode);
        await bot.ProcessInboxAsync();

        Assert.Single(bot.Queue.All);
        Assert.NotNull(await bot.Store.GetAsync(First, CancellationToken.None));
        Assert.Null(await bot.Store.GetAsync(new IncidentId(2), CancellationToken.None));
    }

    [Fact]
    public async Task BadCommand_IsAnsweredWithTheErrorAndUsage()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.PostAsync(TeamsActivities.ChannelMessage("sev 9 INC-1"));
        await bot.ProcessInboxAsync();

        var text = (string)Assert.Single(bot.Connector.Calls).Body!["text"]!;
        Assert.Contains("Usage", text, StringComparison.Ordinal);
        Assert.Null(await bot.Store.GetAsync(First, CancellationToken.None));
    }

    [Fact]
    public async Task InstallationUpdate_RemembersTheChannelForProactiveMessages()
    {
        await using var bot = await TeamsBot.StartAsync();

        await bot.PostAsync(TeamsActivities.InstallationUpdate(TeamsActivities.IncidentsChannelId, "Incidents room"));
        await bot.PostAsync(TeamsActivities.ConversationUpdate("19:stake@thread.tacv2", "Payments stakeholders"));
        await bot.ProcessInboxAsync();

        var json = JsonNode.Parse(bot.Directory.Channels[("teams", "incidents-room")])!;
        Assert.Equal(TeamsActivities.ServiceUrl, (string)json["serviceUrl"]!);
        Assert.Equal(TeamsActivities.IncidentsChannelId, (string)json["conversationId"]!);
        Assert.Equal(TeamsActivities.Tenant, (string)json["tenantId"]!);
        Assert.Equal(TeamsActivities.TeamId, (string)json["teamId"]!);
        Assert.True(bot.Directory.Channels.ContainsKey(("teams", "payments-stakeholders")));
        Assert.Empty(bot.Connector.Calls);
    }

    [Fact]
    public async Task HeadProbe_IsAnswered()
    {
        await using var bot = await TeamsBot.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/messages");
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.SendAsync(request)).StatusCode);
    }
}
