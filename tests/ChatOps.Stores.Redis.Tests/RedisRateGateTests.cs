using ChatOps.Testing.Redis;
using ChatOps.Testing.StoreContract;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>The rate gate contract on a real redis-server; every opened gate is its own connection, as a replica's would be.</summary>
public sealed class RedisRateGateTests(RedisServerFixture redis)
    : RateGateContract(SharedPrefix(redis)), IClassFixture<RedisServerFixture>
{
    private static Func<Core.Ports.IRateGate> SharedPrefix(RedisServerFixture redis)
    {
        var store = new RedisTestStore(redis);
        return () => store.Open(TimeProvider.System);
    }
}
