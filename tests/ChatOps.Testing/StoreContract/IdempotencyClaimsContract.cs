using ChatOps.Testing.Builders;

namespace ChatOps.Testing.StoreContract;

/// <summary>First-wins claims that adapters use to drop redeliveries.</summary>
public abstract class IdempotencyClaimsContract(IStoreHost host) : StoreContractBase(host)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task TryClaim_FirstWins_RepeatsWithinTtlLose()
    {
        var store = await OpenStoreAsync();

        var first = await store.Claims.TryClaimAsync("slack:Ev1", Clock.GetUtcNow(), Ttl, Ct);
        Clock.Advance(Ttl - TimeSpan.FromSeconds(1));
        var repeat = await store.Claims.TryClaimAsync("slack:Ev1", Clock.GetUtcNow(), Ttl, Ct);
        var other = await store.Claims.TryClaimAsync("slack:Ev2", Clock.GetUtcNow(), Ttl, Ct);

        Assert.True(first);
        Assert.False(repeat);
        Assert.True(other);
    }

    [Fact]
    public async Task TryClaim_AfterTtl_WinsAgainOnce()
    {
        var store = await OpenStoreAsync();
        Assert.True(await store.Claims.TryClaimAsync("k", Clock.GetUtcNow(), Ttl, Ct));

        Clock.Advance(Ttl);
        var afterTtl = await store.Claims.TryClaimAsync("k", Clock.GetUtcNow(), Ttl, Ct);
        var repeat = await store.Claims.TryClaimAsync("k", Clock.GetUtcNow(), Ttl, Ct);

        Assert.True(afterTtl);
        Assert.False(repeat);
    }

    [Fact]
    public async Task TryClaim_Concurrently_ExactlyOneWins()
    {
        var store = await OpenStoreAsync();

        var results = await RunTogether(16, _ => store.Claims.TryClaimAsync("teams:activity-9", Clock.GetUtcNow(), Ttl, Ct));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task TryClaim_SameKeyAsACommand_DoesNotTouchTheCommandsResult()
    {
        // An adapter may claim a delivery id and then dispatch the command under that same key.
        var store = await OpenStoreAsync();
        Assert.True(await store.Claims.TryClaimAsync("delivery-7", Clock.GetUtcNow(), Ttl, Ct));

        var commit = await store.Incidents.CommitAsync(
            CommitBuilder.Create(new IncidentBuilder(1)).WithKey("delivery-7").WithResult("""{"ok":true}""").Build(), Ct);

        Assert.Equal(Core.Ports.CommitOutcome.Committed, commit.Outcome);
        Assert.Equal("""{"ok":true}""", await store.Incidents.FindResultAsync("delivery-7", Ct));
        Assert.False(await store.Claims.TryClaimAsync("delivery-7", Clock.GetUtcNow(), Ttl, Ct));
    }

    [Fact]
    public async Task TryClaim_SurvivesReopen()
    {
        var store = await OpenStoreAsync();
        Assert.True(await store.Claims.TryClaimAsync("k", Clock.GetUtcNow(), Ttl, Ct));

        store = await ReopenAsync(store);

        Assert.False(await store.Claims.TryClaimAsync("k", Clock.GetUtcNow(), Ttl, Ct));
    }
}
