using ChatOps.Bot.Delivery;
using ChatOps.Bot.Tests.Hosting;
using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

/// <summary>The outbox pump's side of a queued reply: to its platform's reply sink, retried, never past its expiry.</summary>
public sealed class QueuedReplyPumpTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A platform's reply sink that fails while <see cref="Down"/> is set and records what it sent.</summary>
    private sealed class RecordingReplySink : IReplySink
    {
        public bool Down { get; set; }
        public List<string> Attempts { get; } = [];
        public List<string> Sent { get; } = [];

        public string Surface => "slack";

        public Task DeliverAsync(QueuedReply reply, CancellationToken ct)
        {
            Attempts.Add(reply.Body);
            if (Down) throw new HttpRequestException("Connection refused");
            Sent.Add(reply.Body);
            return Task.CompletedTask;
        }
    }

    private static QueuedReply Reply(string body, string surface = "slack", string user = "U1") =>
        new(surface, "C1", user, "https://hooks.slack.com/commands/T1/1/x", body, Start.AddMinutes(30));

    private static async Task<(TestHost Host, RecordingReplySink Sink, FakeTimeProvider Clock, FakeLogCollector Logs)> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var sink = new RecordingReplySink();
        var logs = new FakeLogCollector();
        var host = await TestHost.StartAsync(clock: clock, services: s =>
        {
            s.AddSingleton<IReplySink>(sink);
            s.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
        });
        return (host, sink, clock, logs);
    }

    [Fact]
    public async Task AQueuedReply_IsRetriedWithBackoff_ThenSentOnce_AndThoseAfterItFollowInOrder()
    {
        var (host, sink, clock, _) = await StartAsync();
        await using var _ = host;
        var outbox = host.Service<IOutboxStore>();
        var pump = host.Service<OutboxPump>();
        await outbox.EnqueueRepliesAsync([Reply("one"), Reply("two")], clock.GetUtcNow(), clock.GetUtcNow(), CancellationToken.None);

        sink.Down = true;
        await pump.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await pump.RunOnceAsync(CancellationToken.None); // the first backoff is 1 s
        sink.Down = false;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await pump.RunOnceAsync(CancellationToken.None);
        await pump.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["one", "one", "two"], sink.Attempts);
        Assert.Equal(["one", "two"], sink.Sent);
        Assert.Equal(0, await outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AReplyPastItsExpiry_IsLoggedAndDropped_WithoutTryingThePlatform()
    {
        var (host, sink, clock, logs) = await StartAsync();
        await using var _ = host;
        var outbox = host.Service<IOutboxStore>();
        await outbox.EnqueueRepliesAsync([Reply("too late")], clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(30), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(30));
        await host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);

        Assert.Empty(sink.Attempts);
        Assert.Equal(0, await outbox.CountPendingAsync(CancellationToken.None));
        var line = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 2007);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("U1", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplyForAPlatformNotEnabledHere_IsLoggedAndDropped()
    {
        var (host, sink, clock, logs) = await StartAsync();
        await using var _ = host;
        var outbox = host.Service<IOutboxStore>();
        await outbox.EnqueueRepliesAsync([Reply("for teams", surface: "teams")], clock.GetUtcNow(), clock.GetUtcNow(), CancellationToken.None);

        await host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);

        Assert.Empty(sink.Attempts);
        Assert.Equal(0, await outbox.CountPendingAsync(CancellationToken.None));
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 2008 && r.Message.Contains("teams", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueuedReplies_NeverReachTheConsoleTranscript()
    {
        var (host, sink, clock, _) = await StartAsync();
        await using var _ = host;
        await host.Service<IOutboxStore>().EnqueueRepliesAsync([Reply("only for U1")], clock.GetUtcNow(), clock.GetUtcNow(), CancellationToken.None);

        await host.Service<OutboxPump>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(["only for U1"], sink.Sent);
        Assert.Empty(await host.Service<IConsoleTranscript>().ReadAsync(null, 0, 100, CancellationToken.None));
    }
}
