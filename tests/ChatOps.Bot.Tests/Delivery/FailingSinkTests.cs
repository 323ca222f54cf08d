using System.Collections.Concurrent;
using ChatOps.Bot.Delivery;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

public sealed class FailingSinkTests
{
    /// <summary>Fails while <see cref="Down"/> is set, then delivers to the console transcript as usual.</summary>
    private sealed class FlakySink(IConsoleTranscript transcript) : IMessageSink
    {
        public bool Down { get; set; } = true;
        public Func<Exception> Failure { get; set; } = () => new HttpRequestException("platform unavailable");
        private int _calls;

        public int Calls => _calls;

        public ConcurrentQueue<DateTimeOffset?> MaybePostedSince { get; } = new();

        public async Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct)
        {
            // Channels of one batch are delivered side by side.
            Interlocked.Increment(ref _calls);
            MaybePostedSince.Enqueue(delivery.MaybePostedSince);
            if (Down) throw Failure();
            await transcript.UpsertAsync(delivery.MessageKey, delivery.Channel, delivery.At, "ChatOps", delivery.Kind.ToString(), null, ct);
        }
    }

    [Fact]
    public async Task FailedDelivery_IsRetriedAfterBackoff_AndDeliveredOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        FlakySink? sink = null;
        await using var host = await TestHost.StartAsync(clock: clock, services: s =>
            s.Replace(ServiceDescriptor.Singleton<IMessageSink>(sp => sink = new FlakySink(sp.GetRequiredService<IConsoleTranscript>()))));
        var pump = host.Service<OutboxPump>();
        var outbox = host.Service<IOutboxStore>();
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var pending = await outbox.CountPendingAsync(CancellationToken.None);

        Assert.Equal(0, await pump.RunOnceAsync(CancellationToken.None));
        Assert.Equal(pending, await outbox.CountPendingAsync(CancellationToken.None));
        Assert.Equal(0, await pump.RunOnceAsync(CancellationToken.None)); // backing off: nothing is due yet

        sink!.Down = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        var delivered = await pump.RunOnceAsync(CancellationToken.None);

        Assert.Equal(pending, delivered);
        Assert.Equal(0, await outbox.CountPendingAsync(CancellationToken.None));
        var transcript = await host.Service<IConsoleTranscript>().ReadAsync(null, 0, 100, CancellationToken.None);
        Assert.Equal(pending, transcript.Count);
        Assert.Equal(pending * 2, sink.Calls);
    }

    [Fact]
    public async Task PlatformFailure_IsLoggedAsOneLine_AndABug_WithItsStackTrace()
    {
        var logs = new FakeLogCollector();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        FlakySink? sink = null;
        await using var host = await TestHost.StartAsync(clock: clock, services: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IMessageSink>(sp => sink = new FlakySink(sp.GetRequiredService<IConsoleTranscript>())));
            s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
        });
        var pump = host.Service<OutboxPump>();
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");

        await pump.RunOnceAsync(CancellationToken.None);
        var routine = logs.GetSnapshot().Where(r => r.Id.Id == 2003).ToList();
        Assert.NotEmpty(routine);
        Assert.All(routine, r =>
        {
            Assert.Equal(LogLevel.Warning, r.Level);
            Assert.Null(r.Exception);
            Assert.Contains("platform unavailable", r.Message, StringComparison.Ordinal);
        });

        logs.Clear();
        sink!.Failure = () => new InvalidOperationException("a bug");
        clock.Advance(TimeSpan.FromMinutes(1));
        await pump.RunOnceAsync(CancellationToken.None);
        var bugs = logs.GetSnapshot().Where(r => r.Id.Id == 2005).ToList();
        Assert.Equal(routine.Count, bugs.Count);
        Assert.All(bugs, r =>
        {
            Assert.Equal(LogLevel.Error, r.Level);
            Assert.IsType<InvalidOperationException>(r.Exception);
        });
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == 2003);
    }

    [Fact]
    public async Task ARetriedDelivery_SaysTheMessageMayHaveBeenPostedSinceItWasQueued()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var queuedAt = clock.GetUtcNow();
        FlakySink? sink = null;
        await using var host = await TestHost.StartAsync(clock: clock, services: s =>
            s.Replace(ServiceDescriptor.Singleton<IMessageSink>(sp => sink = new FlakySink(sp.GetRequiredService<IConsoleTranscript>()))));
        var pump = host.Service<OutboxPump>();
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");

        await pump.RunOnceAsync(CancellationToken.None);
        var firstAttempts = sink!.MaybePostedSince.ToList();
        sink.Down = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        await pump.RunOnceAsync(CancellationToken.None);

        Assert.NotEmpty(firstAttempts);
        Assert.All(firstAttempts, since => Assert.Null(since));
        var retries = sink.MaybePostedSince.Skip(firstAttempts.Count).ToList();
        Assert.NotEmpty(retries);
        Assert.All(retries, since => Assert.Equal(queuedAt, since));
    }

    [Fact]
    public async Task AnOutboxRowThatCannotBeRead_IsLoggedAndSettled_AndTheOthersAreDelivered()
    {
        var logs = new FakeLogCollector();
        await using var host = await TestHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs)));
        var outbox = host.Service<IOutboxStore>();
        await host.CommandAsync("incident declare Checkout is failing --sev 2 --service payments");
        var pending = await outbox.CountPendingAsync(CancellationToken.None);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE outbox SET message_json = '{\"kind\":' WHERE id = (SELECT MIN(id) FROM outbox)";
            Assert.Equal(1, await damage.ExecuteNonQueryAsync());
        }

        var settled = await host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(pending, settled);
        Assert.Equal(0, await outbox.CountPendingAsync(CancellationToken.None));
        var transcript = await host.Service<IConsoleTranscript>().ReadAsync(null, 0, 100, CancellationToken.None);
        Assert.Equal(pending - 1, transcript.Count);
        var line = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2009);
        Assert.Equal(LogLevel.Error, line.Level);
    }

    [Fact]
    public void Backoff_DoublesAndIsCapped()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { MaxBackoff = TimeSpan.FromMinutes(5) });
        var pump = new OutboxPump(null!, null!, [], null!, null!, new PumpIdentity(), null!, TimeProvider.System, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxPump>.Instance);

        Assert.Equal(TimeSpan.FromSeconds(1), pump.Backoff(0));
        Assert.Equal(TimeSpan.FromSeconds(8), pump.Backoff(3));
        Assert.Equal(TimeSpan.FromMinutes(5), pump.Backoff(20));
    }
}
