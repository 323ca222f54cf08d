using Microsoft.Data.Sqlite;

namespace ChatOps.Stores.Sqlite;

public static class SqliteStoreFactory
{
    /// <summary>Opens (creating when missing) the database file in WAL mode with its schema, ready for use.</summary>
    public static SqliteStore Open(SqliteStoreOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var synchronous = options.Synchronous.Trim().ToUpperInvariant();
        if (synchronous is not ("NORMAL" or "FULL"))
        {
            throw new ArgumentException($"Store:Sqlite:Synchronous must be NORMAL or FULL, not '{options.Synchronous}'.", nameof(options));
        }

        var path = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The store keeps its own connections open for its lifetime; ADO pooling would keep the file open after Dispose.
            Pooling = false,
        }.ToString();

        var connections = new SqliteConnections(connectionString, synchronous);
        try
        {
            connections.InitializeDatabase();
            return new SqliteStore(connections, clock);
        }
        catch
        {
            connections.Dispose();
            throw;
        }
    }
}
