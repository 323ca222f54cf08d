using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;

namespace ChatOps.Testing.StoreContract;

/// <summary>Snapshots, timelines and the atomic commit.</summary>
public abstract class IncidentStoreContract(IStoreHost host) : StoreContractBase(host)
{
    [Fact]
    public async Task Commit_NewIncident_RoundTripsSnapshotAndNumbersTimelineFromOne()
    {
        var store = await OpenStoreAsync();
        var incident = new IncidentBuilder(7).Detailed().Build();
        var commit = CommitBuilder.Create(incident)
            .WithEvent("declared", "Declared SEV2", IncidentBuilder.Alice, "api")
            .At(incident.DeclaredAt.AddTicks(1234567))
            .WithEvent("role", "Bob is incident commander", IncidentBuilder.Bob)
            .WithEvent("note", "Looking at the dashboards")
            .Build();

        var result = await store.Incidents.CommitAsync(commit, Ct);

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        AssertSameSnapshot(incident with { Version = 1 }, await store.Incidents.GetAsync(incident.Id, Ct));
        var timeline = await store.Incidents.GetTimelineAsync(incident.Id, Ct);
        Assert.Equal([1L, 2L, 3L], timeline.Select(e => e.Sequence));
        Assert.Equal(commit.Events.Select((e, i) => e with { Sequence = i + 1 }), timeline);
    }

    [Fact]
    public async Task Commit_OnExistingIncident_StoresNewVersionAndNumbersEventsAfterTheLast()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));

        var result = await store.Incidents.CommitAsync(
            CommitBuilder.Update(created, i => i with { Status = IncidentStatus.Investigating })
                .WithEvent("ack", "Acknowledged").WithEvent("status", "Investigating").Build(), Ct);

        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        var stored = await store.Incidents.GetAsync(created.Id, Ct);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(IncidentStatus.Investigating, stored.Status);
        var timeline = await store.Incidents.GetTimelineAsync(created.Id, Ct);
        Assert.Equal(["declared", "ack", "status"], timeline.Select(e => e.Kind));
        Assert.Equal([1L, 2L, 3L], timeline.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Commit_WithStaleExpectedVersion_IsConflictAndWritesNothingAtAll()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));
        Assert.Equal(CommitOutcome.Committed, (await store.Incidents.CommitAsync(CommitBuilder.Update(created).WithEvent("note", "first").Build(), Ct)).Outcome);
        var outboxBefore = await store.Outbox.CountPendingAsync(Ct);

        var stale = CommitBuilder.Update(created, i => i with { Title = "Stale" })
            .WithEvent("note", "stale").WithMessage(MessageKind.Notice, "ops", "stale")
            .Schedule("stale-timer", Clock.GetUtcNow()).WithKey("stale-key").Build();
        var result = await store.Incidents.CommitAsync(stale, Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        var stored = await store.Incidents.GetAsync(created.Id, Ct);
        Assert.Equal(2, stored!.Version);
        Assert.NotEqual("Stale", stored.Title);
        Assert.Equal(["declared", "note"], (await store.Incidents.GetTimelineAsync(created.Id, Ct)).Select(e => e.Kind));
        Assert.Equal(outboxBefore, await store.Outbox.CountPendingAsync(Ct));
        Assert.Equal(0, await store.Timers.CountPendingAsync(Ct));
        Assert.Null(await store.Incidents.FindResultAsync("stale-key", Ct));
    }

    [Fact]
    public async Task GetForCommand_GivesTheSnapshotAndThePriorResultOfTheKey()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));
        var update = CommitBuilder.Update(created, i => i with { Status = IncidentStatus.Investigating }).WithEvent("ack", "Acknowledged").WithKey("ack-key").Build();
        Assert.Equal(CommitOutcome.Committed, (await store.Incidents.CommitAsync(update, Ct)).Outcome);

        var fresh = await store.Incidents.GetForCommandAsync(created.Id, "new-key", Ct);
        var redelivered = await store.Incidents.GetForCommandAsync(created.Id, "ack-key", Ct);
        var unknown = await store.Incidents.GetForCommandAsync(new IncidentId(99), "other-key", Ct);

        Assert.Equal(2, fresh.Incident!.Version);
        Assert.Equal(IncidentStatus.Investigating, fresh.Incident.Status);
        Assert.Null(fresh.PriorResultJson);
        Assert.Equal(await store.Incidents.FindResultAsync("ack-key", Ct), redelivered.PriorResultJson);
        Assert.NotNull(redelivered.PriorResultJson);
        Assert.Equal(2, redelivered.Incident!.Version);
        Assert.Equal(new CommandState(null, null), unknown);
    }

    [Fact]
    public async Task Commit_NewIncidentWhoseNumberIsTaken_IsConflictAndKeepsTheFirst()
    {
        var store = await OpenStoreAsync();
        var first = await CreateIncidentAsync(store, new IncidentBuilder(3).WithTitle("First"));

        var result = await store.Incidents.CommitAsync(
            CommitBuilder.Create(new IncidentBuilder(3).WithTitle("Second")).WithEvent("declared", "again").Build(), Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        AssertSameSnapshot(first, await store.Incidents.GetAsync(first.Id, Ct));
        Assert.Single(await store.Incidents.GetTimelineAsync(first.Id, Ct));
    }

    [Fact]
    public async Task Commit_RetriedKeyAfterConflict_CommitsOnTheFreshVersion()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));
        await store.Incidents.CommitAsync(CommitBuilder.Update(created).WithEvent("note", "winner").Build(), Ct);

        var conflict = await store.Incidents.CommitAsync(CommitBuilder.Update(created).WithKey("k").WithEvent("note", "loser").Build(), Ct);
        var current = await store.Incidents.GetAsync(created.Id, Ct);
        var retry = await store.Incidents.CommitAsync(CommitBuilder.Update(current!).WithKey("k").WithEvent("note", "retried").Build(), Ct);

        Assert.Equal(CommitOutcome.VersionConflict, conflict.Outcome);
        Assert.Equal(CommitOutcome.Committed, retry.Outcome);
        Assert.Equal(["Declared", "winner", "retried"], (await store.Incidents.GetTimelineAsync(created.Id, Ct)).Select(e => e.Text));
    }

    [Fact]
    public async Task GetAndTimeline_UnknownIncident_AreNullAndEmpty()
    {
        var store = await OpenStoreAsync();

        Assert.Null(await store.Incidents.GetAsync(new IncidentId(404), Ct));
        Assert.Empty(await store.Incidents.GetTimelineAsync(new IncidentId(404), Ct));
    }

    [Fact]
    public async Task Commit_SurvivesReopen()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(5).Detailed());

        store = await ReopenAsync(store);

        AssertSameSnapshot(created, await store.Incidents.GetAsync(created.Id, Ct));
        Assert.Single(await store.Incidents.GetTimelineAsync(created.Id, Ct));
    }
}
