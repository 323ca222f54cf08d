namespace ChatOps.Core.Ports;

/// <summary>
/// Works off the <see cref="IInboundQueue"/> items of one surface after they were acknowledged. The host's inbound
/// pump claims items in arrival order and hands each to the handler of its surface; throwing means "retry later".
/// </summary>
public interface IInboundHandler
{
    /// <summary>The surface whose items this handler takes ("slack", "teams").</summary>
    string Surface { get; }

    /// <summary>
    /// The conversation an item belongs to (a Slack channel, a Teams conversation). The pump handles items with the
    /// same key one after another in arrival order, and items of different conversations side by side, so a reply
    /// that waits on a slow platform holds up its own conversation only. Never throws: an unreadable item gets a key
    /// of its own choosing and fails in <see cref="HandleAsync"/>.
    /// </summary>
    string ConversationOf(InboundItem item);

    Task HandleAsync(InboundItem item, CancellationToken ct);
}

/// <summary>
/// Raised by an adapter right after it recorded an item in the <see cref="IInboundQueue"/>, so the host's inbound pump
/// starts at once instead of at its next poll (the poll still covers items recorded by another replica).
/// </summary>
public interface IInboundWakeup
{
    void Raise();
}
