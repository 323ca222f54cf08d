using ChatOps.Bot.Delivery;
using ChatOps.Core.Ports;
using ChatOps.Stores.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Delivery;

/// <summary>Two replicas' outbox pumps on one store: one delivers per slot, and the other does not keep asking.</summary>
public sealed class DeliveryLeadershipTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"chatops-leadership-{Guid.NewGuid():N}.db");
    private SqliteStore _store = null!;
    private CountingClaims _claims = null!;
    private CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task OneReplicaLeadsEachSlot_TheOtherAsksOncePerSlot()
    {
        var a = Leadership();
        var b = Leadership();

        Assert.True(await a.LeadsAsync(_clock.GetUtcNow(), Ct));
        Assert.False(await b.LeadsAsync(_clock.GetUtcNow(), Ct));
        _clock.Advance(Lease / 2);
        Assert.True(await a.LeadsAsync(_clock.GetUtcNow(), Ct));
        Assert.False(await b.LeadsAsync(_clock.GetUtcNow(), Ct));
        Assert.Equal(2, _claims.Calls); // one claim per replica for the whole slot

        _clock.Advance(Lease); // the next slot: whoever asks first leads it, say B (A might have died)
        Assert.True(await b.LeadsAsync(_clock.GetUtcNow(), Ct));
        Assert.False(await a.LeadsAsync(_clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task AReplicaAlone_LeadsEverySlot()
    {
        var alone = Leadership();

        for (var slot = 0; slot < 4; slot++)
        {
            Assert.True(await alone.LeadsAsync(_clock.GetUtcNow(), Ct));
            _clock.Advance(Lease);
        }
    }

    private DeliveryLeadership Leadership() =>
        new(_claims, Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { Lease = Lease }));

    public Task InitializeAsync()
    {
        _store = SqliteStoreFactory.Open(new SqliteStoreOptions { Path = _path }, _clock);
        _claims = new CountingClaims(_store);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*")) File.Delete(file);
    }

    private sealed class CountingClaims(IIdempotencyClaims inner) : IIdempotencyClaims
    {
        public int Calls { get; private set; }

        public Task<bool> TryClaimAsync(string key, DateTimeOffset now, TimeSpan ttl, CancellationToken ct)
        {
            Calls++;
            return inner.TryClaimAsync(key, now, ttl, ct);
        }
    }
}
