using ChatOps.Core.Bridge;

namespace ChatOps.Core.Ports;

/// <summary>
/// The durable outbox. Messages are written by <see cref="IIncidentStore.CommitAsync"/>, replies that could not be
/// sent at once by <see cref="EnqueueReplyAsync"/>, and both are delivered by the pump.
/// Order per channel is preserved: a message is never claimed while an earlier message to the same channel is
/// still undelivered and not part of the same claim.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Claims pending messages whose next attempt is due, in id order, leased to <paramref name="owner"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct);

    Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Releases the claim and retries no earlier than <paramref name="nextAttemptAt"/>.</summary>
    Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken ct);

    Task<int> CountPendingAsync(CancellationToken ct);

    /// <summary>
    /// Queues replies, in one write and in this order, behind everything still waiting on their channels; their first
    /// attempt is due at <paramref name="dueAt"/>.
    /// </summary>
    Task EnqueueRepliesAsync(IReadOnlyList<QueuedReply> replies, DateTimeOffset now, DateTimeOffset dueAt, CancellationToken ct);

    /// <summary>
    /// True while something to <paramref name="channel"/> is undelivered: a new reply to that person then queues behind
    /// it instead of overtaking it.
    /// </summary>
    Task<bool> HasPendingAsync(string channel, CancellationToken ct);
}
