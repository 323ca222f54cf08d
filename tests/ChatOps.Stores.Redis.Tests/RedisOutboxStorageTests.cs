using System.Text;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using ChatOps.Testing.Redis;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>How the outbox keeps a message on Redis: deflated, and messages queued plain before that still claim.</summary>
public sealed class RedisOutboxStorageTests(RedisServerFixture redis) : RedisStoreTest(redis)
{
    private static readonly string LongText = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"step {i}: the database failed over."));

    [Fact]
    public async Task Message_IsStoredDeflated_AndClaimsBackAsCommitted()
    {
        var commit = CommitBuilder.Create(new IncidentBuilder(1)).WithMessage(MessageKind.Notice, "ops", LongText).Build();
        Assert.Equal(CommitOutcome.Committed, (await Store.CommitAsync(commit, Ct)).Outcome);

        var stored = (byte[]?)await Store.Connection.GetDatabase().HashGetAsync($"{State.KeyPrefix}outbox:1", "json");
        var plain = Encoding.UTF8.GetByteCount(IncidentJson.Serialize(commit.Messages[0]));
        Assert.NotNull(stored);
        Assert.True(stored.Length * 2 < plain, $"{stored.Length} bytes stored for {plain} of JSON");
        var claimed = Assert.Single(await Store.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct));
        Assert.Equal(IncidentJson.Serialize(commit.Messages[0]), IncidentJson.Serialize(claimed.Message));
    }

    [Fact]
    public async Task MessageQueuedPlainBeforeDeflating_StillClaims()
    {
        var commit = CommitBuilder.Create(new IncidentBuilder(1)).WithMessage(MessageKind.Notice, "ops", "queued by the previous version").Build();
        Assert.Equal(CommitOutcome.Committed, (await Store.CommitAsync(commit, Ct)).Outcome);
        // What the previous version wrote: the message's JSON as it is.
        await Store.Connection.GetDatabase().HashSetAsync($"{State.KeyPrefix}outbox:1", "json", IncidentJson.Serialize(commit.Messages[0]));

        var claimed = Assert.Single(await Store.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct));

        Assert.Equal("queued by the previous version", claimed.Message!.Text);
        Assert.Equal(IncidentJson.Serialize(commit.Messages[0]), IncidentJson.Serialize(claimed.Message));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x13 })] // neither JSON nor a deflate stream
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'k' })] // JSON cut short
    public async Task AMessageStoredDamaged_IsClaimedAsUnreadable_AndTheNextOneAsUsual(byte[] damage)
    {
        var commit = CommitBuilder.Create(new IncidentBuilder(1))
            .WithMessage(MessageKind.Notice, "ops", "damaged").WithMessage(MessageKind.Notice, "ops", "after it").Build();
        Assert.Equal(CommitOutcome.Committed, (await Store.CommitAsync(commit, Ct)).Outcome);
        await Store.Connection.GetDatabase().HashSetAsync($"{State.KeyPrefix}outbox:1", "json", damage);

        var claimed = await Store.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.Equal(2, claimed.Count);
        Assert.NotNull(claimed[0].Unreadable);
        Assert.Equal("after it", claimed[1].Message!.Text);
    }
}
