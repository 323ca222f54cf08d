using ChatOps.Core.Ports;

namespace ChatOps.Testing.StoreContract;

/// <summary>A store that also holds the adapters' ports (durable inbox, platform directory).</summary>
public interface IAdapterStoreUnderTest : IStoreUnderTest
{
    IInboundQueue Inbound { get; }
    IPlatformDirectory Directory { get; }
}

/// <summary>Adapts a store class that implements the five core ports and the two adapter ports.</summary>
public sealed class AdapterStoreUnderTest<TStore>(TStore store) : IAdapterStoreUnderTest
    where TStore : IIncidentStore, ITimerStore, IOutboxStore, IIdempotencyClaims, IConsoleTranscript, IInboundQueue, IPlatformDirectory, IAsyncDisposable
{
    public IIncidentStore Incidents => store;
    public ITimerStore Timers => store;
    public IOutboxStore Outbox => store;
    public IIdempotencyClaims Claims => store;
    public IConsoleTranscript Transcript => store;
    public IInboundQueue Inbound => store;
    public IPlatformDirectory Directory => store;

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
