using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Delivery;

/// <summary>
/// One outbound message ready for a chat platform: the platform-neutral card plus where it goes. Messages with
/// the same <see cref="MessageKey"/> replace each other in place (the status card). <see cref="Snapshot"/> is the
/// incident as the message froze it, for surfaces that need more than the card (Teams mentions the commander).
/// <see cref="MaybePostedSince"/> is set when an earlier attempt may have posted it already (it failed or was cut off):
/// a sink whose platform has no idempotent post looks for that post, made since then, before posting again.
/// </summary>
public sealed record OutboundDelivery(
    string MessageKey,
    string Channel,
    IncidentId Incident,
    MessageKind Kind,
    CardView Card,
    DateTimeOffset At,
    Incident? Snapshot = null,
    DateTimeOffset? MaybePostedSince = null);

/// <summary>
/// The delivery port of the outbox pump. Each chat surface (web console now, Slack and Teams later) renders the
/// card its own way and posts it, or updates the earlier post with the same key. Throwing means "retry later".
/// </summary>
public interface IMessageSink
{
    Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct);
}
