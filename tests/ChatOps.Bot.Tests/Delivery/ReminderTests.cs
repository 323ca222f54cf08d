using ChatOps.Bot.Delivery;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

public sealed class ReminderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static async Task<int> FireAndDeliverAsync(TestHost host)
    {
        var fired = await host.Service<TimerPump>().RunOnceAsync(CancellationToken.None);
        await host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);
        return fired;
    }

    /// <summary>Everything in the incident channel but its status card: on a quiet incident, that is the reminders.</summary>
    private static async Task<List<TranscriptMessage>> RemindersAsync(TestHost host, string channel) =>
        [.. (await host.Service<IConsoleTranscript>().ReadAsync(channel, 0, 1000, CancellationToken.None))
            .Where(m => !m.MessageKey.StartsWith("status:", StringComparison.Ordinal))];

    [Fact]
    public async Task Reminder_FiresWhenTheUpdateIsDue_NotBefore()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await TestHost.StartAsync(clock: clock);
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var channel = (await host.IncidentAsync("INC-1")).Channel;

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await FireAndDeliverAsync(host));
        Assert.Empty(await RemindersAsync(host, channel));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await FireAndDeliverAsync(host));
        Assert.Single(await RemindersAsync(host, channel));
    }

    [Fact]
    public async Task Reminder_SurvivesARestart_AndFiresOnce()
    {
        var path = TestHost.NewDatabasePath();
        string channel;
        await using (var before = await TestHost.StartAsync(clock: new FakeTimeProvider(Start), databasePath: path))
        {
            await before.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
            channel = (await before.IncidentAsync("INC-1")).Channel;
            Assert.Equal(1, await before.Service<ITimerStore>().CountPendingAsync(CancellationToken.None));
        }

        var clock = new FakeTimeProvider(Start + TimeSpan.FromMinutes(31));
        await using var after = await TestHost.StartAsync(clock: clock, databasePath: path);
        var fired = await FireAndDeliverAsync(after);
        var firedAgain = await FireAndDeliverAsync(after);

        Assert.Equal(1, fired);
        Assert.Equal(0, firedAgain);
        Assert.Single(await RemindersAsync(after, channel));
        Assert.Equal("INC-1", (await after.IncidentAsync("INC-1")).Id.ToString());
    }
}
