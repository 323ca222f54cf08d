using ChatOps.Testing.Redis;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>A test class on one Redis store of its own key prefix: opened before each test, closed after it.</summary>
public abstract class RedisStoreTest(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    protected RedisServerFixture Server { get; } = redis;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private protected RedisTestStore State { get; } = new(redis);

    protected RedisStore Store { get; private set; } = null!;

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>The claim lease the outbox and timer tests take, long enough that no test outlives it by accident.</summary>
    protected static TimeSpan Lease { get; } = TimeSpan.FromSeconds(30);

    public virtual Task InitializeAsync()
    {
        Store = State.Open(Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();
}
