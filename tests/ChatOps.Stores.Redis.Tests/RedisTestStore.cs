using ChatOps.Testing.Redis;
using ChatOps.Testing.StoreContract;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>Opens <see cref="RedisStore"/>s on one test's key prefix: reopening sees the same keys, as a restarted replica would.</summary>
internal sealed class RedisTestStore(RedisServerFixture redis) : IStoreHost
{
    public string KeyPrefix { get; } = RedisServerFixture.NewKeyPrefix();

    public RedisStore Open(TimeProvider clock) =>
        RedisStoreFactory.Connect(new RedisStoreOptions { Configuration = redis.Configuration, KeyPrefix = KeyPrefix }, clock);

    public Task<IStoreUnderTest> OpenAsync(TimeProvider clock) => Task.FromResult<IStoreUnderTest>(new AdapterStoreUnderTest<RedisStore>(Open(clock)));

    /// <summary>The server and its directory go away with the class fixture; the prefix keeps tests apart until then.</summary>
    public Task DeleteStateAsync() => Task.CompletedTask;
}
