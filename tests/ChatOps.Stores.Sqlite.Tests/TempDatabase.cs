namespace ChatOps.Stores.Sqlite.Tests;

/// <summary>A fresh directory per test for the database file, removed with everything in it afterwards.</summary>
internal sealed class TempDatabase
{
    public TempDatabase() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "chatops-sqlite-" + Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(Root, "data", "chatops.db");

    public SqliteStore Open(TimeProvider clock, string synchronous = "FULL") =>
        SqliteStoreFactory.Open(new SqliteStoreOptions { Path = FilePath, Synchronous = synchronous }, clock);

    public void Delete()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
