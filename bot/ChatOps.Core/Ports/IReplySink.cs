using ChatOps.Core.Bridge;

namespace ChatOps.Core.Ports;

/// <summary>
/// Sends a <see cref="QueuedReply"/> of one chat platform when the outbox pump takes it. Returning settles the reply
/// (sent, or refused for good and logged); throwing means "try again later".
/// </summary>
public interface IReplySink
{
    string Surface { get; }

    Task DeliverAsync(QueuedReply reply, CancellationToken ct);
}
