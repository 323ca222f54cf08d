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
internal sealed class SqliteConnections(string connectionString, string synchronous) : IDisposable
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
        writer.Execute(SqliteSchema.Create);
        writer.Execute("COMMIT");
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
        if (_disposed) return;
        _disposed = true;
        _writes.Writer.TryComplete();
        // Queued writes still finish: a caller that was accepted gets its answer.
        _writerLoop?.GetAwaiter().GetResult();
        _writer?.Dispose();
        while (_readers.TryTake(out var reader)) reader.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                if (!write.CancelIfRequested()) batch.Add(write);
            }
            if (batch.Count > 0) WriteBatch(_writer!, batch);
            batch.Clear();
        }
    }

    private static void WriteBatch(StoreConnection writer, List<IWrite> batch)
    {
        try
        {
            writer.Execute("BEGIN IMMEDIATE");
            foreach (var write in batch) write.Run(writer);
            writer.Execute("COMMIT");
        }
        catch (Exception error)
        {
            if (writer.InTransaction) writer.Execute("ROLLBACK");
            foreach (var write in batch) write.Fail(error);
            return;
        }
        foreach (var write in batch) write.Complete();
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
