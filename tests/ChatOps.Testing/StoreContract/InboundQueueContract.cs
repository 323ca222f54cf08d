namespace ChatOps.Testing.StoreContract;

/// <summary>The adapters' durable inbox: record once, claim in arrival order under a lease, retry, complete.</summary>
public abstract class InboundQueueContract(IStoreHost host) : StoreContractBase(host)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private async Task<IAdapterStoreUnderTest> OpenAdapterStoreAsync() => (IAdapterStoreUnderTest)await OpenStoreAsync();

    [Fact]
    public async Task Enqueue_SameSurfaceAndKeyTwice_RecordsOnce()
    {
        var store = await OpenAdapterStoreAsync();

        var first = await store.Inbound.EnqueueAsync("slack", "Ev1", "{\"a\":1}", Clock.GetUtcNow(), Ct);
        var repeat = await store.Inbound.EnqueueAsync("slack", "Ev1", "{\"a\":2}", Clock.GetUtcNow(), Ct);
        var otherSurface = await store.Inbound.EnqueueAsync("teams", "Ev1", "{}", Clock.GetUtcNow(), Ct);

        Assert.True(first);
        Assert.False(repeat);
        Assert.True(otherSurface);
        var claimed = await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "a", Lease, 10, Ct);
        Assert.Equal(2, claimed.Count);
        Assert.Equal("{\"a\":1}", claimed[0].Payload);
    }

    [Fact]
    public async Task Claim_InArrivalOrder_AndLeasedItemsAreNotClaimedTwice()
    {
        var store = await OpenAdapterStoreAsync();
        foreach (var key in new[] { "k1", "k2", "k3" }) await store.Inbound.EnqueueAsync("slack", key, key, Clock.GetUtcNow(), Ct);

        var first = await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "a", Lease, 2, Ct);
        var second = await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "b", Lease, 10, Ct);

        Assert.Equal(["k1", "k2"], first.Select(i => i.DedupeKey));
        Assert.Equal(["k3"], second.Select(i => i.DedupeKey));
        Assert.All(first, i => Assert.Equal(1, i.Attempts));
    }

    [Fact]
    public async Task Claim_AfterTheLeaseExpires_TakesOverAnUnfinishedItem()
    {
        var store = await OpenAdapterStoreAsync();
        await store.Inbound.EnqueueAsync("teams", "act-1", "x", Clock.GetUtcNow(), Ct);
        Assert.Single(await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "dead-replica", Lease, 10, Ct));

        Clock.Advance(Lease);
        var takenOver = await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "survivor", Lease, 10, Ct);

        var item = Assert.Single(takenOver);
        Assert.Equal(2, item.Attempts);
    }

    [Fact]
    public async Task Complete_RemovesTheItem_AndItsKeyStillDedupes()
    {
        var store = await OpenAdapterStoreAsync();
        await store.Inbound.EnqueueAsync("slack", "k", "x", Clock.GetUtcNow(), Ct);
        var item = Assert.Single(await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "a", Lease, 10, Ct));

        await store.Inbound.CompleteAsync(item.Id, Clock.GetUtcNow(), Ct);
        Clock.Advance(Lease * 2);

        Assert.Empty(await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "a", Lease, 10, Ct));
        Assert.False(await store.Inbound.EnqueueAsync("slack", "k", "x", Clock.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task RetryLater_WaitsUntilTheNextAttempt()
    {
        var store = await OpenAdapterStoreAsync();
        await store.Inbound.EnqueueAsync("slack", "k", "x", Clock.GetUtcNow(), Ct);
        var item = Assert.Single(await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "a", Lease, 10, Ct));

        await store.Inbound.RetryLaterAsync(item.Id, Clock.GetUtcNow().AddSeconds(5), "boom", Ct);

        Assert.Empty(await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "a", Lease, 10, Ct));
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "a", Lease, 10, Ct));
    }

    [Fact]
    public async Task PendingItems_SurviveReopen()
    {
        var store = await OpenAdapterStoreAsync();
        await store.Inbound.EnqueueAsync("slack", "k", "payload", Clock.GetUtcNow(), Ct);

        store = (IAdapterStoreUnderTest)await ReopenAsync(store);

        var item = Assert.Single(await store.Inbound.ClaimAsync(Clock.GetUtcNow(), "a", Lease, 10, Ct));
        Assert.Equal("payload", item.Payload);
        Assert.Equal(Clock.GetUtcNow(), item.ReceivedAt);
    }
}
