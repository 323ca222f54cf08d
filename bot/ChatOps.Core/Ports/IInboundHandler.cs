namespace ChatOps.Core.Ports;

/// <summary>
/// Works off the <see cref="IInboundQueue"/> items of one surface after they were acknowledged. The host's inbound
/// pump claims items in arrival order and hands each to the handler of its surface; throwing means "retry later".
/// </summary>
public interface IInboundHandler
{
    /// <summary>The surface whose items this handler takes ("slack", "teams").</summary>
    string Surface { get; }

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
