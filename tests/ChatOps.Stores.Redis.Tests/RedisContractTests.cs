using ChatOps.Testing.Redis;
using ChatOps.Testing.StoreContract;

namespace ChatOps.Stores.Redis.Tests;

// The shared store contract, unchanged, on a real redis-server; each test gets its own key prefix.

public sealed class RedisIncidentStoreTests(RedisServerFixture redis) : IncidentStoreContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}

public sealed class RedisIncidentStoreConcurrencyTests(RedisServerFixture redis) : IncidentStoreConcurrencyContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}

public sealed class RedisIncidentQueryTests(RedisServerFixture redis) : IncidentQueryContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}

public sealed class RedisTimerStoreTests(RedisServerFixture redis) : TimerStoreContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}

public sealed class RedisOutboxStoreTests(RedisServerFixture redis) : OutboxStoreContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}

public sealed class RedisIdempotencyClaimsTests(RedisServerFixture redis) : IdempotencyClaimsContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}

public sealed class RedisConsoleTranscriptTests(RedisServerFixture redis) : ConsoleTranscriptContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}

public sealed class RedisInboundQueueTests(RedisServerFixture redis) : InboundQueueContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}

public sealed class RedisPlatformDirectoryTests(RedisServerFixture redis) : PlatformDirectoryContract, IClassFixture<RedisServerFixture>
{
    private readonly RedisTestStore _store = new(redis);

    protected override Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => _store.OpenUnderTest(clock);

    // The server and its directory go away with the class fixture; the prefix keeps tests apart until then.
    protected override Task DeleteStateAsync() => Task.CompletedTask;
}
