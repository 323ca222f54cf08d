using System.Collections.Concurrent;
using ChatOps.Bot.Delivery;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

/// <summary>A channel that has to wait (Slack's per-channel spacing, a 429) must not hold up the other channels.</summary>
public sealed class ParallelChannelsTests
{
    /// <summary>Holds every delivery to <see cref="HeldChannel"/> until released; records the order of the rest.</summary>
    private sealed class HoldingSink : IMessageSink
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource OtherDelivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string HeldChannel { get; set; } = "";
        public ConcurrentQueue<string> Delivered { get; } = new();

        public async Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct)
        {
            if (delivery.Channel == HeldChannel) await Release.Task.WaitAsync(ct);
            Delivered.Enqueue($"{delivery.Channel}:{delivery.Kind}");
            // Signalled only once recorded: the test releases the held channel as soon as it hears of this one.
            if (delivery.Channel != HeldChannel) OtherDelivered.TrySetResult();
        }
    }

    [Fact]
    public async Task HeldChannel_DoesNotDelayOtherChannels_AndIsDeliveredAfterwards()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var sink = new HoldingSink();
        await using var host = await TestHost.StartAsync(clock: clock, services: s => s.Replace(ServiceDescriptor.Singleton<IMessageSink>(sink)));
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var incident = await host.IncidentAsync("INC-1");
        await host.CommandAsync("note first finding", channel: incident.Channel);
        sink.HeldChannel = incident.Channel;

        var batch = host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);
        // The stakeholder channel's message goes out while the incident channel is still held (a guard, not a sleep).
        await sink.OtherDelivered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(batch.IsCompleted);
        Assert.DoesNotContain(sink.Delivered, d => d.StartsWith(incident.Channel, StringComparison.Ordinal));

        sink.Release.SetResult();
        await batch;

        Assert.Contains(sink.Delivered, d => d.StartsWith(incident.Channel, StringComparison.Ordinal));
        Assert.Equal(0, await host.Service<IOutboxStore>().CountPendingAsync(CancellationToken.None));
        Assert.Equal("payments-stakeholders", sink.Delivered.First().Split(':')[0]);
    }
}
