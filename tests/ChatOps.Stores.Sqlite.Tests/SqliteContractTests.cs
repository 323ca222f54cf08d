using ChatOps.Testing.StoreContract;

namespace ChatOps.Stores.Sqlite.Tests;

// The shared store contract on a real SQLite file; each test gets its own temp directory.

public sealed class SqliteIncidentStoreTests() : IncidentStoreContract(new SqliteStoreHost());

public sealed class SqliteIncidentStoreConcurrencyTests() : IncidentStoreConcurrencyContract(new SqliteStoreHost());

public sealed class SqliteIncidentQueryTests() : IncidentQueryContract(new SqliteStoreHost());

public sealed class SqliteTimerStoreTests() : TimerStoreContract(new SqliteStoreHost());

public sealed class SqliteOutboxStoreTests() : OutboxStoreContract(new SqliteStoreHost());

public sealed class SqliteIdempotencyClaimsTests() : IdempotencyClaimsContract(new SqliteStoreHost());

public sealed class SqliteConsoleTranscriptTests() : ConsoleTranscriptContract(new SqliteStoreHost());

public sealed class SqliteInboundQueueTests() : InboundQueueContract(new SqliteStoreHost());

public sealed class SqlitePlatformDirectoryTests() : PlatformDirectoryContract(new SqliteStoreHost());

/// <summary>Opens the SQLite store (every port, adapters' too) on a temp file that is deleted after the test.</summary>
internal sealed class SqliteStoreHost : IStoreHost
{
    private readonly TempDatabase _db = new();

    public Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new AdapterStoreUnderTest<SqliteStore>(_db.Open(clock)));

    public Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}
