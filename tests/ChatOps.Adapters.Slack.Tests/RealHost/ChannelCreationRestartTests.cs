using ChatOps.Adapters.Slack.Tests.Fixtures;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// Slack created the incident channel but the bot stopped before it heard so (and before binding it). After the restart
/// the retry meets <c>name_taken</c>, finds its own channel and carries on there: one channel, no orphan.
/// </summary>
public sealed class ChannelCreationRestartTests
{
    private const string ShortLease = "--Delivery:Lease=00:00:01";

    [Fact]
    public async Task ChannelCreatedButNotBound_IsFoundAndUsedAfterTheRestart()
    {
        await using var slack = await SlackStandIn.StartAsync();
        using var database = new HostDatabase();
        slack.Script("conversations.create", StandInReply.AnswerLost());
        var first = await RealSlackHost.StartAsync(slack, database.Path, "--Slack:RequestTimeout=00:05:00", ShortLease);
        await first.CommandAsync("declare Search slow --sev 3");
        await slack.WhenAsync(s => s.CallsOf("conversations.create").Count == 1);
        await first.DisposeAsync();

        await using var second = await RealSlackHost.StartAsync(slack, database.Path, ShortLease);
        await slack.WhenAsync(s => s.CallsOf("pins.add").Count == 1);

        Assert.Equal(2, slack.CallsOf("conversations.create").Count);
        Assert.NotEmpty(slack.CallsOf("users.conversations"));
        // C101 is the one channel the stand-in made (the lost answer's); the retry was refused as name_taken.
        Assert.Contains(slack.CallsOf("chat.postMessage"), c => (string?)c.Arguments["channel"] == "C101");
        Assert.Equal("C101", (string?)Assert.Single(slack.CallsOf("pins.add")).Arguments["channel"]);
    }
}
