using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ChatOps.Stores.Sqlite;

/// <summary>
/// SQLite allows one writer at a time, so writes queue on an async gate in front of a single writer connection
/// instead of spinning on SQLITE_BUSY; readers take pooled connections and, in WAL mode, never wait for the writer.
/// <c>busy_timeout</c> still covers another process holding the file (a restart overlapping the old one).
/// </summary>
internal sealed class SqliteConnections(string connectionString, string synchronous) : IDisposable
{
    private const int BusyTimeoutMs = 10_000;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentBag<StoreConnection> _readers = [];
    private StoreConnection? _writer;
    private bool _disposed;

    public void InitializeDatabase()
    {
        var writer = Open();
        _writer = writer;
        var mode = writer.Scalar("PRAGMA journal_mode=WAL") as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused WAL journal mode (got '{mode}'); put the database on a local file system.");
        }
        writer.InTransaction(c => (c.Execute(SqliteSchema.Create), true));
    }

    public async Task<T> WriteAsync<T>(Func<StoreConnection, T> work, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work(_writer!);
        }
        finally
        {
            _writeGate.Release();
        }
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
        _writeGate.Wait();
        try
        {
            _disposed = true;
            _writer?.Dispose();
            while (_readers.TryTake(out var reader)) reader.Dispose();
        }
        finally
        {
            _writeGate.Release();
        }
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
