using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;

namespace ChatOps.Testing.StoreContract;

/// <summary>Optimistic concurrency, idempotent commits and id allocation under racing writers.</summary>

public abstract class IncidentStoreConcurrencyContract(IStoreHost host) : StoreContractBase(host)
{
    [Fact]
    public async Task Commit_ManyWritersOnOneVersion_ExactlyOneWins()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));

        var outcomes = await RunTogether(20, i =>
            store.Incidents.CommitAsync(CommitBuilder.Update(created).WithEvent("note", $"writer {i}").Build(), Ct));

        Assert.Single(outcomes, r => r.Outcome == CommitOutcome.Committed);
        Assert.All(outcomes.Where(r => r.Outcome != CommitOutcome.Committed), r => Assert.Equal(CommitOutcome.VersionConflict, r.Outcome));
        Assert.Equal(2, (await store.Incidents.GetAsync(created.Id, Ct))!.Version);
        Assert.Equal([1L, 2L], (await store.Incidents.GetTimelineAsync(created.Id, Ct)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Commit_ConcurrentRetryingWriters_OneWinnerPerVersionAndTimelineWithoutGapsOrDuplicates()
    {
        const int writers = 8;
        const int commitsEach = 10;
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));

        var wins = await RunTogether(writers, async w =>
        {
            var versions = new List<long>();
            for (var n = 0; n < commitsEach;)
            {
                var current = (await store.Incidents.GetAsync(created.Id, Ct))!;
                var result = await store.Incidents.CommitAsync(CommitBuilder.Update(current).WithEvent("note", $"{w}/{n}").Build(), Ct);
                if (result.Outcome != CommitOutcome.Committed) continue;
                versions.Add(current.Version + 1);
                n++;
            }
            return versions;
        });

        var allVersions = wins.SelectMany(v => v).Order().ToList();
        Assert.Equal(Enumerable.Range(2, writers * commitsEach).Select(v => (long)v), allVersions);
        var timeline = await store.Incidents.GetTimelineAsync(created.Id, Ct);
        Assert.Equal(Enumerable.Range(1, 1 + (writers * commitsEach)).Select(s => (long)s), timeline.Select(e => e.Sequence));
        Assert.Equal(writers * commitsEach, timeline.Skip(1).Select(e => e.Text).Distinct().Count());
        Assert.Equal(1 + (writers * commitsEach), (await store.Incidents.GetAsync(created.Id, Ct))!.Version);
    }

    [Fact]
    public async Task Commit_DuplicateKey_ChangesNothingAndReturnsTheFirstResult()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));
        var first = CommitBuilder.Update(created).WithKey("delivery-1").WithResult("""{"first":true}""").WithEvent("note", "once").Build();
        Assert.Equal(CommitOutcome.Committed, (await store.Incidents.CommitAsync(first, Ct)).Outcome);
        var afterFirst = await store.Incidents.GetAsync(created.Id, Ct);

        // A redelivery decided on the newer state still must not apply twice.
        var again = CommitBuilder.Update(afterFirst!, i => i with { Title = "Changed" })
            .WithKey("delivery-1").WithResult("""{"first":false}""").WithEvent("note", "twice")
            .Schedule("t", Clock.GetUtcNow()).Build();
        var result = await store.Incidents.CommitAsync(again, Ct);

        Assert.Equal(CommitOutcome.Duplicate, result.Outcome);
        Assert.Equal("""{"first":true}""", result.PriorResultJson);
        Assert.Equal("""{"first":true}""", await store.Incidents.FindResultAsync("delivery-1", Ct));
        AssertSameSnapshot(afterFirst!, await store.Incidents.GetAsync(created.Id, Ct));
        Assert.Equal(2, (await store.Incidents.GetTimelineAsync(created.Id, Ct)).Count);
        Assert.Equal(0, await store.Timers.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task Commit_ConcurrentDuplicateDeliveries_ApplyOnce()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));

        var outcomes = await RunTogether(10, i =>
            store.Incidents.CommitAsync(CommitBuilder.Update(created).WithKey("same").WithResult($"{{\"n\":{i}}}").WithEvent("note", "x").Build(), Ct));

        var winner = Assert.Single(outcomes, r => r.Outcome == CommitOutcome.Committed);
        var stored = await store.Incidents.FindResultAsync("same", Ct);
        Assert.All(outcomes.Where(r => r != winner), r =>
        {
            Assert.Equal(CommitOutcome.Duplicate, r.Outcome);
            Assert.Equal(stored, r.PriorResultJson);
        });
        Assert.Equal(2, (await store.Incidents.GetTimelineAsync(created.Id, Ct)).Count);
    }

    [Fact]
    public async Task AllocateId_UnderConcurrency_NeverRepeatsAndKeepsGrowingAfterReopen()
    {
        var store = await OpenStoreAsync();

        var ids = (await RunTogether(8, async _ =>
        {
            var mine = new List<IncidentId>();
            for (var i = 0; i < 25; i++) mine.Add(await store.Incidents.AllocateIdAsync(Ct));
            return mine;
        })).SelectMany(x => x).ToList();
        store = await ReopenAsync(store);
        var afterRestart = await store.Incidents.AllocateIdAsync(Ct);

        Assert.Equal(200, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id.Number > 0));
        Assert.True(afterRestart.Number > ids.Max(id => id.Number));
    }
}
