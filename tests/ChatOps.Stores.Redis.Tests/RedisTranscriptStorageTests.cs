using System.Text;
using ChatOps.Core.Ports;
using ChatOps.Testing.Redis;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>How the console transcript keeps cards on Redis: deflated, and cards written plain before that still read.</summary>
public sealed class RedisTranscriptStorageTests(RedisServerFixture redis) : RedisStoreTest(redis)
{
    private IConsoleTranscript Transcript => Store;

    private static readonly string Card = "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":["
        + string.Join(',', Enumerable.Range(1, 40).Select(i => $"{{\"type\":\"TextBlock\",\"text\":\"Timeline entry {i}: the database failed over\",\"wrap\":true}}"))
        + "]}";

    [Fact]
    public async Task Card_IsStoredDeflated_AndReadsBackAsWritten()
    {
        await Transcript.UpsertAsync("status:INC-1:ops", "ops", Clock.GetUtcNow(), "ChatOps", "INC-1", Card, Ct);

        var stored = (byte[]?)await Store.Connection.GetDatabase().HashGetAsync($"{State.KeyPrefix}tmsg:status:INC-1:ops", "cardz");
        Assert.NotNull(stored);
        Assert.True(stored.Length * 3 < Encoding.UTF8.GetByteCount(Card), $"{stored.Length} bytes stored for {Card.Length} of JSON");
        var read = Assert.Single(await Transcript.ReadAsync("ops", 0, 10, Ct));
        Assert.Equal(Card, read.CardJson);
    }

    [Fact]
    public async Task CardWrittenPlainBeforeDeflating_StillReads_AndAnUpdateReplacesIt()
    {
        await Transcript.UpsertAsync("status:INC-1:ops", "ops", Clock.GetUtcNow(), "ChatOps", "INC-1", null, Ct);
        var db = Store.Connection.GetDatabase();
        // What the previous version wrote: the card's JSON as it is, in the `card` field.
        await db.HashSetAsync($"{State.KeyPrefix}tmsg:status:INC-1:ops", "card", "{\"old\":true}");
        Assert.Equal("{\"old\":true}", Assert.Single(await Transcript.ReadAsync("ops", 0, 10, Ct)).CardJson);

        await Transcript.UpsertAsync("status:INC-1:ops", "ops", Clock.GetUtcNow(), "ChatOps", "INC-1", Card, Ct);

        Assert.Equal(Card, Assert.Single(await Transcript.ReadAsync("ops", 0, 10, Ct)).CardJson);
        Assert.False(await db.HashExistsAsync($"{State.KeyPrefix}tmsg:status:INC-1:ops", "card"));
    }

    [Fact]
    public async Task MessageWithoutCard_ReadsWithoutCard_EvenAfterOneHadACard()
    {
        await Transcript.UpsertAsync("k", "ops", Clock.GetUtcNow(), "ChatOps", "with card", Card, Ct);
        await Transcript.UpsertAsync("k", "ops", Clock.GetUtcNow(), "ChatOps", "now without", null, Ct);

        var read = Assert.Single(await Transcript.ReadAsync("ops", 0, 10, Ct));
        Assert.Equal("now without", read.Text);
        Assert.Null(read.CardJson);
    }

}
