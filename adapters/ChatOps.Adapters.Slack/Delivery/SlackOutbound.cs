using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Slack.Delivery;

/// <summary>
/// One outbox message for Slack: the neutral channel, the composed card and, when the host has it, the snapshot the
/// message was frozen with (whom to invite into a new incident channel). Same key = same Slack message, updated in place.
/// <see cref="MaybePostedSince"/>: an earlier attempt may have posted it (see <c>OutboundDelivery</c>); the channel's
/// history since then is searched for it before it is posted again.
/// </summary>
public sealed record SlackOutbound(
    string MessageKey, string Channel, MessageKind Kind, CardView Card, Incident? Snapshot = null, DateTimeOffset? MaybePostedSince = null);
