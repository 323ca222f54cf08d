using ChatOps.Adapters.Slack.Tests.Fixtures;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// Slack made a post but the bot stopped before it heard so (and before binding it). After the restart the outbox's
/// retry finds the post in the channel's history by its marker: every message is in Slack once.
/// </summary>
public sealed class LostPostRestartTests
{
    private const string ShortLease = "--Delivery:Lease=00:00:01";
    private const string Stakeholders = "--Slack:Channels:payments-stakeholders=CSTAKE";

    [Fact]
    public async Task APostMadeButNotBound_IsFoundAfterTheRestart_AndNotPostedAgain()
    {
        await using var slack = await SlackStandIn.StartAsync();
        using var database = new HostDatabase();
        slack.Script("chat.postMessage", StandInReply.AnswerLost());
        var first = await RealSlackHost.StartAsync(slack, database.Path, "--Slack:RequestTimeout=00:05:00", ShortLease, Stakeholders);
        await first.CommandAsync("declare Search slow --sev 3 --service payments");
        await slack.WhenAsync(s => s.CallsOf("chat.postMessage").Count == 1);
        await first.DisposeAsync();

        await using var second = await RealSlackHost.StartAsync(slack, database.Path, ShortLease, Stakeholders);
        await slack.WhenAsync(s => s.CallsOf("pins.add").Count == 1 && s.CallsOf("chat.postMessage").Any(c => (string?)c.Arguments["channel"] == "CSTAKE"));

        var lost = slack.CallsOf("chat.postMessage")[0];
        Assert.Contains(slack.CallsOf("conversations.history"), c => c.Arguments["latest"] is null && (string?)c.Arguments["channel"] == (string?)lost.Arguments["channel"]);
        var markers = slack.CallsOf("chat.postMessage").Select(c => (string?)c.Arguments["blocks"]![0]!["block_id"]).ToList();
        Assert.All(markers, m => Assert.StartsWith("chatops:", m, StringComparison.Ordinal));
        Assert.Equal(markers.Count, markers.Distinct().Count()); // no message posted twice
    }
}
