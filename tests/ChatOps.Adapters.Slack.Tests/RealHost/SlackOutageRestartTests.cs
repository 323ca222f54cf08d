using ChatOps.Adapters.Slack.Tests.Fixtures;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// Through the product as shipped: messages queued while Slack is down, then a restart of the bot, then Slack back.
/// Each arrives once, in the order the commands made them.
/// </summary>
public sealed class SlackOutageRestartTests
{
    private static readonly string[] Updates = ["First words", "Second words", "Third words"];
    // Short leases and backoffs: the restarted bot takes over the stopped one's claims, and retries, within the wait.
    private static readonly string[] Settings =
        ["--Slack:Channels:payments-stakeholders=CSTAKE", "--Slack:MaxAttempts=1", "--Delivery:Lease=00:00:02", "--Delivery:MaxBackoff=00:00:01"];

    [Fact]
    public async Task MessagesQueuedDuringAnOutage_ArriveOnceAndInOrder_AfterARestart()
    {
        await using var slack = await SlackStandIn.StartAsync();
        using var database = new HostDatabase();
        string channel;
        await using (var host = await RealSlackHost.StartAsync(slack, database.Path, Settings))
        {
            await host.CommandAsync("declare Checkout down --sev 2 --service payments");
            await slack.WhenAsync(s => s.CallsOf("pins.add").Count == 1 && PostsTo(s, "CSTAKE").Count == 1);
            channel = (string)slack.CallsOf("pins.add")[0].Arguments["channel"]!;

            slack.Script("chat.postMessage", [.. Enumerable.Repeat(StandInReply.ServerError(), 10_000)]); // Slack is down
            foreach (var text in new[] { "ack", "update First words", "update Second words", "update Third words" })
            {
                await host.CommandAsync(text, channel);
            }
            await slack.WhenAsync(s => s.CallsOf("response_url").Count == 5 && PostsTo(s, "CSTAKE").Count >= 2); // committed, and tried
            await host.StopAsync();
        }

        slack.ClearScript("chat.postMessage");
        var delivered = slack.Calls.Count;
        await using (await RealSlackHost.StartAsync(slack, database.Path, Settings))
        {
            await slack.WhenAsync(s => s.Calls.Skip(delivered).Any(c => IsPostTo(c, "CSTAKE") && Text(c).Contains("Third words", StringComparison.Ordinal)));
        }

        var afterOutage = slack.Calls.Skip(delivered).Where(c => IsPostTo(c, "CSTAKE")).Select(Text).ToList();
        Assert.Equal(Updates, afterOutage.Select(Which)); // each once, in order, nothing else lost or added
    }

    private static List<StandInCall> PostsTo(SlackStandIn slack, string channel) => [.. slack.Calls.Where(c => IsPostTo(c, channel))];

    private static bool IsPostTo(StandInCall call, string channel) => call.Method == "chat.postMessage" && (string?)call.Arguments["channel"] == channel;

    private static string Text(StandInCall call) => call.Arguments.ToJsonString();

    private static string? Which(string text) =>
        Updates.SingleOrDefault(w => text.Contains(w, StringComparison.Ordinal));
}
