using Microsoft.Data.Sqlite;

namespace ChatOps.Stores.Sqlite.Tests;

/// <summary>A fresh directory per test for the database file, removed with everything in it afterwards.</summary>
internal sealed class TempDatabase
{
    public TempDatabase() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "chatops-sqlite-" + Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(Root, "data", "chatops.db");

    public SqliteStore Open(TimeProvider clock, string synchronous = "FULL") =>
        SqliteStoreFactory.Open(new SqliteStoreOptions { Path = FilePath, Synchronous = synchronous }, clock);

    /// <summary>Runs SQL on the file behind the store's back (to set up what another version or damage left), returning the first value.</summary>
    public object? Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the statements are constants of the tests
        command.CommandText = sql;
#pragma warning restore CA2100
        return command.ExecuteScalar();
    }

    public void Delete()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
