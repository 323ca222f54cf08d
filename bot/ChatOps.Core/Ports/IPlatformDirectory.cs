namespace ChatOps.Core.Ports;

/// <summary>
/// What a chat platform calls the bridge's neutral names: the platform's channel for a channel name
/// (<c>inc-7-db-down</c> -> Slack <c>C0123</c>, or a Teams conversation reference as JSON), and the platform's
/// message id for a message key (the status card's <c>ts</c> or activity id, so it is updated in place).
/// Written by the platform clients as they create channels and post; read by adapters to know which
/// incident a platform channel implies. Keys are per <c>surface</c> ("slack", "teams").
/// </summary>
public interface IPlatformDirectory
{
    Task BindChannelAsync(string surface, string channel, string platformChannel, CancellationToken ct);

    Task<string?> FindPlatformChannelAsync(string surface, string channel, CancellationToken ct);

    /// <summary>The neutral channel name bound to <paramref name="platformChannel"/>, if any.</summary>
    Task<string?> FindChannelAsync(string surface, string platformChannel, CancellationToken ct);

    Task BindMessageAsync(string surface, string messageKey, string platformMessage, CancellationToken ct);

    Task<string?> FindPlatformMessageAsync(string surface, string messageKey, CancellationToken ct);
}
