using ChatOps.Stores.Redis;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

/// <summary>
/// A start-up step of the Redis provider that needs Redis to answer: it runs once Redis does, retried at
/// <see cref="RetryInterval"/> while <see cref="ShouldRetry"/> says so. A Redis that is down at start is not fatal.
/// </summary>
internal abstract class RedisStartupStep(IServiceProvider services, IOptions<StoreOptions> options, TimeProvider clock) : BackgroundService
{
    protected abstract TimeSpan RetryInterval { get; }

    protected abstract Task RunAsync(RedisStore store, CancellationToken ct);

    /// <summary>Whether <paramref name="failure"/> of <see cref="RunAsync"/> is worth another try (log it here if it is worth a line).</summary>
    protected abstract bool ShouldRetry(Exception failure);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesRedis) return;
        var store = services.GetRequiredService<RedisStore>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(store, stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ShouldRetry(ex))
            {
                await Task.Delay(RetryInterval, clock, stoppingToken);
            }
        }
    }
}
