using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using ChatOps.Testing.Redis;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>Two replicas on one Redis: what a dead replica had claimed is taken over by the survivor once its lease ends.</summary>
public sealed class RedisLeaseTakeoverTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RedisTestStore _state = new(redis);
    private readonly List<RedisStore> _opened = [];
    private CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Timer_ClaimedByADeadReplica_IsTakenOverByTheSurvivorAfterTheLease()
    {
        var dying = Open();
        var survivor = Open();
        await survivor.CommitAsync(CommitBuilder.Create(new IncidentBuilder(1)).Schedule("reminder", _clock.GetUtcNow()).Build(), Ct);
        var claimedByDying = await dying.ClaimDueAsync(_clock.GetUtcNow(), "replica-a", Lease, 10, Ct);
        await dying.DisposeAsync();

        var duringLease = await survivor.ClaimDueAsync(_clock.GetUtcNow() + Lease - TimeSpan.FromTicks(1), "replica-b", Lease, 10, Ct);
        _clock.Advance(Lease);
        var afterLease = await survivor.ClaimDueAsync(_clock.GetUtcNow(), "replica-b", Lease, 10, Ct);
        var third = await Open().ClaimDueAsync(_clock.GetUtcNow(), "replica-c", Lease, 10, Ct);

        Assert.Equal("reminder", Assert.Single(claimedByDying).Key);
        Assert.Empty(duringLease);
        Assert.Equal(claimedByDying, afterLease);
        Assert.Empty(third);
    }

    [Fact]
    public async Task Outbox_ClaimedByADeadReplica_IsRedeliveredByTheSurvivorInChannelOrder()
    {
        var dying = Open();
        var survivor = Open();
        await survivor.CommitAsync(CommitBuilder.Create(new IncidentBuilder(1))
            .WithMessage(MessageKind.Notice, "ops", "first").WithMessage(MessageKind.Notice, "ops", "second").Build(), Ct);
        var claimedByDying = await ((IOutboxStore)dying).ClaimAsync(_clock.GetUtcNow(), "replica-a", Lease, 1, Ct);
        await dying.DisposeAsync();

        var duringLease = await ((IOutboxStore)survivor).ClaimAsync(_clock.GetUtcNow(), "replica-b", Lease, 10, Ct);
        _clock.Advance(Lease);
        var afterLease = await ((IOutboxStore)survivor).ClaimAsync(_clock.GetUtcNow(), "replica-b", Lease, 10, Ct);

        Assert.Equal(["first"], claimedByDying.Select(e => e.Message!.Text));
        Assert.Empty(duringLease);
        Assert.Equal(["first", "second"], afterLease.Select(e => e.Message!.Text));
        Assert.Equal(claimedByDying[0].Id, afterLease[0].Id);
    }

    [Fact]
    public async Task Outbox_ReplicasClaimingTogether_DeliverEachMessageExactlyOnce()
    {
        var replicas = Enumerable.Range(0, 4).Select(_ => Open()).ToList();
        var builder = CommitBuilder.Create(new IncidentBuilder(1));
        for (var i = 0; i < 60; i++) builder.WithMessage(MessageKind.Notice, $"c{i % 12}", $"m{i}");
        await replicas[0].CommitAsync(builder.Build(), Ct);

        var delivered = await Task.WhenAll(replicas.Select((replica, r) => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var batch = await ((IOutboxStore)replica).ClaimAsync(_clock.GetUtcNow(), $"replica-{r}", Lease, 3, Ct);
                if (batch.Count == 0 && await ((IOutboxStore)replica).CountPendingAsync(Ct) == 0) return mine;
                foreach (var entry in batch)
                {
                    mine.Add(entry.Message!.Text);
                    await replica.MarkDeliveredAsync(entry.Id, _clock.GetUtcNow(), Ct);
                }
            }
        })));

        var all = delivered.SelectMany(d => d).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
    }

    private RedisStore Open()
    {
        var store = _state.Open(_clock);
        _opened.Add(store);
        return store;
    }
}
