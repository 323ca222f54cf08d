using ChatOps.Testing.StoreContract;

namespace ChatOps.Stores.Sqlite.Tests;

// The shared store contract on a real SQLite file; each test gets its own temp directory.

public sealed class SqliteIncidentStoreTests : IncidentStoreContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new StoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteIncidentStoreConcurrencyTests : IncidentStoreConcurrencyContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new StoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteIncidentQueryTests : IncidentQueryContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new StoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteTimerStoreTests : TimerStoreContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new StoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteOutboxStoreTests : OutboxStoreContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new StoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteIdempotencyClaimsTests : IdempotencyClaimsContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new StoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteConsoleTranscriptTests : ConsoleTranscriptContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new StoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqliteInboundQueueTests : InboundQueueContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new AdapterStoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}

public sealed class SqlitePlatformDirectoryTests : PlatformDirectoryContract
{
    private readonly TempDatabase _db = new();

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new AdapterStoreUnderTest<SqliteStore>(_db.Open(clock)));

    protected override Task DeleteStateAsync()
    {
        _db.Delete();
        return Task.CompletedTask;
    }
}
