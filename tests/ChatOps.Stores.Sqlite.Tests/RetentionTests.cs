using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Sqlite.Tests;

/// <summary>The sweep deletes only what served delivery or dedupe and can no longer matter.</summary>
public sealed class RetentionTests : IDisposable
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(7);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Prune_DeletesOnlyMessagesDeliveredBeforeTheCutoff()
    {
        await using var store = _db.Open(_clock);
        IOutboxStore outbox = store;
        await store.CommitAsync(CommitBuilder.Create(new IncidentBuilder(1))
            .WithMessage(MessageKind.StatusCard, "ops", "old").WithMessage(MessageKind.StatusCard, "ops", "recent")
            .WithMessage(MessageKind.StatusCard, "ops", "pending").Build(), CancellationToken.None);
        var claimed = await outbox.ClaimAsync(_clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 10, CancellationToken.None);
        await outbox.MarkDeliveredAsync(claimed[0].Id, _clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(6));
        await outbox.MarkDeliveredAsync(claimed[1].Id, _clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(2));

        var deleted = await store.PruneAsync(_clock.GetUtcNow(), _clock.GetUtcNow() - Keep, 100, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal([claimed[1].Id, claimed[2].Id], Ids("outbox"));
        Assert.Equal(1, await outbox.CountPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Prune_KeepsFinishedInboundInsideTheDedupeWindow_SoARedeliveryIsStillRefused()
    {
        await using var store = _db.Open(_clock);
        IInboundQueue inbound = store;
        await inbound.EnqueueAsync("slack", "Ev1", "{}", _clock.GetUtcNow(), CancellationToken.None);
        var item = (await inbound.ClaimAsync(_clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 1, CancellationToken.None)).Single();
        await inbound.CompleteAsync(item.Id, _clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        // A cutoff in the future (keep nothing) still leaves the dedupe window alone.
        await store.PruneAsync(_clock.GetUtcNow(), _clock.GetUtcNow() + TimeSpan.FromDays(1), 100, CancellationToken.None);

        Assert.False(await inbound.EnqueueAsync("slack", "Ev1", "{}", _clock.GetUtcNow(), CancellationToken.None));
        _clock.Advance(IInboundQueue.DedupeWindow * 2);
        Assert.Equal(1, await store.PruneAsync(_clock.GetUtcNow(), _clock.GetUtcNow(), 100, CancellationToken.None));
        Assert.Empty(Ids("inbound"));
    }

    [Fact]
    public async Task Prune_KeepsUnfinishedInboundWhateverItsAge()
    {
        await using var store = _db.Open(_clock);
        IInboundQueue inbound = store;
        await inbound.EnqueueAsync("teams", "a1", "{}", _clock.GetUtcNow(), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await store.PruneAsync(_clock.GetUtcNow(), _clock.GetUtcNow() - Keep, 100, CancellationToken.None));
        Assert.Single(await inbound.ClaimAsync(_clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Prune_DeletesExpiredClaimsAndKeepsLiveOnes()
    {
        await using var store = _db.Open(_clock);
        await store.TryClaimAsync("short", _clock.GetUtcNow(), TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.TryClaimAsync("long", _clock.GetUtcNow(), TimeSpan.FromHours(1), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await store.PruneAsync(_clock.GetUtcNow(), _clock.GetUtcNow() - Keep, 100, CancellationToken.None));
        Assert.False(await store.TryClaimAsync("long", _clock.GetUtcNow(), TimeSpan.FromHours(1), CancellationToken.None));
        Assert.True(await store.TryClaimAsync("short", _clock.GetUtcNow(), TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task Prune_DeletesAtMostTheGivenRowsPerTable_AndTheRestOnTheNextCall()
    {
        await using var store = _db.Open(_clock);
        IOutboxStore outbox = store;
        var commit = CommitBuilder.Create(new IncidentBuilder(1));
        for (var i = 0; i < 5; i++) commit.WithMessage(MessageKind.Notice, "ops", $"m{i}");
        await store.CommitAsync(commit.Build(), CancellationToken.None);
        foreach (var entry in await outbox.ClaimAsync(_clock.GetUtcNow(), "me", TimeSpan.FromMinutes(1), 10, CancellationToken.None))
        {
            await outbox.MarkDeliveredAsync(entry.Id, _clock.GetUtcNow(), CancellationToken.None);
        }
        _clock.Advance(TimeSpan.FromDays(8));
        var cutoff = _clock.GetUtcNow() - Keep;

        Assert.Equal(3, await store.PruneAsync(_clock.GetUtcNow(), cutoff, 3, CancellationToken.None));
        Assert.Equal(2, await store.PruneAsync(_clock.GetUtcNow(), cutoff, 3, CancellationToken.None));
        Assert.Empty(Ids("outbox"));
    }

    [Fact]
    public async Task Prune_NeverTouchesIncidentsOrTheirIdempotencyResults()
    {
        await using var store = _db.Open(_clock);
        var commit = CommitBuilder.Create(new IncidentBuilder(1)).WithKey("cmd-1").WithEvent("declared", "d").Build();
        await store.CommitAsync(commit, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(400));

        await store.PruneAsync(_clock.GetUtcNow(), _clock.GetUtcNow(), 100, CancellationToken.None);

        Assert.NotNull(await store.GetAsync(new(1), CancellationToken.None));
        Assert.Equal(CommitOutcome.Duplicate, (await store.CommitAsync(commit, CancellationToken.None)).Outcome);
    }

    private List<long> Ids(string table)
    {
        using var connection = new SqliteConnection($"Data Source={_db.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id FROM {table} ORDER BY id";
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    public void Dispose() => _db.Delete();
}
