using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ChatOps.Stores.Sqlite;

/// <summary>
/// SQLite allows one writer at a time, so every write goes through one queue to a single writer connection
/// (no spinning on SQLITE_BUSY), and writes that queue up meanwhile share one transaction (group commit): with
/// <c>synchronous=FULL</c> each transaction costs a WAL fsync, and sharing it is what makes hundreds of commits a
/// second possible. Each write runs in its own savepoint, so it still succeeds or fails alone, and its caller is
/// answered only after the shared COMMIT. Readers take pooled connections and, in WAL mode, never wait for the writer.
/// </summary>
internal sealed partial class SqliteConnections(string connectionString, string synchronous) : IDisposable, IAsyncDisposable
{
    private const int BusyTimeoutMs = 10_000;
    private const int MaxBatch = 64;
    private readonly Channel<IWrite> _writes = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentBag<StoreConnection> _readers = [];
    private StoreConnection? _writer;
    private Task? _writerLoop;
    private volatile bool _disposed;

    public void InitializeDatabase()
    {
        var writer = Open();
        _writer = writer;
        var mode = writer.Scalar("PRAGMA journal_mode=WAL") as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}'); put the database on a local file system.");
        }
        writer.Execute("BEGIN IMMEDIATE");
        var version = (long)writer.Scalar("PRAGMA user_version")!;
        if (version > SqliteSchema.Version)
        {
            writer.Execute("ROLLBACK");
            throw new InvalidOperationException($"The database has schema version {version}; this build knows up to {SqliteSchema.Version}. Run a newer ChatOps.");
        }
        writer.Execute(SqliteSchema.Create);
        writer.Execute($"PRAGMA user_version={SqliteSchema.Version}");
        writer.Execute("COMMIT");
        StartCheckpoints();
        _writerLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Queues <paramref name="work"/> for the writer. It runs in a savepoint that is kept when it returns
    /// <c>Keep = true</c> and rolled back otherwise (or when it throws); the task completes after the COMMIT.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<StoreConnection, (T Result, bool Keep)> work, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (ct.IsCancellationRequested) return Task.FromCanceled<T>(ct);
        var write = new Write<T>(work, ct);
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(write), this);
        return write.Task;
    }

    public T Read<T>(Func<StoreConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_readers.TryTake(out var reader)) reader = Open();
        try
        {
            return work(reader);
        }
        finally
        {
            if (_disposed) reader.Dispose();
            else _readers.Add(reader);
        }
    }

    public void Dispose()
    {
        if (!BeginDispose()) return;
        _writerLoop?.GetAwaiter().GetResult();
        StopCheckpointsAsync().AsTask().GetAwaiter().GetResult();
        Close();
    }

    public async ValueTask DisposeAsync()
    {
        if (!BeginDispose()) return;
        if (_writerLoop is not null) await _writerLoop.ConfigureAwait(false);
        await StopCheckpointsAsync().ConfigureAwait(false);
        Close();
    }

    /// <summary>Stops taking writes; the queued ones still finish, so a caller that was accepted gets its answer.</summary>
    private bool BeginDispose()
    {
        if (_disposed) return false;
        _disposed = true;
        _writes.Writer.TryComplete();
        return true;
    }

    private void Close()
    {
        _writer?.Dispose();
        while (_readers.TryTake(out var reader)) reader.Dispose();
    }

    private StoreConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        var store = new StoreConnection(connection);
        store.Execute($"PRAGMA busy_timeout={BusyTimeoutMs}");
        store.Execute($"PRAGMA synchronous={synchronous}");
        return store;
    }
}
