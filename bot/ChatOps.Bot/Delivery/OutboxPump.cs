using ChatOps.Bot.Live;
using ChatOps.Cards.Composition;
using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Delivery;

/// <summary>
/// Delivers the outbox while this replica leads delivery (<see cref="DeliveryLeadership"/>): claim a batch under a
/// lease, keep only the newest status card per message key, compose and hand each message to the sink (a queued reply
/// to its platform's reply sink), then mark it delivered; a failure is retried later with exponential backoff.
/// </summary>
internal sealed partial class OutboxPump(
    IOutboxStore outbox,
    IMessageSink sink,
    IEnumerable<IReplySink> replySinks,
    OutboxWakeup wakeup,
    LiveFeed live,
    PumpIdentity identity,
    DeliveryLeadership leadership,
    TimeProvider clock,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxPump> logger) : BatchPump(wakeup, clock, options.Value)
{
    private readonly DeliveryOptions _options = options.Value;
    private readonly Dictionary<string, IReplySink> _replySinks = replySinks.ToDictionary(s => s.Surface, StringComparer.Ordinal);

    /// <summary>Delivers one claimed batch; returns how many entries were settled (delivered or superseded).</summary>
    protected override async Task<int> RunBatchAsync(CancellationToken ct)
    {
        var now = Clock.GetUtcNow();
        if (!await leadership.LeadsAsync(now, ct)) return 0;
        var batch = await outbox.ClaimAsync(now, identity.Owner, _options.Lease, _options.BatchSize, ct);
        if (batch.Count == 0) return 0;
        var settled = await DeliverBatchAsync(batch, now, ct);
        live.Raise();
        return settled;
    }

    protected override void OnBatchFailed(Exception ex) => LogPumpFailed(ex);

    /// <summary>
    /// Channels are delivered side by side, each in order: a channel that must wait (Slack spaces posts to one channel
    /// about a second apart, a 429 pauses it) does not hold up the messages to every other channel in the batch.
    /// </summary>
    private async Task<int> DeliverBatchAsync(IReadOnlyList<OutboxEntry> batch, DateTimeOffset now, CancellationToken ct)
    {
        var newestByKey = batch.GroupBy(e => e.MessageKey).ToDictionary(g => g.Key, g => g.Max(e => e.Id));
        var settled = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.ChannelsInParallel, CancellationToken = ct };
        await Parallel.ForEachAsync(batch.GroupBy(e => e.Channel), parallel, async (channel, token) =>
        {
            var done = await DeliverChannelAsync(channel, newestByKey, now, token);
            Interlocked.Add(ref settled, done);
        });
        return settled;
    }

    /// <summary>One channel's share of the batch, oldest first; after a failure the rest wait, so the order holds.</summary>
    private async Task<int> DeliverChannelAsync(IEnumerable<OutboxEntry> entries, Dictionary<string, long> newestByKey, DateTimeOffset now, CancellationToken ct)
    {
        var settled = 0;
        var failed = false;
        foreach (var entry in entries)
        {
            if (failed)
            {
                await outbox.RetryLaterAsync(entry.Id, now + Backoff(entry.Attempts), "an earlier message to this channel failed", ct);
                continue;
            }
            if (newestByKey[entry.MessageKey] != entry.Id)
            {
                // A newer revision of the same status card is in this batch: delivering it covers this one.
                await outbox.MarkDeliveredAsync(entry.Id, now, ct);
                LogSuperseded(entry.Id, entry.MessageKey);
                settled++;
                continue;
            }
            if (await TryDeliverAsync(entry, now, ct)) settled++;
            else failed = true;
        }
        return settled;
    }

    private async Task<bool> TryDeliverAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        if (entry.Unreadable is { } why)
        {
            // Retrying cannot make it readable, and holding it would hold up its channel for good.
            LogUnreadable(entry.Id, why);
            await outbox.MarkDeliveredAsync(entry.Id, now, ct);
            return true;
        }
        try
        {
            if (entry.Reply is { } reply) await DeliverReplyAsync(entry.Id, reply, now, ct);
            else await DeliverMessageAsync(entry, now, ct);
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var next = now + Backoff(entry.Attempts);
            if (RemoteFailure.IsRoutine(ex)) LogDeliveryFailed(entry.Id, entry.Channel, entry.Attempts + 1, next, ex.Message);
            else LogDeliveryBroke(ex, entry.Id, entry.Channel, entry.Attempts + 1, next);
            await outbox.RetryLaterAsync(entry.Id, next, ex.Message, ct);
            return false;
        }
    }

    private async Task DeliverMessageAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        var message = entry.Message!;
        var card = CardComposer.Compose(message.Kind, message.Snapshot, message.Text);
        var maybePostedSince = entry.ClaimedBefore ? entry.CreatedAt : (DateTimeOffset?)null;
        await sink.DeliverAsync(new OutboundDelivery(entry.MessageKey, message.Channel, message.Incident, message.Kind, card, now, message.Snapshot, maybePostedSince), ct);
        await outbox.MarkDeliveredAsync(entry.Id, now, ct);
        LogDelivered(entry.Id, message.Incident, message.Kind, message.Channel);
    }

    /// <summary>
    /// A reply nobody waits for any more, or one whose platform is no longer enabled here, is logged and settled: no
    /// retry could deliver it.
    /// </summary>
    private async Task DeliverReplyAsync(long id, QueuedReply reply, DateTimeOffset now, CancellationToken ct)
    {
        if (now >= reply.ExpiresAt) LogReplyExpired(id, reply.Surface, reply.Recipient, reply.Conversation, reply.ExpiresAt);
        else if (!_replySinks.TryGetValue(reply.Surface, out var replySink)) LogNoReplySink(id, reply.Surface, reply.Recipient, reply.Conversation);
        else await replySink.DeliverAsync(reply, ct);
        await outbox.MarkDeliveredAsync(id, now, ct);
        LogReplySettled(id, reply.Recipient, reply.Conversation);
    }

    /// <summary>1 s, 2 s, 4 s ... capped by <see cref="DeliveryOptions.MaxBackoff"/>.</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Pow(2, Math.Clamp(attempts, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxBackoff.TotalSeconds));
    }
}
