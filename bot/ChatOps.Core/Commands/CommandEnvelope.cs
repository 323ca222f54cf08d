using ChatOps.Core.Incidents;

namespace ChatOps.Core.Commands;

/// <summary>
/// A command with who sent it, from where and under which idempotency key. The key identifies one delivery
/// of the user's intent: a redelivery carries the same key and changes nothing.
/// </summary>
public sealed record CommandEnvelope(
    Command Command,
    Actor Actor,
    string Channel,
    string Surface,
    string IdempotencyKey);
