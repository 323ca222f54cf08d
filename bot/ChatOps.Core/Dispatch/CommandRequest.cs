using ChatOps.Core.Incidents;

namespace ChatOps.Core.Dispatch;

/// <summary>Command text as a surface received it, before parsing.</summary>
public sealed record CommandRequest(string Text, Actor Actor, string Channel, string Surface, string IdempotencyKey);
