using System.Text.Json;
using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;

namespace ChatOps.Core.Ports;

/// <summary>
/// One claimed outbox entry: either a bridge <see cref="Message"/> (committed with its command) or a
/// <see cref="Reply"/> to one person that could not be sent at once (see <see cref="IOutboxStore.EnqueueRepliesAsync"/>),
/// or, when what was stored cannot be read (written by another version, or damaged), neither: <see cref="Unreadable"/>
/// says why, and the pump logs and settles it, so one bad row does not stop the whole outbox.
/// </summary>
public sealed record OutboxEntry(long Id, OutboundMessage? Message, int Attempts, DateTimeOffset CreatedAt, QueuedReply? Reply = null)
{
    public string Channel => Message?.Channel ?? Reply?.Channel ?? $"unreadable:{Id}";

    public string? Unreadable { get; init; }

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
        try
        {
            if (json.StartsWith(ReplyPrefix, StringComparison.Ordinal))
            {
                return IncidentJson.Deserialize<ReplyEnvelope>(json)?.Reply is { } reply
                    ? new OutboxEntry(id, null, attempts, createdAt, reply)
                    : Damaged(id, attempts, createdAt, "an empty reply");
            }
            return IncidentJson.Deserialize<OutboundMessage>(json) is { } message
                ? new OutboxEntry(id, message, attempts, createdAt)
                : Damaged(id, attempts, createdAt, "an empty message");
        }
        catch (JsonException ex)
        {
            return Damaged(id, attempts, createdAt, ex.Message);
        }
    }

    /// <summary>An entry whose stored form cannot be read, for <paramref name="reason"/>.</summary>
    public static OutboxEntry Damaged(long id, int attempts, DateTimeOffset createdAt, string reason) =>
        new(id, null, attempts, createdAt) { Unreadable = reason };

    private const string ReplyPrefix = "{\"reply\":";

    private sealed record ReplyEnvelope(QueuedReply Reply);
}
