using ChatOps.Core.Bridge;

namespace ChatOps.Core.Ports;

public sealed record OutboxEntry(long Id, OutboundMessage Message, int Attempts, DateTimeOffset CreatedAt)
{
    public string MessageKey => Message.MessageKey(Id);
}

/// <summary>
/// The durable outbox. Messages are written by <see cref="IIncidentStore.CommitAsync"/> and delivered by the pump.
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
}
