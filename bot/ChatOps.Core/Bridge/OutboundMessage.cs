using ChatOps.Core.Incidents;

namespace ChatOps.Core.Bridge;

/// <summary>What a platform-neutral message is; the card composer turns kind + snapshot into a view model.</summary>
public enum MessageKind
{
    /// <summary>The one status card of an incident channel, updated in place.</summary>
    StatusCard,
    /// <summary>First word to stakeholders on declare (seed 001: acknowledge first, with the ticket id).</summary>
    Acknowledgement,
    StakeholderUpdate,
    ServiceRestored,
    Reminder,
    PostmortemPrompt,
    /// <summary>Plain text notice (role changes, reopen, hand-off, cancel...).</summary>
    Notice,
}

/// <summary>
/// A message the bridge wants posted, committed with the command through the outbox. <see cref="Snapshot"/> is
/// frozen at the command so a later delivery shows what was true then.
/// </summary>
public sealed record OutboundMessage(MessageKind Kind, string Channel, IncidentId Incident, string Text, Incident Snapshot)
{
    /// <summary>Messages with the same key replace each other in place (the status card).</summary>
    public string MessageKey(long outboxId) => Kind == MessageKind.StatusCard ? $"status:{Incident}:{Channel}" : $"msg:{outboxId}";
}

/// <summary>A reply to the person who sent the command. <see cref="Card"/> names the card to render from <see cref="Snapshot"/>.</summary>
public sealed record Reply(string Text, MessageKind? Card = null, Incident? Snapshot = null);

/// <summary>Schedule (DueAt set) or cancel (DueAt null) the durable timer with this key.</summary>
public sealed record TimerChange(string Key, IncidentId Incident, DateTimeOffset? DueAt)
{
    public static string UpdateDueKey(IncidentId id) => $"update-due:{id}";
}
