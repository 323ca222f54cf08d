using ChatOps.Bot.Live;
using ChatOps.Stores.Redis;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

/// <summary>
/// With the Redis provider, other replicas' commits, deliveries and console messages wake this replica's live views
/// (console, status page) and its outbox pump at once, instead of at their next poll.
/// </summary>
internal sealed partial class RedisChangeRelay(
    IServiceProvider services,
    IOptions<StoreOptions> options,
    LiveFeed live,
    OutboxWakeup wakeup,
    TimeProvider clock,
    ILogger<RedisChangeRelay> logger) : RedisStartupStep(services, options, clock)
{
    protected override TimeSpan RetryInterval => TimeSpan.FromSeconds(2);

    // Once subscribed, the client renews the subscription itself after every reconnect.
    protected override Task RunAsync(RedisStore store, CancellationToken ct) => store.SubscribeToChangesAsync(OnChange);

    protected override bool ShouldRetry(Exception failure)
    {
        LogSubscribeFailed(failure);
        return true;
    }

    private void OnChange(string change)
    {
        if (change.StartsWith("commit:", StringComparison.Ordinal)) wakeup.Raise();
        live.Raise();
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Could not subscribe to Redis change events yet; retrying (live views poll meanwhile)")]
    private partial void LogSubscribeFailed(Exception ex);
}
