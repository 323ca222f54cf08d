using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Bot.Delivery;

internal sealed partial class OutboxPump
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Delivered outbox entry {OutboxId} of {IncidentId} ({Kind}) to {Channel}")]
    private partial void LogDelivered(long outboxId, IncidentId incidentId, MessageKind kind, string channel);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Outbox entry {OutboxId} superseded by a newer revision of {MessageKey}")]
    private partial void LogSuperseded(long outboxId, string messageKey);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Delivering outbox entry {OutboxId} to {Channel} failed (attempt {Attempt}): {Reason}; retrying at {NextAttemptAt}")]
    private partial void LogDeliveryFailed(long outboxId, string channel, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Delivering outbox entry {OutboxId} to {Channel} failed unexpectedly (attempt {Attempt}); retrying at {NextAttemptAt}")]
    private partial void LogDeliveryBroke(Exception ex, long outboxId, string channel, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "The outbox pump failed; it tries again at the next poll")]
    private partial void LogPumpFailed(Exception ex);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Queued reply {OutboxId} to {Recipient} in {Conversation} settled")]
    private partial void LogReplySettled(long outboxId, string recipient, string conversation);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Queued reply {OutboxId} ({Surface}) to {Recipient} in {Conversation} expired at {ExpiresAt} before the platform took it; it is dropped")]
    private partial void LogReplyExpired(long outboxId, string surface, string recipient, string conversation, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Queued reply {OutboxId} to {Recipient} in {Conversation} is for {Surface}, which is not enabled here; it is dropped")]
    private partial void LogNoReplySink(long outboxId, string surface, string recipient, string conversation);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Error, Message = "Outbox entry {OutboxId} cannot be read ({Reason}); it is settled without delivery")]
    private partial void LogUnreadable(long outboxId, string reason);
}
