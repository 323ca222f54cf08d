using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Ports;

/// <summary>
/// One claimed outbox entry: either a bridge <see cref="Message"/> (committed with its command) or a
/// <see cref="Reply"/> to one person that could not be sent at once (see <see cref="IOutboxStore.EnqueueRepliesAsync"/>).
/// </summary>
public sealed record OutboxEntry(long Id, OutboundMessage? Message, int Attempts, DateTimeOffset CreatedAt, QueuedReply? Reply = null)
{
    public string Channel => Message?.Channel ?? Reply!.Channel;

    public string MessageKey => Message?.MessageKey(Id) ?? $"reply:{Id}";

    /// <summary>True when an earlier claim of this entry lapsed: the pump that held it stopped before it settled it.</summary>
    public bool LeaseLapsed { get; init; }

    /// <summary>
    /// An earlier attempt failed or was cut off, so what it did on the platform is not known: a post may have been made
    /// although its answer never came. A platform without idempotent posts looks before it posts again.
    /// </summary>
    public bool ClaimedBefore => Attempts > 0 || LeaseLapsed;

    /// <summary>Both stores keep an entry as JSON; a reply is wrapped as <c>{"reply": ...}</c>, which no message starts with.</summary>
    public static string Serialize(QueuedReply reply) => IncidentJson.Serialize(new ReplyEnvelope(reply));

    public static OutboxEntry Read(long id, string json, int attempts, DateTimeOffset createdAt)
    {
        if (json.StartsWith(ReplyPrefix, StringComparison.Ordinal))
        {
            var reply = IncidentJson.Deserialize<ReplyEnvelope>(json)?.Reply ?? throw Unreadable();
            return new OutboxEntry(id, null, attempts, createdAt, reply);
        }
        var message = IncidentJson.Deserialize<OutboundMessage>(json) ?? throw Unreadable();
        return new OutboxEntry(id, message, attempts, createdAt);
    }

    private const string ReplyPrefix = "{\"reply\":";

    private static InvalidOperationException Unreadable() => new("A stored outbox message is unreadable.");

    private sealed record ReplyEnvelope(QueuedReply Reply);
}
