using System.Collections.Concurrent;
using ChatOps.Bot.Delivery;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Ports;
using ChatOps.Stores.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

/// <summary>A batch's delivered messages are marked in one store write, and a long batch marks as it goes.</summary>
public sealed class DeliveredMarksTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>The real outbox, recording the ids of every mark call.</summary>
    private sealed class RecordingOutbox(IOutboxStore inner) : IOutboxStore
    {
        public ConcurrentQueue<long[]> Marks { get; } = new();

        public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct) =>
            inner.ClaimAsync(now, owner, lease, max, ct);

        public Task MarkDeliveredAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken ct)
        {
            Marks.Enqueue([.. ids]);
            return inner.MarkDeliveredAsync(ids, at, ct);
        }

        public Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken ct) =>
            inner.RetryLaterAsync(id, nextAttemptAt, error, ct);

        public Task<int> CountPendingAsync(CancellationToken ct) => inner.CountPendingAsync(ct);
    }

    /// <summary>Records the order of deliveries; the first one can take a quarter of the lease on the fake clock.</summary>
    private sealed class SlowFirstSink(FakeTimeProvider clock) : IMessageSink
    {
        public bool FirstIsSlow { get; set; }
        public ConcurrentQueue<string> Delivered { get; } = new();

        public Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct)
        {
            if (FirstIsSlow && Delivered.IsEmpty) clock.Advance(Lease / 4);
            Delivered.Enqueue(delivery.MessageKey);
            return Task.CompletedTask;
        }
    }

    private static async Task<(TestHost Host, RecordingOutbox Outbox, SlowFirstSink Sink)> StartAsync(int channelsInParallel = 8)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var sink = new SlowFirstSink(clock);
        RecordingOutbox? outbox = null;
        var settings = new Dictionary<string, string> { ["Delivery:ChannelsInParallel"] = channelsInParallel.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var host = await TestHost.StartAsync(clock: clock, settings: settings, services: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IMessageSink>(sink));
            s.Replace(ServiceDescriptor.Singleton<IOutboxStore>(sp => outbox = new RecordingOutbox(sp.GetRequiredService<SqliteStore>())));
        });
        _ = host.Service<IOutboxStore>();
        return (host, outbox!, sink);
    }

    [Fact]
    public async Task ABatchOfSeveralMessages_IsMarkedInOneWrite()
    {
        var (host, outbox, sink) = await StartAsync();
        await using var _ = host;
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");

        var settled = await host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);

        Assert.True(settled >= 2);
        var marks = Assert.Single(outbox.Marks);
        Assert.Equal(settled, marks.Length);
        Assert.Equal(0, await outbox.CountPendingAsync(CancellationToken.None));
        Assert.Equal(sink.Delivered.Count, marks.Length);
    }

    [Fact]
    public async Task ABatchThatRunsForAQuarterOfTheLease_MarksWhatItHasDelivered()
    {
        // One channel at a time, so "the first delivery" is well defined.
        var (host, outbox, sink) = await StartAsync(channelsInParallel: 1);
        await using var _ = host;
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        sink.FirstIsSlow = true;

        var settled = await host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);

        // The first delivery took a quarter of the lease, so it was marked at once; the rest at the batch's end.
        Assert.Equal(2, outbox.Marks.Count);
        Assert.Single(outbox.Marks.First());
        Assert.Equal(settled, outbox.Marks.Sum(m => m.Length));
        Assert.Equal(0, await outbox.CountPendingAsync(CancellationToken.None));
    }
}
