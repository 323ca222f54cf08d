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
    ILogger<RedisChangeRelay> logger) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesRedis) return;
        var store = services.GetRequiredService<RedisStore>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Once subscribed, the client renews the subscription itself after every reconnect.
                await store.SubscribeToChangesAsync(OnChange);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSubscribeFailed(ex);
                await Task.Delay(RetryInterval, clock, stoppingToken);
            }
        }
    }

    private void OnChange(string change)
    {
        if (change.StartsWith("commit:", StringComparison.Ordinal)) wakeup.Raise();
        live.Raise();
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Could not subscribe to Redis change events yet; retrying (live views poll meanwhile)")]
    private partial void LogSubscribeFailed(Exception ex);
}
