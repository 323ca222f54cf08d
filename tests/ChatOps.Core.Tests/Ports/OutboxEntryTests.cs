using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;

namespace ChatOps.Core.Tests.Ports;

/// <summary>The one stored form of outbox entries that both stores read back: a message, a reply, or damage.</summary>
public sealed class OutboxEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AReply_ReadsBackAsWritten_AndIsNoMessage()
    {
        var reply = new QueuedReply("slack", "C1", "U1", "https://hooks.slack.com/x", """{"text":"hi"}""", At.AddMinutes(30));

        var entry = OutboxEntry.Read(5, OutboxEntry.Serialize(reply), 2, At);

        Assert.Equal(reply, entry.Reply);
        Assert.Null(entry.Message);
        Assert.Null(entry.Unreadable);
        Assert.Equal("reply:slack:C1:U1", entry.Channel);
        Assert.Equal("reply:5", entry.MessageKey);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("{\"reply\":null}")]
    [InlineData("{\"kind\":\"no-such-kind\",\"channel\":\"ops\"}")]
    public void WhatCannotBeRead_IsAnUnreadableEntryOfItsOwnChannel_NotAnException(string stored)
    {
        var entry = OutboxEntry.Read(7, stored, 0, At);

        Assert.NotNull(entry.Unreadable);
        Assert.Null(entry.Message);
        Assert.Null(entry.Reply);
        Assert.Equal("unreadable:7", entry.Channel);
    }
}
