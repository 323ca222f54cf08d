using ChatOps.Bot.Delivery;
using ChatOps.Bot.Store;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

public sealed class RetentionSweepTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Sweep_DeletesDeliveredMessagesOlderThanKeepDelivered_AndKeepsTheIncident()
    {
        await using var host = await TestHost.StartAsync(clock: _clock, settings: new Dictionary<string, string> { ["Store:Sqlite:KeepDelivered"] = "2.00:00:00" });
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var delivered = await host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);
        var sweeper = host.Service<SqliteRetentionSweeper>();

        _clock.Advance(TimeSpan.FromDays(1));
        // Only the pump's expired delivery-slot claim (DeliveryLeadership) goes; the messages are inside KeepDelivered.
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(delivered, await sweeper.SweepAsync(CancellationToken.None));

        Assert.True(delivered >= 2);
        Assert.Equal("INC-1", (await host.IncidentAsync("INC-1")).Id.ToString());
        Assert.NotEmpty(await host.Service<IConsoleTranscript>().ReadAsync(null, 0, 10, CancellationToken.None));
    }
}
