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
