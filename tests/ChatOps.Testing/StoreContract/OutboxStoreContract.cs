using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using ChatOps.Testing.Builders;

namespace ChatOps.Testing.StoreContract;

/// <summary>The outbox: written by commits, claimed under a lease, in order per channel, never delivered twice.</summary>
public abstract class OutboxStoreContract(IStoreHost host) : StoreContractBase(host)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Claim_ReturnsCommittedMessagesInIdOrderWithTheirFrozenSnapshot()
    {
        var store = await OpenStoreAsync();
        var incident = new IncidentBuilder(1).Detailed().Build();
        await store.Incidents.CommitAsync(CommitBuilder.Create(incident)
            .WithMessage(MessageKind.StatusCard, "inc-1", "status")
            .WithMessage(MessageKind.Acknowledgement, "payments-stakeholders", "ack").Build(), Ct);

        var claimed = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.Equal(["status", "ack"], claimed.Select(e => e.Message!.Text));
        Assert.True(claimed[0].Id < claimed[1].Id);
        Assert.All(claimed, e => Assert.Equal(0, e.Attempts));
        Assert.All(claimed, e => Assert.Equal(Clock.GetUtcNow(), e.CreatedAt));
        Assert.Equal(MessageKind.StatusCard, claimed[0].Message!.Kind);
        Assert.Equal("inc-1", claimed[0].Message!.Channel);
        Assert.Equal(incident.Id, claimed[0].Message!.Incident);
        Assert.Equal("status:INC-1:inc-1", claimed[0].MessageKey);
        AssertSameSnapshot(incident with { Version = 1 }, claimed[1].Message!.Snapshot);
    }

    [Fact]
    public async Task Claim_LeasedMessage_IsHiddenFromOthersUntilTheLeaseExpires()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"));
        Assert.Single(await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump-1", Lease, 10, Ct));

        var whileLeased = await store.Outbox.ClaimAsync(Clock.GetUtcNow().Add(Lease - TimeSpan.FromTicks(1)), "pump-2", Lease, 10, Ct);
        var afterExpiry = await store.Outbox.ClaimAsync(Clock.GetUtcNow().Add(Lease), "pump-2", Lease, 10, Ct);

        Assert.Empty(whileLeased);
        Assert.Equal("a1", Assert.Single(afterExpiry).Message!.Text);
    }

    [Fact]
    public async Task Claim_KeepsOrderPerChannel_AcrossClaims()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("b", "b1"), ("a", "a2"));

        var first = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump-1", Lease, 1, Ct);
        var second = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump-2", Lease, 10, Ct);
        await store.Outbox.MarkDeliveredAsync(first[0].Id, Clock.GetUtcNow(), Ct);
        var third = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump-2", Lease, 10, Ct);

        Assert.Equal(["a1"], first.Select(e => e.Message!.Text));
        Assert.Equal(["b1"], second.Select(e => e.Message!.Text));
        Assert.Equal(["a2"], third.Select(e => e.Message!.Text));
    }

    [Fact]
    public async Task Claim_OneBatch_MayTakeConsecutiveMessagesOfOneChannel()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("b", "b1"), ("a", "a2"), ("a", "a3"));

        var batch = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 3, Ct);

        Assert.Equal(["a1", "b1", "a2"], batch.Select(e => e.Message!.Text));
    }

    [Fact]
    public async Task RetryLater_WaitsUntilDue_CountsTheAttempt_AndHoldsBackLaterMessagesOfItsChannel()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("a", "a2"), ("b", "b1"));
        var a1 = (await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 1, Ct))[0];

        await store.Outbox.RetryLaterAsync(a1.Id, Clock.GetUtcNow().AddMinutes(1), "HTTP 503", Ct);
        var beforeDue = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);
        await store.Outbox.MarkDeliveredAsync(beforeDue[0].Id, Clock.GetUtcNow(), Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var afterDue = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.Equal(["b1"], beforeDue.Select(e => e.Message!.Text));
        Assert.Equal(["a1", "a2"], afterDue.Select(e => e.Message!.Text));
        Assert.Equal(1, afterDue[0].Attempts);
        Assert.Equal(a1.Id, afterDue[0].Id);
    }

    [Fact]
    public async Task RetryLater_SoonerThanTheLeaseWouldRunOut_IsClaimableWhenDue()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("a", "a2"));
        var batch = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        foreach (var entry in batch) await store.Outbox.RetryLaterAsync(entry.Id, Clock.GetUtcNow().AddSeconds(1), "HTTP 503", Ct);
        var beforeDue = await store.Outbox.ClaimAsync(Clock.GetUtcNow().AddMilliseconds(999), "pump", Lease, 10, Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var whenDue = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.Empty(beforeDue);
        Assert.Equal(["a1", "a2"], whenDue.Select(e => e.Message!.Text));
    }

    [Fact]
    public async Task MarkDelivered_TheRestOfADeadPumpsBatch_IsTakenOverWhenItsLeaseRunsOut()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("a", "a2"), ("a", "a3"));
        var batch = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "dead-pump", Lease, 2, Ct);
        await store.Outbox.MarkDeliveredAsync(batch[0].Id, Clock.GetUtcNow(), Ct);

        var whileLeased = await store.Outbox.ClaimAsync(Clock.GetUtcNow().Add(Lease - TimeSpan.FromTicks(1)), "pump", Lease, 10, Ct);
        Clock.Advance(Lease);
        var afterLease = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.Empty(whileLeased);
        Assert.Equal(["a2", "a3"], afterLease.Select(e => e.Message!.Text));
    }

    [Fact]
    public async Task MarkDelivered_IsNeverClaimedAgain()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("b", "b1"));
        var claimed = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        await store.Outbox.MarkDeliveredAsync(claimed[0].Id, Clock.GetUtcNow(), Ct);
        Clock.Advance(Lease * 2);
        var again = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.Equal(["b1"], again.Select(e => e.Message!.Text));
        Assert.Equal(1, await store.Outbox.CountPendingAsync(Ct));
    }

    [Fact]
    public async Task Outbox_SurvivesReopen_AndACrashedPumpsLeaseRunsOut()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("b", "b1"));
        var delivered = (await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "old-pump", Lease, 10, Ct))[1];
        await store.Outbox.MarkDeliveredAsync(delivered.Id, Clock.GetUtcNow(), Ct);

        store = await ReopenAsync(store);
        var duringOldLease = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "new-pump", Lease, 10, Ct);
        Clock.Advance(Lease);
        var afterOldLease = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "new-pump", Lease, 10, Ct);

        Assert.Equal(1, await store.Outbox.CountPendingAsync(Ct));
        Assert.Empty(duringOldLease);
        Assert.Equal(["a1"], afterOldLease.Select(e => e.Message!.Text));
    }

    [Fact]
    public async Task Claim_ConcurrentPumps_NeverShareAMessage()
    {
        var store = await OpenStoreAsync();
        // Distinct channels: a leased message rightly holds back later messages of its own channel.
        await CommitMessagesAsync(store, 1, Enumerable.Range(0, 40).Select(i => ($"c{i}", $"m{i}")).ToArray());

        var batches = await RunTogether(6, p => store.Outbox.ClaimAsync(Clock.GetUtcNow(), $"pump-{p}", Lease, 10, Ct));

        var ids = batches.SelectMany(b => b).Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(40, ids.Count);
    }

    [Fact]
    public async Task Claim_TakesTheOldestAcrossChannels_AndSkipsAChannelWaitingForItsRetry()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("b", "b1"), ("c", "c1"), ("a", "a2"), ("b", "b2"), ("c", "c2"));

        var oldestFour = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 4, Ct);
        foreach (var entry in oldestFour) await store.Outbox.RetryLaterAsync(entry.Id, Clock.GetUtcNow() + (entry.Message!.Text == "a1" ? Lease : TimeSpan.Zero), "HTTP 503", Ct);
        var withoutA = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 3, Ct);

        Assert.Equal(["a1", "b1", "c1", "a2"], oldestFour.Select(e => e.Message!.Text));
        Assert.Equal(["b1", "c1", "b2"], withoutA.Select(e => e.Message!.Text));
    }

    [Fact]
    public async Task ClaimedBefore_IsSetOnlyAfterAFailedAttempt_OrALapsedLease()
    {
        var store = await OpenStoreAsync();
        await CommitMessagesAsync(store, 1, ("a", "a1"), ("b", "b1"), ("c", "c1"));
        var first = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "dying-pump", Lease, 10, Ct);

        await store.Outbox.RetryLaterAsync(first[0].Id, Clock.GetUtcNow(), "HTTP 503", Ct); // a1 failed
        await store.Outbox.RetryLaterAsync(first[2].Id, Clock.GetUtcNow(), "HTTP 503", Ct); // c1 failed; b1's pump dies
        Clock.Advance(Lease);
        var again = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.All(first, e => Assert.False(e.ClaimedBefore));
        Assert.Equal(["a1", "b1", "c1"], again.Select(e => e.Message!.Text));
        Assert.All(again, e => Assert.True(e.ClaimedBefore));
        Assert.Equal([false, true, false], again.Select(e => e.LeaseLapsed));
    }

    [Fact]
    public async Task EnqueuedReplies_AreClaimedWhenDue_InOrder_WithAllTheyCarry()
    {
        var store = await OpenStoreAsync();
        var expires = Clock.GetUtcNow().AddMinutes(30);
        QueuedReply[] replies =
        [
            new("slack", "C1", "U1", "https://hooks.slack.com/commands/T1/1/x", """{"text":"first"}""", expires),
            new("slack", "C1", "U1", null, """{"text":"second"}""", expires),
        ];

        await store.Outbox.EnqueueRepliesAsync(replies, Clock.GetUtcNow(), Clock.GetUtcNow().AddSeconds(1), Ct);
        var beforeDue = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var whenDue = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);

        Assert.Empty(beforeDue);
        Assert.Equal(replies, whenDue.Select(e => e.Reply));
        Assert.All(whenDue, e => Assert.Null(e.Message));
        Assert.All(whenDue, e => Assert.Equal("reply:slack:C1:U1", e.Channel));
        Assert.Equal(2, whenDue.Select(e => e.MessageKey).Distinct().Count());
        Assert.Equal(Clock.GetUtcNow().AddSeconds(-1), whenDue[0].CreatedAt);
    }

    [Fact]
    public async Task AReplyWaitingForItsRetry_HoldsBackLaterRepliesToThatPersonOnly()
    {
        var store = await OpenStoreAsync();
        var expires = Clock.GetUtcNow().AddMinutes(30);
        await store.Outbox.EnqueueRepliesAsync(
            [new("slack", "C1", "U1", null, "{}", expires), new("slack", "C1", "U1", null, "{}", expires), new("slack", "C1", "U2", null, "{}", expires)],
            Clock.GetUtcNow(), Clock.GetUtcNow(), Ct);
        await CommitMessagesAsync(store, 1, ("inc-1", "status"));
        var first = Assert.Single(await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 1, Ct));

        await store.Outbox.RetryLaterAsync(first.Id, Clock.GetUtcNow().AddMinutes(1), "HTTP 503", Ct);
        var others = await store.Outbox.ClaimAsync(Clock.GetUtcNow(), "pump", Lease, 10, Ct);
        foreach (var entry in others) await store.Outbox.MarkDeliveredAsync(entry.Id, Clock.GetUtcNow(), Ct);

        Assert.Equal("U1", first.Reply!.Recipient);
        Assert.Equal(["reply:slack:C1:U2", "inc-1"], others.Select(e => e.Channel));
        Assert.True(await store.Outbox.HasPendingAsync("reply:slack:C1:U1", Ct));
        Assert.False(await store.Outbox.HasPendingAsync("reply:slack:C1:U2", Ct));
        Assert.False(await store.Outbox.HasPendingAsync("inc-1", Ct));
        Assert.Equal(2, await store.Outbox.CountPendingAsync(Ct));
    }

    private async Task CommitMessagesAsync(IStoreUnderTest store, long number, params (string Channel, string Text)[] messages)
    {
        var builder = CommitBuilder.Create(new IncidentBuilder(number));
        foreach (var (channel, text) in messages) builder.WithMessage(MessageKind.Notice, channel, text);
        Assert.Equal(CommitOutcome.Committed, (await store.Incidents.CommitAsync(builder.Build(), Ct)).Outcome);
    }
}
