using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// Through the product as shipped: the answers to two commands, which Slack could not take, wait in the outbox across a
/// restart of the bot and arrive once each, in the order of the commands, when Slack is back.
/// </summary>
public sealed class ReplyOutageRestartTests
{
    // Short leases and backoffs: the restarted bot takes over the stopped one's claims, and retries, within the wait.
    private static readonly string[] Settings = ["--Delivery:Lease=00:00:02", "--Delivery:MaxBackoff=00:00:01"];

    [Fact]
    public async Task RepliesQueuedDuringAnOutage_ArriveOnceAndInOrder_AfterARestart()
    {
        await using var slack = await SlackStandIn.StartAsync();
        using var database = new HostDatabase();
        await using (var host = await RealSlackHost.StartAsync(slack, database.Path, Settings))
        {
            slack.Script("response_url", [.. Enumerable.Repeat(StandInReply.ServerError(), 10_000)]); // Slack is down
            await host.CommandAsync("declare Checkout down --sev 2 --service payments");
            await host.CommandAsync("declare Search slow --sev 3 --service payments");
            // The first answer is tried, then retried by the pump; the second waits behind it untried.
            await slack.WhenAsync(s => s.CallsOf("response_url").Count >= 3 && s.CallsOf("conversations.create").Count == 2);
            await host.StopAsync();
        }

        Assert.All(slack.CallsOf("response_url"), c => Assert.Contains("Checkout down", c.Arguments.ToJsonString(), StringComparison.Ordinal));
        slack.ClearScript("response_url");
        var before = slack.CallsOf("response_url").Count;
        await using (var host = await RealSlackHost.StartAsync(slack, database.Path, Settings))
        {
            await slack.WhenAsync(s => s.CallsOf("response_url").Skip(before).Any(c => c.Arguments.ToJsonString().Contains("Search slow", StringComparison.Ordinal)));
            await Eventually.HoldsAsync(async () => await host.Get<IOutboxStore>().CountPendingAsync(default) == 0); // nothing left to send twice
        }

        var afterOutage = slack.CallsOf("response_url").Skip(before).Select(c => c.Arguments.ToJsonString()).ToList();
        Assert.Equal(2, afterOutage.Count);
        Assert.Contains("Checkout down", afterOutage[0], StringComparison.Ordinal);
        Assert.Contains("Search slow", afterOutage[1], StringComparison.Ordinal);
    }
}
