using ChatOps.Bot.Delivery;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<int> DeliverAsync() => _host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);

    private Task<IReadOnlyList<TranscriptMessage>> TranscriptAsync(string? channel = null) =>
        _host.Service<IConsoleTranscript>().ReadAsync(channel, 0, 1000, CancellationToken.None);

    [Fact]
    public async Task ACommandThatQueuesMessages_WakesThePump_AQueryDoesNot()
    {
        var wakeup = _host.Service<ChatOps.Bot.Live.OutboxWakeup>();
        var before = wakeup.Version;

        await _host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var afterDeclare = wakeup.Version;
        await _host.CommandAsync("list");

        Assert.True(afterDeclare > before);
        Assert.Equal(afterDeclare, wakeup.Version);
    }

    [Fact]
    public async Task Declare_DeliversStatusCardAndStakeholderAcknowledgementOnce()
    {
        await _host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var incident = await _host.IncidentAsync("INC-1");

        var delivered = await DeliverAsync();
        var again = await DeliverAsync();

        Assert.True(delivered >= 2);
        Assert.Equal(0, again);
        var status = Assert.Single(await TranscriptAsync(incident.Channel));
        Assert.Equal($"status:INC-1:{incident.Channel}", status.MessageKey);
        Assert.Contains("\"AdaptiveCard\"", status.CardJson, StringComparison.Ordinal);
        var acknowledgement = Assert.Single(await TranscriptAsync("payments-stakeholders"));
        Assert.Contains("INC-1", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _host.Service<IOutboxStore>().CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StatusCard_IsOneMessageRevisedInPlace()
    {
        await _host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var channel = (await _host.IncidentAsync("INC-1")).Channel;
        await DeliverAsync();
        var first = Assert.Single(await TranscriptAsync(channel), m => m.MessageKey.StartsWith("status:", StringComparison.Ordinal));

        await _host.CommandAsync("ack", user: "dana", channel: channel);
        await DeliverAsync();
        await _host.CommandAsync("status identified", user: "dana", channel: channel);
        await DeliverAsync();

        var statusCards = (await TranscriptAsync(channel)).Where(m => m.MessageKey.StartsWith("status:", StringComparison.Ordinal)).ToList();
        var latest = Assert.Single(statusCards);
        Assert.Equal(first.MessageKey, latest.MessageKey);
        Assert.True(latest.Sequence > first.Sequence, "each revision moves the message's sequence so live readers see it");
        Assert.Contains("identified", latest.CardJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusCardRevisionsInOneBatch_AreCoalescedToTheNewest()
    {
        await _host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var channel = (await _host.IncidentAsync("INC-1")).Channel;
        await _host.CommandAsync("ack", user: "dana", channel: channel);
        await _host.CommandAsync("status identified", user: "dana", channel: channel);

        await DeliverAsync();

        var status = Assert.Single(await TranscriptAsync(channel), m => m.MessageKey.StartsWith("status:", StringComparison.Ordinal));
        Assert.Contains("identified", status.CardJson, StringComparison.Ordinal);
        Assert.Equal(0, await _host.Service<IOutboxStore>().CountPendingAsync(CancellationToken.None));
    }
}
