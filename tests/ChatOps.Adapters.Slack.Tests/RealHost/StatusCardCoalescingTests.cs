using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// Through the product as shipped: while Slack is slow, a burst of status changes reaches Slack as one
/// <c>chat.update</c> of the newest state, not one call per change.
/// </summary>
public sealed class StatusCardCoalescingTests
{
    [Fact]
    public async Task StatusChangesWhileSlackIsSlow_AreSentAsOneUpdateOfTheNewestState()
    {
        await using var slack = await SlackStandIn.StartAsync();
        using var database = new HostDatabase();
        await using var host = await RealSlackHost.StartAsync(slack, database.Path);
        await host.CommandAsync("declare Checkout down --sev 2 --service payments");
        await slack.WhenAsync(s => s.CallsOf("pins.add").Count == 1 && s.CallsOf("response_url").Count == 1);
        var channel = (string?)slack.CallsOf("pins.add")[0].Arguments["channel"];
        var slow = new TaskCompletionSource();
        slack.Script("chat.update", StandInReply.HeldUntil(slow.Task));

        await host.CommandAsync("ack", channel!);
        await slack.WhenAsync(s => s.CallsOf("chat.update").Count == 1); // Slack holds this one
        foreach (var text in new[] { "status identified", "status monitoring", "update Rolled back the deploy" })
        {
            await host.CommandAsync(text, channel!);
        }
        await slack.WhenAsync(s => s.CallsOf("response_url").Count == 5); // every command committed and answered
        slow.SetResult();
        var outbox = host.Get<IOutboxStore>();
        await Eventually.HoldsAsync(async () => await outbox.CountPendingAsync(default) == 0); // delivered or coalesced: no later update can come

        var updates = slack.CallsOf("chat.update");
        Assert.Equal(2, updates.Count);
        Assert.Contains("monitoring", (string?)updates[1].Arguments["text"], StringComparison.Ordinal);
    }
}
