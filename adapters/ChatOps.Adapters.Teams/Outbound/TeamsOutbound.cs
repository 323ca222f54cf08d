using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Adapters.Teams.Outbound;

/// <summary>
/// One outbox message for Teams: the neutral channel, the composed card and, when the host has it, the incident
/// snapshot the message was frozen with (for mentions and user-specific views).
/// </summary>
public sealed record TeamsOutbound(string MessageKey, string Channel, MessageKind Kind, CardView Card, Incident? Snapshot = null);
