namespace ChatOps.Core.Ports;

/// <summary>A request a chat platform delivered, recorded before it was acknowledged.</summary>
public sealed record InboundItem(long Id, string Surface, string DedupeKey, string Payload, DateTimeOffset ReceivedAt, int Attempts);

/// <summary>
/// The durable inbox of the adapters. Slack must be answered within 3 s and Teams within 15 s, and neither resends
/// a slash command once acknowledged, so an adapter records the request here, answers, and the inbound pump does
/// the work afterwards: a crash after the acknowledgement loses nothing. The dedupe key (Slack <c>event_id</c>, Teams
/// activity id, ...) makes a redelivery a no-op for at least <see cref="DedupeWindow"/>.
/// </summary>
public interface IInboundQueue
{
    /// <summary>Slack retries events for up to ~5 minutes; keys are remembered at least twice that long.</summary>
    public static readonly TimeSpan DedupeWindow = TimeSpan.FromMinutes(10);

    /// <summary>Records the request; false when the same surface and dedupe key were already recorded (a redelivery).</summary>
    Task<bool> EnqueueAsync(string surface, string dedupeKey, string payload, DateTimeOffset now, CancellationToken ct);

    /// <summary>Claims pending items in arrival order, leased to <paramref name="owner"/> (an expired lease is claimable again).</summary>
    Task<IReadOnlyList<InboundItem>> ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct);

    Task CompleteAsync(long id, DateTimeOffset now, CancellationToken ct);

    Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken ct);
}
