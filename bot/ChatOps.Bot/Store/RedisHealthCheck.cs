using ChatOps.Stores.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatOps.Bot.Store;

/// <summary>
/// The <c>redis</c> entry of <c>/healthz</c> (Redis provider only): reachable or not, the ping time, and "Degraded" with
/// the settings that can lose answered commands (<see cref="RedisStore.FindDurabilityRisksAsync"/>).
/// </summary>
internal sealed class RedisHealthCheck(RedisStore store, IOptions<RedisStoreOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["keyPrefix"] = options.Value.KeyPrefix };
        try
        {
            var ping = await store.PingAsync(cancellationToken);
            data["pingMs"] = Math.Round(ping.TotalMilliseconds, 2);
            var risks = await RisksAsync(data, cancellationToken);
            if (risks.Count == 0) return HealthCheckResult.Healthy("Redis answers.", data);
            data["risks"] = risks;
            return HealthCheckResult.Degraded("Redis answers, but its settings can lose answered commands.", data: data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable: commands are refused with 503 until it is back.", ex, data);
        }
    }

    /// <summary>A Redis that answers PING but hides INFO is reported as such, not as unreachable.</summary>
    private async Task<IReadOnlyList<string>> RisksAsync(Dictionary<string, object> data, CancellationToken ct)
    {
        try
        {
            return await store.FindDurabilityRisksAsync(ct);
        }
        catch (RedisServerException ex)
        {
            data["settings"] = "not readable: " + ex.Message;
            return [];
        }
    }
}
