using ChatOps.Bot.Live;
using ChatOps.Stores.Redis;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

/// <summary>
/// With the Redis provider, every replica's commits, deliveries and console messages wake this replica's live views
/// (console, status page) at once, instead of at their next poll. Only this replica's own commits wake its outbox
/// pump (that covers every path that commits here: API, console, chat adapters, timers); another replica delivers
/// what it committed, and waking every pump on every commit made them race for the same messages (a claim script
/// each) for nothing. A replica that dies leaves its messages to the others' next poll once its lease ends.
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
                await store.SubscribeToChangesAsync(change => OnChange(store, change));
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSubscribeFailed(ex);
                await Task.Delay(RetryInterval, clock, stoppingToken);
            }
        }
    }

    private void OnChange(RedisStore store, string change)
    {
        if (store.IsOwnCommit(change)) wakeup.Raise();
        live.Raise();
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Could not subscribe to Redis change events yet; retrying (live views poll meanwhile)")]
    private partial void LogSubscribeFailed(Exception ex);
}
