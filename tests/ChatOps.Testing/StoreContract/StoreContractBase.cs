using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Testing.StoreContract;

/// <summary>
/// The shared contract every store implementation passes. A store's test project supplies an <see cref="IStoreHost"/>;
/// opening again after disposing the previous store must see the same durable state (a restart).
/// </summary>
public abstract class StoreContractBase(IStoreHost host) : IAsyncLifetime
{
    private readonly List<IStoreUnderTest> _opened = [];

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected CancellationToken Ct => CancellationToken.None;

    protected async Task<IStoreUnderTest> OpenStoreAsync()
    {
        var store = await host.OpenAsync(Clock);
        _opened.Add(store);
        return store;
    }

    /// <summary>Disposes <paramref name="store"/> and opens the same state again, as a restarted process would.</summary>
    protected async Task<IStoreUnderTest> ReopenAsync(IStoreUnderTest store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _opened.Remove(store);
        await store.DisposeAsync();
        return await OpenStoreAsync();
    }

    /// <summary>Creates incident <paramref name="number"/> with one event; returns the stored snapshot.</summary>
    protected async Task<Incident> CreateIncidentAsync(IStoreUnderTest store, IncidentBuilder incident)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(incident);
        var commit = CommitBuilder.Create(incident).WithEvent("declared", "Declared").Build();
        var result = await store.Incidents.CommitAsync(commit, Ct);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        return (await store.Incidents.GetAsync(incident.Build().Id, Ct))!;
    }

    protected static void AssertSameSnapshot(Incident expected, Incident? actual)
    {
        Assert.NotNull(actual);
        // Records compare immutable collections by reference, so compare the one JSON shape instead.
        Assert.Equal(IncidentJson.Serialize(expected), IncidentJson.Serialize(actual));
    }

    /// <summary>Starts <paramref name="count"/> workers on the thread pool at the same moment and waits for all of them.</summary>
    protected static async Task<T[]> RunTogether<T>(int count, Func<int, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await work(i);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
        _opened.Clear();
        await host.DeleteStateAsync();
    }
}
