using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;
using ChatOps.Testing.Redis;

namespace ChatOps.Stores.Redis.Tests;

/// <summary>The outbox's per-channel index: what it costs to claim past a waiting channel, and data written before it.</summary>
public sealed class RedisOutboxIndexTests(RedisServerFixture redis) : RedisStoreTest(redis)
{
    private IOutboxStore Outbox => Store;

    [Fact]
    public async Task Claim_PastALongLeasedChannel_LooksAtOneOfItsMessages()
    {
        await CommitAsync(Enumerable.Range(1, 200).Select(i => ("busy", $"b{i}")).Append(("quiet", "q1")).ToArray());
        Assert.Equal(50, (await Outbox.ClaimAsync(Clock.GetUtcNow(), "replica-1", Lease, 50, Ct)).Count);
        var reads = await HashReadsAsync();

        var other = await Outbox.ClaimAsync(Clock.GetUtcNow(), "replica-2", Lease, 50, Ct);

        Assert.Equal(["q1"], other.Select(e => e.Message!.Text));
        // The busy channel's 150 unleased messages wait behind its leased head, parked: one HMGET, for "quiet".
        Assert.Equal(1, await HashReadsAsync() - reads);
    }

    [Fact]
    public async Task Claim_PastManyChannelsWaitingOnALeaseOrABackoff_LooksOnlyAtTheOnesThatCanGive()
    {
        await CommitAsync(Enumerable.Range(1, 100).Select(c => ($"c{c}", $"c{c}-1")).ToArray());
        var leased = await Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 100, Ct);
        foreach (var entry in leased.Take(50)) await Outbox.RetryLaterAsync(entry.Id, Clock.GetUtcNow().AddSeconds(5), "HTTP 503", Ct);
        await CommitAsync(("quiet", "q1"));
        var reads = await HashReadsAsync();

        var other = await Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 100, Ct);
        var readsForOne = await HashReadsAsync() - reads;
        Clock.Advance(TimeSpan.FromSeconds(5));
        var retried = await Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 100, Ct);

        Assert.Equal(["q1"], other.Select(e => e.Message!.Text));
        // 50 channels wait on a lease and 50 on a backoff; the claim reads the one message it takes (before the
        // parked set it read 101).
        Assert.Equal(1, readsForOne);
        Assert.Equal(Enumerable.Range(1, 50).Select(c => $"c{c}-1"), retried.Select(e => e.Message!.Text));
    }

    [Fact]
    public async Task Claim_AcrossManyChannels_TakesTheOldestInIdOrder_AndEachChannelsPrefix()
    {
        // 120 channels, three messages each, written round-robin: the oldest 50 are the first message of 50 channels.
        for (var round = 1; round <= 3; round++)
        {
            await CommitAsync(Enumerable.Range(1, 120).Select(c => ($"c{c}", $"c{c}-{round}")).ToArray());
        }
        await CommitAsync(("c7", "c7-4"));

        var claimed = await Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 50, Ct);

        Assert.Equal(Enumerable.Range(1, 50).Select(c => $"c{c}-1"), claimed.Select(e => e.Message!.Text));
        Assert.Equal(claimed.Select(e => e.Id).Order(), claimed.Select(e => e.Id));
        // Channels 1-50 wait behind their leased heads; the next 100 come from the other 70 channels, oldest first.
        var rest = await Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 100, Ct);
        Assert.Equal(Enumerable.Range(51, 70).Select(c => $"c{c}-1").Concat(Enumerable.Range(51, 30).Select(c => $"c{c}-2")), rest.Select(e => e.Message!.Text));
    }

    [Fact]
    public async Task Claim_MessagesWrittenBeforeTheIndex_AreIndexedOnceAndKeepTheirOrder()
    {
        await CommitAsync(("a", "a1"), ("b", "b1"), ("a", "a2"));
        var db = Store.Connection.GetDatabase();
        // What a store written by the previous version looks like: pending messages, no per-channel index.
        await db.KeyDeleteAsync([$"{State.KeyPrefix}outbox:indexed", $"{State.KeyPrefix}outbox:heads", $"{State.KeyPrefix}outbox:ch:a", $"{State.KeyPrefix}outbox:ch:b"]);

        var first = await Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);
        foreach (var entry in first) await Outbox.MarkDeliveredAsync(entry.Id, Clock.GetUtcNow(), Ct);
        await CommitAsync(("b", "b2"));
        var second = await Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.Equal(["a1", "b1", "a2"], first.Select(e => e.Message!.Text));
        Assert.Equal(["b2"], second.Select(e => e.Message!.Text));
        Assert.False(await db.KeyExistsAsync($"{State.KeyPrefix}outbox:ch:a")); // a delivered channel leaves the index
    }

    private int _incident;

    private async Task CommitAsync(params (string Channel, string Text)[] messages)
    {
        var commit = CommitBuilder.Create(new IncidentBuilder(++_incident));
        foreach (var (channel, text) in messages) commit.WithMessage(MessageKind.Notice, channel, text);
        Assert.Equal(CommitOutcome.Committed, (await Store.CommitAsync(commit.Build(), Ct)).Outcome);
    }

    /// <summary>HMGET calls the server has run, scripts included (INFO commandstats).</summary>
    private async Task<long> HashReadsAsync()
    {
        await using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Server.Configuration + ",allowAdmin=true");
        var info = await admin.GetServers()[0].InfoAsync("commandstats");
        var line = info.SelectMany(g => g).FirstOrDefault(p => p.Key == "cmdstat_hmget").Value;
        return line is null ? 0 : long.Parse(line.Split(',')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
