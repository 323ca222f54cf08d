using ChatOps.Adapters.Slack.Tests.Fixtures;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Adapters.Slack.Tests.RealHost;

/// <summary>
/// <c>--private</c> is decided when the command runs but acted on when the outbox creates the channel. The choice is in
/// the committed snapshot, so a bot stopped in between still creates a private channel after its restart.
/// </summary>
public sealed class PrivateChannelRestartTests
{
    private const string ShortLease = "--Delivery:Lease=00:00:01";

    [Fact]
    public async Task PrivateDeclare_StoppedBeforeTheChannelExists_IsCreatedPrivateAfterTheRestart()
    {
        await using var slack = await SlackStandIn.StartAsync();
        using var database = new HostDatabase();
        // The first bot's conversations.create never gets an answer: the bot stops with the channel not yet made.
        slack.Script("conversations.create", StandInReply.NoAnswer());
        // A short lease: the stopped bot's claim on the outbox entry lapses soon, as a crashed bot's would.
        var first = await RealSlackHost.StartAsync(slack, database.Path, "--Slack:RequestTimeout=00:05:00", ShortLease);
        await first.CommandAsync("declare Ledger drift --sev 2 --private");
        await slack.WhenAsync(s => s.CallsOf("conversations.create").Count == 1);
        await first.DisposeAsync();
        Assert.Empty(slack.CallsOf("pins.add"));

        await using var second = await RealSlackHost.StartAsync(slack, database.Path, ShortLease);
        await slack.WhenAsync(s => s.CallsOf("pins.add").Count == 1);

        var afterRestart = slack.CallsOf("conversations.create")[1];
        Assert.Equal(("inc-1-ledger-drift", true), ((string?)afterRestart.Arguments["name"], (bool?)afterRestart.Arguments["is_private"]));
        Assert.True((await second.Get<IIncidentStore>().GetAsync(new IncidentId(1), default))!.PrivateChannel);
    }
}
