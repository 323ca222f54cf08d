using System.Text;
using ChatOps.Core.Ports;
using ChatOps.Testing.Redis;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>How the console transcript keeps cards on Redis: deflated, and cards written plain before that still read.</summary>
public sealed class RedisTranscriptStorageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RedisTestStore _state = new(redis);
    private RedisStore _store = null!;
    private IConsoleTranscript Transcript => _store;
    private CancellationToken Ct => CancellationToken.None;

    private static readonly string Card = "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":["
        + string.Join(',', Enumerable.Range(1, 40).Select(i => $"{{\"type\":\"TextBlock\",\"text\":\"Timeline entry {i}: the database failed over\",\"wrap\":true}}"))
        + "]}";

    [Fact]
    public async Task Card_IsStoredDeflated_AndReadsBackAsWritten()
    {
        await Transcript.UpsertAsync("status:INC-1:ops", "ops", _clock.GetUtcNow(), "ChatOps", "INC-1", Card, Ct);

        var stored = (byte[]?)await _store.Connection.GetDatabase().HashGetAsync($"{_state.KeyPrefix}tmsg:status:INC-1:ops", "cardz");
        Assert.NotNull(stored);
        Assert.True(stored.Length * 3 < Encoding.UTF8.GetByteCount(Card), $"{stored.Length} bytes stored for {Card.Length} of JSON");
        var read = Assert.Single(await Transcript.ReadAsync("ops", 0, 10, Ct));
        Assert.Equal(Card, read.CardJson);
    }

    [Fact]
    public async Task CardWrittenPlainBeforeDeflating_StillReads_AndAnUpdateReplacesIt()
    {
        await Transcript.UpsertAsync("status:INC-1:ops", "ops", _clock.GetUtcNow(), "ChatOps", "INC-1", null, Ct);
        var db = _store.Connection.GetDatabase();
        // What the previous version wrote: the card's JSON as it is, in the `card` field.
        await db.HashSetAsync($"{_state.KeyPrefix}tmsg:status:INC-1:ops", "card", "{\"old\":true}");
        Assert.Equal("{\"old\":true}", Assert.Single(await Transcript.ReadAsync("ops", 0, 10, Ct)).CardJson);

        await Transcript.UpsertAsync("status:INC-1:ops", "ops", _clock.GetUtcNow(), "ChatOps", "INC-1", Card, Ct);

        Assert.Equal(Card, Assert.Single(await Transcript.ReadAsync("ops", 0, 10, Ct)).CardJson);
        Assert.False(await db.HashExistsAsync($"{_state.KeyPrefix}tmsg:status:INC-1:ops", "card"));
    }

    [Fact]
    public async Task MessageWithoutCard_ReadsWithoutCard_EvenAfterOneHadACard()
    {
        await Transcript.UpsertAsync("k", "ops", _clock.GetUtcNow(), "ChatOps", "with card", Card, Ct);
        await Transcript.UpsertAsync("k", "ops", _clock.GetUtcNow(), "ChatOps", "now without", null, Ct);

        var read = Assert.Single(await Transcript.ReadAsync("ops", 0, 10, Ct));
        Assert.Equal("now without", read.Text);
        Assert.Null(read.CardJson);
    }

    public Task InitializeAsync()
    {
        _store = _state.Open(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();
}
