using Microsoft.Data.Sqlite;

namespace ChatOps.Stores.Sqlite;

/// <summary>
/// One open connection with its commands kept prepared, used by one caller at a time. Transactions are plain
/// <c>BEGIN IMMEDIATE</c>/<c>SAVEPOINT</c>/<c>COMMIT</c> statements so cached commands need no transaction object.
/// </summary>
internal sealed class StoreConnection(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // every statement is a constant of this assembly; values always go through parameters
            command.CommandText = sql;
#pragma warning restore CA2100
            _commands[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Bind(Command(sql), parameters).ExecuteNonQuery();

    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Bind(Command(sql), parameters).ExecuteScalar();

    public SqliteDataReader Query(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Bind(Command(sql), parameters).ExecuteReader();

    /// <summary>True while a transaction is open; SQLite may end one by itself after some errors.</summary>
    public bool InTransaction => connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
        connection.Dispose();
    }

    private static SqliteCommand Bind(SqliteCommand command, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
