using System.Net;
using ChatOps.Testing.Redis;

namespace ChatOps.Stores.Redis.Tests.Replicas;

/// <summary>A real bot process on a Redis that may evict keys: it runs, warns at start, and /healthz says "degraded".</summary>
public sealed class RedisSettingsReplicaTests
{
    [Fact]
    public async Task EvictingRedis_BotWarnsAtStart_AndHealthzReportsDegradedWithTheRisk()
    {
        await using var server = await RedisServer.StartAsync("--maxmemory-policy", "allkeys-lru");
        await using var bot = await BotReplica.StartAsync(server.Configuration, RedisServerFixture.NewKeyPrefix());

        var (status, redis) = await bot.HealthAsync();
        var body = await bot.Http.GetStringAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", redis);
        Assert.Contains("maxmemory-policy is allkeys-lru", body, StringComparison.Ordinal);
        await ReplicaChecks.WaitForAsync(
            () => bot.Output.Contains("Redis setting can lose answered commands: maxmemory-policy is allkeys-lru", StringComparison.Ordinal),
            () => "the start-up warning was not logged:\n" + bot.Output);
    }
}
