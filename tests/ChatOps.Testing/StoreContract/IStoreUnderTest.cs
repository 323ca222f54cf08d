using ChatOps.Core.Ports;

namespace ChatOps.Testing.StoreContract;

/// <summary>One opened store implementation, seen through every port it implements.</summary>
public interface IStoreUnderTest : IAsyncDisposable
{
    IIncidentStore Incidents { get; }
    ITimerStore Timers { get; }
    IOutboxStore Outbox { get; }
    IIdempotencyClaims Claims { get; }
    IConsoleTranscript Transcript { get; }
}

/// <summary>Adapts a store class that implements all five ports.</summary>
public sealed class StoreUnderTest<TStore>(TStore store) : IStoreUnderTest
    where TStore : IIncidentStore, ITimerStore, IOutboxStore, IIdempotencyClaims, IConsoleTranscript, IAsyncDisposable
{
    public IIncidentStore Incidents => store;
    public ITimerStore Timers => store;
    public IOutboxStore Outbox => store;
    public IIdempotencyClaims Claims => store;
    public IConsoleTranscript Transcript => store;

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
