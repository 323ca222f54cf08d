using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;

namespace ChatOps.Testing.StoreContract;

/// <summary>Finding incidents by channel and listing them.</summary>
public abstract class IncidentQueryContract(IStoreHost host) : StoreContractBase(host)
{
    [Fact]
    public async Task FindByChannel_IncidentChannel_FindsItsIncidentOnly()
    {
        var store = await OpenStoreAsync();
        await CreateIncidentAsync(store, new IncidentBuilder(1).WithChannel("inc-1-db"));
        await CreateIncidentAsync(store, new IncidentBuilder(2).WithChannel("inc-2-web"));

        Assert.Equal(new IncidentId(2), await store.Incidents.FindByChannelAsync("inc-2-web", Ct));
        Assert.Null(await store.Incidents.FindByChannelAsync("ops", Ct));
        Assert.Null(await store.Incidents.FindByChannelAsync("inc-3", Ct));
    }

    [Fact]
    public async Task List_OrdersById_AndFiltersOpenOnlyAndService()
    {
        var store = await OpenStoreAsync();
        await CreateIncidentAsync(store, new IncidentBuilder(3).WithService("payments"));
        await CreateIncidentAsync(store, new IncidentBuilder(1).WithService("search"));
        await CreateIncidentAsync(store, new IncidentBuilder(2).WithService("payments").WithStatus(IncidentStatus.Resolved));
        await CreateIncidentAsync(store, new IncidentBuilder(4).WithService("payments").WithStatus(IncidentStatus.HandedOff));

        var all = await store.Incidents.ListAsync(new IncidentQuery(), Ct);
        var open = await store.Incidents.ListAsync(new IncidentQuery(OpenOnly: true), Ct);
        var payments = await store.Incidents.ListAsync(new IncidentQuery(Service: "payments"), Ct);
        var openPayments = await store.Incidents.ListAsync(new IncidentQuery(OpenOnly: true, Service: "payments"), Ct);
        var limited = await store.Incidents.ListAsync(new IncidentQuery(Limit: 2), Ct);

        Assert.Equal([1L, 2L, 3L, 4L], all.Select(i => i.Id.Number));
        Assert.Equal([1L, 3L, 4L], open.Select(i => i.Id.Number));
        Assert.Equal([2L, 3L, 4L], payments.Select(i => i.Id.Number));
        Assert.Equal([3L, 4L], openPayments.Select(i => i.Id.Number));
        Assert.Equal([1L, 2L], limited.Select(i => i.Id.Number));
    }

    [Fact]
    public async Task List_OpenOnly_FollowsTheLatestCommittedStatus()
    {
        var store = await OpenStoreAsync();
        var created = await CreateIncidentAsync(store, new IncidentBuilder(1));
        Assert.Single(await store.Incidents.ListAsync(new IncidentQuery(OpenOnly: true), Ct));

        await store.Incidents.CommitAsync(CommitBuilder.Update(created, i => i with { Status = IncidentStatus.Resolved }).WithEvent("resolve", "fixed").Build(), Ct);

        Assert.Empty(await store.Incidents.ListAsync(new IncidentQuery(OpenOnly: true), Ct));
        Assert.Equal(IncidentStatus.Resolved, Assert.Single(await store.Incidents.ListAsync(new IncidentQuery(), Ct)).Status);
    }
}
