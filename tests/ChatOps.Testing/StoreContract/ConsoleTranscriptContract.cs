namespace ChatOps.Testing.StoreContract;

/// <summary>The web console's transcript: upsert by message key, read after a sequence.</summary>
public abstract class ConsoleTranscriptContract(IStoreHost host) : StoreContractBase(host)
{
    [Fact]
    public async Task Upsert_NewMessages_GetGrowingSequencesAndReadBackInOrder()
    {
        var store = await OpenStoreAsync();
        var at = Clock.GetUtcNow();

        var first = await store.Transcript.UpsertAsync("msg:1", "ops", at, "ChatOps", "hello", null, Ct);
        var second = await store.Transcript.UpsertAsync("msg:2", "ops", at.AddSeconds(1), "ChatOps", "card", """{"type":"AdaptiveCard"}""", Ct);
        var read = await store.Transcript.ReadAsync(null, 0, 100, Ct);

        Assert.True(second.Sequence > first.Sequence);
        Assert.Equal([first, second], read);
        Assert.Equal("""{"type":"AdaptiveCard"}""", read[1].CardJson);
        Assert.Null(read[0].CardJson);
        Assert.Equal(at, read[0].At);
    }

    [Fact]
    public async Task Upsert_ExistingKey_UpdatesInPlaceAndMovesAfterEverythingElse()
    {
        var store = await OpenStoreAsync();
        var at = Clock.GetUtcNow();
        var card = await store.Transcript.UpsertAsync("status:INC-1:inc-1", "inc-1", at, "ChatOps", "Declared", "{}", Ct);
        var note = await store.Transcript.UpsertAsync("msg:2", "inc-1", at, "ChatOps", "note", null, Ct);

        var updated = await store.Transcript.UpsertAsync("status:INC-1:inc-1", "inc-1", at.AddMinutes(1), "ChatOps", "Investigating", """{"v":2}""", Ct);
        var all = await store.Transcript.ReadAsync("inc-1", 0, 100, Ct);
        var sinceNote = await store.Transcript.ReadAsync("inc-1", note.Sequence, 100, Ct);

        Assert.True(updated.Sequence > note.Sequence);
        Assert.Equal(card.MessageKey, updated.MessageKey);
        Assert.Equal(["msg:2", "status:INC-1:inc-1"], all.Select(m => m.MessageKey));
        var only = Assert.Single(sinceNote);
        Assert.Equal("Investigating", only.Text);
        Assert.Equal("""{"v":2}""", only.CardJson);
        Assert.Equal(at.AddMinutes(1), only.At);
    }

    [Fact]
    public async Task Read_FiltersByChannelAfterSequenceAndMax()
    {
        var store = await OpenStoreAsync();
        var at = Clock.GetUtcNow();
        for (var i = 1; i <= 6; i++) await store.Transcript.UpsertAsync($"msg:{i}", i % 2 == 0 ? "even" : "odd", at, "ChatOps", $"m{i}", null, Ct);

        var evens = await store.Transcript.ReadAsync("even", 0, 100, Ct);
        var afterSecondEven = await store.Transcript.ReadAsync("even", evens[0].Sequence, 1, Ct);
        var firstTwo = await store.Transcript.ReadAsync(null, 0, 2, Ct);

        Assert.Equal(["m2", "m4", "m6"], evens.Select(m => m.Text));
        Assert.Equal(["m4"], afterSecondEven.Select(m => m.Text));
        Assert.Equal(["m1", "m2"], firstTwo.Select(m => m.Text));
    }

    [Fact]
    public async Task Channels_ListsEachChannelOnce()
    {
        var store = await OpenStoreAsync();
        foreach (var (key, channel) in new[] { ("1", "ops"), ("2", "inc-1"), ("3", "ops") })
        {
            await store.Transcript.UpsertAsync(key, channel, Clock.GetUtcNow(), "Alice", "hi", null, Ct);
        }

        var channels = await store.Transcript.ChannelsAsync(Ct);

        Assert.Equal(["inc-1", "ops"], channels.Order());
    }

    [Fact]
    public async Task Transcript_SurvivesReopen_AndSequencesKeepGrowing()
    {
        var store = await OpenStoreAsync();
        var before = await store.Transcript.UpsertAsync("msg:1", "ops", Clock.GetUtcNow(), "ChatOps", "hello", null, Ct);

        store = await ReopenAsync(store);
        var after = await store.Transcript.UpsertAsync("msg:2", "ops", Clock.GetUtcNow(), "ChatOps", "again", null, Ct);

        Assert.Equal([before, after], await store.Transcript.ReadAsync("ops", 0, 10, Ct));
        Assert.True(after.Sequence > before.Sequence);
    }
}
