using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;

namespace ChatOps.Testing.StoreContract;

/// <summary>Durable timers: scheduled in commits, claimed under a lease, completed once.</summary>
public abstract class TimerStoreContract(IStoreHost host) : StoreContractBase(host)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ClaimDue_ReturnsOnlyDueTimers_InDueOrder()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        await ScheduleAsync(store, 1, ("late", now.AddMinutes(5)), ("b", now.AddMinutes(-1)), ("a", now.AddMinutes(-2)), ("exact", now));

        var due = await store.Timers.ClaimDueAsync(now, "pump-1", Lease, 10, Ct);

        Assert.Equal(["a", "b", "exact"], due.Select(t => t.Key));
        Assert.Equal(now.AddMinutes(-2), due[0].DueAt);
        Assert.Equal(new IncidentId(1), due[0].Incident);
        Assert.Equal(4, await store.Timers.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task ClaimDue_RespectsMax()
    {
        var store = await OpenStoreAsync();
        var now = Clock.GetUtcNow();
        await ScheduleAsync(store, 1, ("a", now.AddSeconds(-3)), ("b", now.AddSeconds(-2)), ("c", now.AddSeconds(-1)));

        var first = await store.Timers.ClaimDueAsync(now, "pump", Lease, 2, Ct);
        var rest = await store.Timers.ClaimDueAsync(now, "pump", Lease, 2, Ct);

        Assert.Equal(["a", "b"], first.Select(t => t.Key));
        Assert.Equal(["c"], rest.Select(t => t.Key));
    }

    [Fact]
    public async Task ClaimDue_LeasedTimer_IsHiddenFromOthersUntilTheLeaseExpires()
    {
        var store = await OpenStoreAsync();
        await ScheduleAsync(store, 1, ("t", Clock.GetUtcNow()));
        Assert.Single(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump-1", Lease, 10, Ct));

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        var whileLeased = await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump-2", Lease, 10, Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump-2", Lease, 10, Ct);

        Assert.Empty(whileLeased);
        Assert.Equal("t", Assert.Single(afterExpiry).Key);
    }

    [Fact]
    public async Task CommitCompletingTheTimer_FiresItOnce()
    {
        var store = await OpenStoreAsync();
        var incident = await ScheduleAsync(store, 1, ("reminder", Clock.GetUtcNow()));
        var timer = Assert.Single(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct));

        var result = await store.Incidents.CommitAsync(CommitBuilder.Update(incident).WithEvent("reminder", "update due").Completing(timer).Build(), Ct);
        Clock.Advance(Lease * 2);

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        Assert.Empty(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct));
        Assert.Equal(0, await store.Timers.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task CommitCompletingTheTimer_ThatReschedulesTheSameKey_KeepsTheNextOne()
    {
        var store = await OpenStoreAsync();
        var incident = await ScheduleAsync(store, 1, ("reminder", Clock.GetUtcNow()));
        var timer = Assert.Single(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct));
        var next = Clock.GetUtcNow().AddMinutes(30);

        await store.Incidents.CommitAsync(CommitBuilder.Update(incident).Completing(timer).Schedule("reminder", next).Build(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(30));

        var due = Assert.Single(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "other-pump", Lease, 10, Ct));
        Assert.Equal(next, due.DueAt);
    }

    [Fact]
    public async Task CompletingAStaleTimer_LeavesTheRescheduledOne()
    {
        var store = await OpenStoreAsync();
        var incident = await ScheduleAsync(store, 1, ("reminder", Clock.GetUtcNow()));
        var timer = Assert.Single(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct));
        var later = Clock.GetUtcNow().AddHours(1);
        await store.Incidents.CommitAsync(CommitBuilder.Update(incident).Schedule("reminder", later).Build(), Ct);

        await store.Timers.CompleteAsync(timer, Ct);

        Assert.Equal(1, await store.Timers.CountPendingAsync(Ct));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(later, Assert.Single(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct)).DueAt);
    }

    [Fact]
    public async Task Complete_MatchingTimer_RemovesIt()
    {
        var store = await OpenStoreAsync();
        await ScheduleAsync(store, 1, ("reminder", Clock.GetUtcNow()));
        var timer = Assert.Single(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct));

        await store.Timers.CompleteAsync(timer, Ct);

        Assert.Equal(0, await store.Timers.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task TimerChangeWithoutDueTime_CancelsTheTimer()
    {
        var store = await OpenStoreAsync();
        var incident = await ScheduleAsync(store, 1, ("reminder", Clock.GetUtcNow().AddMinutes(5)), ("other", Clock.GetUtcNow().AddMinutes(5)));

        await store.Incidents.CommitAsync(CommitBuilder.Update(incident).Cancel("reminder").Build(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(["other"], (await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct)).Select(t => t.Key));
    }

    [Fact]
    public async Task Timers_SurviveReopen_AndAnExpiredLeaseIsClaimableAgain()
    {
        var store = await OpenStoreAsync();
        await ScheduleAsync(store, 1, ("claimed", Clock.GetUtcNow()), ("future", Clock.GetUtcNow().AddMinutes(10)));
        Assert.Single(await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "crashed-pump", Lease, 10, Ct));

        store = await ReopenAsync(store);
        Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(2, await store.Timers.CountPendingAsync(Ct));
        Assert.Equal(["claimed", "future"], (await store.Timers.ClaimDueAsync(Clock.GetUtcNow(), "new-pump", Lease, 10, Ct)).Select(t => t.Key));
    }

    private async Task<Incident> ScheduleAsync(IStoreUnderTest store, long number, params (string Key, DateTimeOffset Due)[] timers)
    {
        var builder = CommitBuilder.Create(new IncidentBuilder(number)).WithEvent("declared", "Declared");
        foreach (var (key, due) in timers) builder.Schedule(key, due);
        Assert.Equal(CommitOutcome.Committed, (await store.Incidents.CommitAsync(builder.Build(), Ct)).Outcome);
        return (await store.Incidents.GetAsync(new IncidentId(number), Ct))!;
    }
}
