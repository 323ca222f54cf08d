using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Inbound;
using ChatOps.Adapters.Slack.Tests.Fixtures;

namespace ChatOps.Adapters.Slack.Tests.Inbound;

public sealed class PayloadParserTests
{
    [Fact]
    public void SlashCommand_FromBoltPythonShapedForm_HasEveryFieldTheBotUses()
    {
        var form = SlackForm.Parse(Encoding.UTF8.GetBytes(SlackPayloads.SlashCommand("declare DB down --sev 1")));

        var command = SlashCommand.From(form);

        Assert.NotNull(command);
        Assert.Equal(("T111", "C111", "W111", "/incident"), (command.TeamId, command.ChannelId, command.UserId, command.Command));
        Assert.Equal("declare DB down --sev 1", command.Text);
        Assert.Equal("https://hooks.slack.com/commands/T111/111/xxxxx", command.ResponseUrl);
        Assert.Equal("111.111.xxx", command.TriggerId);
    }

    [Fact]
    public void SlashCommand_PlusInForm_IsASpace()
    {
        var form = SlackForm.Parse(Encoding.UTF8.GetBytes("team_id=T1&channel_id=C1&user_id=U1&command=%2Fincident&text=note+hello+world"));

        Assert.Equal("note hello world", SlashCommand.From(form)!.Text);
    }

    [Fact]
    public void SlashCommand_WithoutUser_IsNotACommand()
    {
        Assert.Null(SlashCommand.From(SlackForm.Parse("team_id=T1&channel_id=C1&command=%2Fincident"u8)));
    }

    [Fact]
    public void BlockActions_YieldsVerbIncidentChannelAndMessage()
    {
        var form = SlackForm.Parse(Encoding.UTF8.GetBytes(SlackPayloads.InteractionBody(SlackPayloads.BlockAction("ack", "INC-1"))));

        var action = Assert.IsType<BlockAction>(SlackInteractionParser.Parse(form.Get("payload")));

        Assert.Equal(("ack", "INC-1", "C111", "1700000000.000100"), (action.ActionId, action.Value, action.ChannelId, action.MessageTs));
        Assert.Equal(new SlackUser("T111", "W111", "primary-owner"), action.User);
        Assert.Equal("https://hooks.slack.com/actions/T111/111/xxxx", action.ResponseUrl);
    }

    [Fact]
    public void ViewSubmission_FlattensTextAndSelectValues()
    {
        var values = SlackPayloads.TextValue("title", "Checkout down");
        foreach (var (k, v) in SlackPayloads.SelectValue("severity", "2")) values[k] = v!.DeepClone();
        values["empty"] = new JsonObject { ["empty"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = null } };

        var submission = Assert.IsType<ViewSubmission>(SlackInteractionParser.Parse(SlackPayloads.ViewSubmission("declare", "C111", values).ToJsonString()));

        Assert.Equal(("declare", "C111", "V111"), (submission.CallbackId, submission.PrivateMetadata, submission.ViewId));
        Assert.Equal("Checkout down", submission.Values["title"]);
        Assert.Equal("2", submission.Values["severity"]);
        Assert.False(submission.Values.ContainsKey("empty"));
    }

