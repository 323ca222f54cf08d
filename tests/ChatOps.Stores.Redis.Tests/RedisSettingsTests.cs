using ChatOps.Testing.Redis;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>The store names Redis settings that can lose answered commands, read from a real server's INFO.</summary>
public sealed class RedisSettingsTests(RedisServerFixture redis) : RedisStoreTest(redis)
{
    [Fact]
    public async Task ZeroLossServer_HasNoDurabilityRisks()
    {
        var risks = await Store.FindDurabilityRisksAsync(Ct);

        Assert.Empty(risks);
    }

    [Fact]
    public async Task EvictingServerWithoutAppendOnlyFile_NamesBothRisks()
    {
        await using var server = await RedisServer.StartAsync("--maxmemory-policy", "allkeys-lru", "--appendonly", "no");
        await using var store = RedisStoreFactory.Connect(new RedisStoreOptions { Configuration = server.Configuration, KeyPrefix = RedisServerFixture.NewKeyPrefix() }, Clock);

        var risks = await store.FindDurabilityRisksAsync(Ct);

        Assert.Equal(2, risks.Count);
        Assert.Contains(risks, r => r.StartsWith("maxmemory-policy is allkeys-lru:", StringComparison.Ordinal) && r.Contains("noeviction", StringComparison.Ordinal));
        Assert.Contains(risks, r => r.StartsWith("appendonly is off:", StringComparison.Ordinal) && r.Contains("appendfsync always", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisDown_TheCheckFailsAsUnavailable_NotAsNoRisks()
    {
        await using var server = await RedisServer.StartAsync();
        await using var store = RedisStoreFactory.Connect(new RedisStoreOptions { Configuration = server.Configuration, KeyPrefix = RedisServerFixture.NewKeyPrefix() }, Clock);
        await server.KillAsync();

        await Assert.ThrowsAsync<Core.Ports.StoreUnavailableException>(() => store.FindDurabilityRisksAsync(Ct));
    }
}
