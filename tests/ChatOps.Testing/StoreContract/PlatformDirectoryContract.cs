namespace ChatOps.Testing.StoreContract;

/// <summary>Neutral channel and message names to platform ids, per surface, durable.</summary>
public abstract class PlatformDirectoryContract(IStoreHost host) : StoreContractBase(host)
{
    private async Task<IAdapterStoreUnderTest> OpenAdapterStoreAsync() => (IAdapterStoreUnderTest)await OpenStoreAsync();

    [Fact]
    public async Task BindChannel_IsFoundBothWays_PerSurface()
    {
        var store = await OpenAdapterStoreAsync();

        await store.Directory.BindChannelAsync("slack", "inc-7-db-down", "C07", Ct);

        Assert.Equal("C07", await store.Directory.FindPlatformChannelAsync("slack", "inc-7-db-down", Ct));
        Assert.Equal("inc-7-db-down", await store.Directory.FindChannelAsync("slack", "C07", Ct));
        Assert.Null(await store.Directory.FindPlatformChannelAsync("teams", "inc-7-db-down", Ct));
        Assert.Null(await store.Directory.FindChannelAsync("slack", "C08", Ct));
    }

    [Fact]
    public async Task BindAgain_ReplacesThePlatformId()
    {
        var store = await OpenAdapterStoreAsync();

        await store.Directory.BindChannelAsync("slack", "inc-7", "C07", Ct);
        await store.Directory.BindChannelAsync("slack", "inc-7", "C99", Ct);
        await store.Directory.BindMessageAsync("slack", "status:INC-7:inc-7", "1700000000.000100", Ct);
        await store.Directory.BindMessageAsync("slack", "status:INC-7:inc-7", "1700000000.000200", Ct);

        Assert.Equal("C99", await store.Directory.FindPlatformChannelAsync("slack", "inc-7", Ct));
        Assert.Equal("1700000000.000200", await store.Directory.FindPlatformMessageAsync("slack", "status:INC-7:inc-7", Ct));
        Assert.Null(await store.Directory.FindPlatformMessageAsync("teams", "status:INC-7:inc-7", Ct));
    }

    [Fact]
    public async Task Bindings_SurviveReopen()
    {
        var store = await OpenAdapterStoreAsync();
        await store.Directory.BindChannelAsync("teams", "payments-stakeholders", "{\"conversation\":\"19:abc\"}", Ct);
        await store.Directory.BindMessageAsync("teams", "msg:4", "activity-4", Ct);

        store = (IAdapterStoreUnderTest)await ReopenAsync(store);

        Assert.Equal("{\"conversation\":\"19:abc\"}", await store.Directory.FindPlatformChannelAsync("teams", "payments-stakeholders", Ct));
        Assert.Equal("activity-4", await store.Directory.FindPlatformMessageAsync("teams", "msg:4", Ct));
    }
}
