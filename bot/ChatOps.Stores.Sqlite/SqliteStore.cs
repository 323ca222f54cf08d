using ChatOps.Core.Ports;

namespace ChatOps.Stores.Sqlite;

/// <summary>
/// The embedded default store: every store port on one SQLite file in WAL mode. Thread-safe; open it with
/// <see cref="SqliteStoreFactory.Open"/> and share one instance per process.
/// </summary>
public sealed partial class SqliteStore : IIncidentStore, ITimerStore, IOutboxStore, IIdempotencyClaims, IConsoleTranscript, IInboundQueue, IPlatformDirectory, IDisposable, IAsyncDisposable
{
    private readonly SqliteConnections _connections;
    private readonly TimeProvider _clock;

    internal SqliteStore(SqliteConnections connections, TimeProvider clock)
    {
        _connections = connections;
        _clock = clock;
    }

    /// <summary>Finishes the writes already queued, then closes the file.</summary>
    public void Dispose() => _connections.Dispose();

    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    /// <summary>Reads never wait for the writer, so they run inline; the Task shape is the port's.</summary>
    private Task<T> OnReaderAsync<T>(Func<StoreConnection, T> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(_connections.Read(work));
    }

    private Task<T> OnWriterAsync<T>(Func<StoreConnection, T> work, CancellationToken ct) => _connections.WriteAsync(c => (work(c), true), ct);

    /// <summary>A write that is undone when <paramref name="work"/> returns <c>Keep = false</c>.</summary>
    private Task<T> WriteOrRollbackAsync<T>(Func<StoreConnection, (T Result, bool Keep)> work, CancellationToken ct) => _connections.WriteAsync(work, ct);
}
