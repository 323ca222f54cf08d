using ChatOps.Stores.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

/// <summary>The <c>redis</c> entry of <c>/healthz</c> (Redis provider only): reachable or not, and the ping time.</summary>
internal sealed class RedisHealthCheck(RedisStore store, IOptions<RedisStoreOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["keyPrefix"] = options.Value.KeyPrefix };
        try
        {
            var ping = await store.PingAsync(cancellationToken);
            data["pingMs"] = Math.Round(ping.TotalMilliseconds, 2);
            return HealthCheckResult.Healthy("Redis answers.", data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable: commands are refused with 503 until it is back.", ex, data);
        }
    }
}
