using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Cards;

namespace ChatOps.Adapters.Slack.Tests.Endpoints;

public sealed class SlackEndpointTests : IAsyncLifetime
{
    private SlackBot _bot = null!;

    public async Task InitializeAsync() => _bot = await SlackBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task BadSignature_Is401_AndRecordsNothing(string path)
    {
        var response = await _bot.PostAsync(path, SlackPayloads.SlashCommand("declare DB down"), signature: "v0=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Queue.All);
        Assert.Empty(_bot.Slack.Calls);
    }

    [Fact]
    public async Task SslCheck_IsAnsweredWithoutSignature_AndIgnoresTheRestOfTheBody()
    {
        var response = await _bot.PostAsync("/slack/commands", "ssl_check=1&token=x&" + SlackPayloads.SlashCommand("declare smuggled"), signature: "v0=bad");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_bot.Queue.All);
    }

    [Fact]
    public async Task OtherWorkspace_IsRefused()
    {
        var response = await _bot.PostAsync("/slack/commands", SlackPayloads.SlashCommand("declare DB down", team: "TEVIL"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_bot.Queue.All);
    }

    [Fact]
    public async Task SlashCommand_IsRecordedBeforeTheAck_AndAnsweredThroughResponseUrlAfterwards()
    {
        var response = await _bot.CommandAsync("declare DB down --sev 2 --service payments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(_bot.Queue.Pending);
        Assert.Equal("slack", item.Surface);
        Assert.Empty(_bot.Slack.Calls);

        await _bot.ProcessInboxAsync();

        var reply = Assert.Single(_bot.Slack.CallsOf("response_url"));
        Assert.Equal("in_channel", (string?)reply.Arguments["response_type"]);
        Assert.Contains("INC-1", reply.Arguments.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(await _bot.Store.GetAsync(new Core.Incidents.IncidentId(1), default));
    }

    [Fact]
    public async Task RecordedCommands_BelongToTheirSlackChannel_SoThePumpKeepsEachChannelInOrder()
    {
        await _bot.CommandAsync("status", channel: "C0AAA");
        await _bot.CommandAsync("status", channel: "C0BBB");

        Assert.Equal(["C0AAA", "C0BBB"], _bot.Queue.Pending.Select(_bot.Handler.ConversationOf));
        Assert.Equal("", _bot.Handler.ConversationOf(_bot.Queue.Pending[0] with { Payload = "not json" }));
    }

    [Fact]
    public async Task BareDeclare_OpensTheDeclareModal_AndRecordsNothing()
    {
        var response = await _bot.CommandAsync("declare --private");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(_bot.Slack.CallsOf("views.open"));
        Assert.Equal(SlackVerbs.DeclareCallback, (string?)open.Arguments["view"]!["callback_id"]);
        Assert.EndsWith("|private", (string?)open.Arguments["view"]!["private_metadata"], StringComparison.Ordinal);
        Assert.Empty(_bot.Queue.All);
    }

    [Fact]
    public async Task UrlVerification_AnswersTheChallenge()
    {
        var response = await _bot.PostAsync("/slack/events", SlackPayloads.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]);
    }

    [Fact]
    public async Task RetriedEvent_IsAcknowledgedAgain_ButRecordedOnce()
    {
        var body = SlackPayloads.Event(SlackPayloads.ReactionAdded("pushpin"), "Ev777").ToJsonString();

        var first = await _bot.PostAsync("/slack/events", body, "application/json");
        var retry = await _bot.PostAsync("/slack/events", body, "application/json", retryNum: "1");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Single(_bot.Queue.All);
    }

    [Fact]
    public async Task InvalidModalSubmission_ReturnsFieldErrors_AndRecordsNothing()
    {
        var payload = SlackPayloads.ViewSubmission(SlackVerbs.DeclareCallback, "|C111|", SlackPayloads.TextValue("title", ""));

        var response = await _bot.PostAsync("/slack/interactions", SlackPayloads.InteractionBody(payload));

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", (string?)answer["response_action"]);
        Assert.NotNull(answer["errors"]!["title"]);
        Assert.Empty(_bot.Queue.All);
    }

    [Fact]
    public async Task UpdateButton_OpensTheStakeholderUpdateModal()
    {
        var response = await _bot.PostAsync("/slack/interactions", SlackPayloads.InteractionBody(SlackPayloads.BlockAction(CardVerbs.Update, "INC-3")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = Assert.Single(_bot.Slack.CallsOf("views.open")).Arguments["view"]!;
        Assert.Equal("verb:update", (string?)view["callback_id"]);
        Assert.Equal("INC-3|C111|", (string?)view["private_metadata"]);
        Assert.Empty(_bot.Queue.All);
    }

    [Fact]
    public async Task UpdateButton_WhoseFormSlackRefuses_IsStillAnswered200_AndRecordsNothing()
    {
        _bot.Slack.Script("views.open", StandInReply.Error("expired_trigger_id"));

        var response = await _bot.PostAsync("/slack/interactions", SlackPayloads.InteractionBody(SlackPayloads.BlockAction(CardVerbs.Update, "INC-3")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Slack.CallsOf("views.open"));
        Assert.Empty(_bot.Queue.All);
    }
}
