using ChatOps.Adapters.Teams.Activities;

namespace ChatOps.Adapters.Teams.Tests.Inbound;

public sealed class MentionTextTests
{
    private static Activity Message(string text, string mentionText = "<at>ChatOps</at>", string mentionedId = "28:bot") => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount("28:bot", "ChatOps"),
        Entities = [new Entity("mention", new ChannelAccount(mentionedId, "ChatOps"), mentionText)],
    };

    [Theory]
    [InlineData("<at>ChatOps</at> ack INC-7", "ack INC-7")]
    [InlineData("<at>ChatOps</at>&nbsp;note INC-7 db &amp; cache", "note INC-7 db & cache")]
    [InlineData("  <at>ChatOps</at>   status   INC-7 identified ", "status INC-7 identified")]
    public void BotMention_IsStrippedBeforeParsing(string text, string expected) =>
        Assert.Equal(expected, MentionText.CommandText(Message(text)));

    [Fact]
    public void MentionOfAnotherPerson_KeepsTheirName()
    {
        var activity = Message("<at>ChatOps</at> role INC-7 ic <at>Bea</at>") with
        {
            Entities = [new Entity("mention", new ChannelAccount("28:bot", "ChatOps"), "<at>ChatOps</at>"), new Entity("mention", new ChannelAccount("29:bea", "Bea"), "<at>Bea</at>")],
        };
        Assert.Equal("role INC-7 ic Bea", MentionText.CommandText(activity));
    }
}