    [Fact]
    public void MessageAction_YieldsTheMessage()
    {
        var shortcut = Assert.IsType<MessageShortcut>(SlackInteractionParser.Parse(SlackPayloads.MessageShortcut("add_to_timeline", "rolled back").ToJsonString()));

        Assert.Equal(("add_to_timeline", "C111", "1700000005.000500", "rolled back", "U222"),
            (shortcut.CallbackId, shortcut.ChannelId, shortcut.MessageTs, shortcut.MessageText, shortcut.MessageAuthor));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"block_actions"}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"team":{"id":"T1"},"actions":[]}""")]
    public void Interaction_Malformed_IsNull(string? payload)
    {
        Assert.Null(SlackInteractionParser.Parse(payload));
    }

    [Fact]
    public void Interaction_UnhandledType_IsOther()
    {
        var closed = """{"type":"view_closed","user":{"id":"U1","team_id":"T1"},"team":{"id":"T1"},"view":{"id":"V1"}}""";

        Assert.Equal("view_closed", Assert.IsType<OtherInteraction>(SlackInteractionParser.Parse(closed)).Type);
    }

    [Fact]
    public void UrlVerification_YieldsTheChallenge()
    {
        var body = SlackEventParser.Parse(Encoding.UTF8.GetBytes(SlackPayloads.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")), null);

        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", Assert.IsType<UrlVerification>(body).Challenge);
    }

    [Fact]
    public void ReactionAdded_OnAMessage_IsParsedWithItsEventId()
    {
        var callback = ParseEvent(SlackPayloads.Event(SlackPayloads.ReactionAdded("pushpin"), "Ev42"));

        Assert.Equal(("T111", "Ev42"), (callback.TeamId, callback.EventId));
        Assert.Equal(new ReactionAdded("W111", "pushpin", "C111", "1700000005.000500"), callback.Event);
    }

    [Fact]
    public void PinAdded_AndMemberJoined_AreParsed()
    {
        Assert.Equal(new PinAdded("W111", "C111", "1700000005.000500", "DB failover done"), ParseEvent(SlackPayloads.Event(SlackPayloads.PinAdded())).Event);
        Assert.Equal(new MemberJoinedChannel("W111", "C111"), ParseEvent(SlackPayloads.Event(SlackPayloads.MemberJoined())).Event);
    }

    [Fact]
    public void Events_CausedByTheBotItself_AreIgnored()
    {
        var ownReaction = ParseEvent(SlackPayloads.Event(SlackPayloads.ReactionAdded("pushpin", user: "UBOT")));
        var botMessage = SlackPayloads.ReactionAdded("pushpin");
        botMessage["bot_id"] = "B111";

        Assert.IsType<IgnoredEvent>(ownReaction.Event);
        Assert.IsType<IgnoredEvent>(ParseEvent(SlackPayloads.Event(botMessage)).Event);
    }

    [Fact]
    public void Events_Unsubscribed_AreIgnored_AndGarbageIsNull()
    {
        var message = new JsonObject { ["type"] = "message", ["user"] = "U1", ["channel"] = "C1", ["text"] = "hi", ["ts"] = "1.2" };

        Assert.IsType<IgnoredEvent>(ParseEvent(SlackPayloads.Event(message)).Event);
        Assert.Null(SlackEventParser.Parse("{oops"u8, null));
    }

    [Fact]
    public void AppRateLimited_HasNoInnerEvent_AndKeepsItsMinute()
    {
        Assert.Equal(new AppRateLimited("T1", 1518467820, "A1"), SlackEventParser.Parse("""{"token":"x","type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820,"api_app_id":"A1"}"""u8, null));
    }

    [Theory]
    [InlineData("role ic <@U123ABC|dana>", "role ic @U123ABC")]
    [InlineData("role ic <@W99>", "role ic @W99")]
    [InlineData("note ping <@U1A|a> and <@U2B>", "note ping @U1A and @U2B")]
    [InlineData("note no mention <#C123|general>", "note no mention <#C123|general>")]
    public void Mentions_BecomeAtUserId(string text, string expected)
    {
        Assert.Equal(expected, SlackMentions.Normalize(text));
    }

    [Fact]
    public void Mentions_EscapeAndUnescape_RoundTrip()
    {
        Assert.Equal("a &lt;b&gt; &amp; c", SlackMentions.Escape("a <b> & c"));
        Assert.Equal("a <b> & c", SlackMentions.Unescape("a &lt;b&gt; &amp; c"));
        Assert.True(SlackMentions.IsUserId("U123ABC"));
        Assert.False(SlackMentions.IsUserId("dana"));
    }

    private static EventCallback ParseEvent(JsonObject body) =>
        Assert.IsType<EventCallback>(SlackEventParser.Parse(Encoding.UTF8.GetBytes(body.ToJsonString()), null));
}
