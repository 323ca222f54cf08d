using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using ChatOps.Testing.Redis;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>Live views on one replica wake when another replica commits, delivers or writes the transcript.</summary>
public sealed class RedisChangeEventsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RedisTestStore _state = new(redis);
    private CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task WritesOnOneReplica_AreAnnouncedToTheOthers()
    {
        await using var watcher = _state.Open(_clock);
        await using var writer = _state.Open(_clock);
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var gotAll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await watcher.SubscribeToChangesAsync(change =>
        {
            seen.Enqueue(change);
            if (seen.Count == 3) gotAll.TrySetResult();
        });

        await writer.CommitAsync(CommitBuilder.Create(new IncidentBuilder(7)).WithMessage(MessageKind.Notice, "ops", "hi").Build(), Ct);
        var entry = Assert.Single(await ((IOutboxStore)writer).ClaimAsync(_clock.GetUtcNow(), "pump", TimeSpan.FromSeconds(30), 10, Ct));
        await writer.MarkDeliveredAsync(entry.Id, _clock.GetUtcNow(), Ct);
        await writer.UpsertAsync("msg:1", "ops", _clock.GetUtcNow(), "ChatOps", "hi", null, Ct);
        await gotAll.Task.WaitAsync(Patience);

        // Pub/sub handlers may run concurrently, so arrival order is not promised; the views only need each wake-up.
        Assert.Equal(new[] { "commit:7", $"delivered:{entry.Id}", "transcript:1:msg:1" }.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }
}
