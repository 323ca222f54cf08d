using ChatOps.Core.Ports;
using ChatOps.Stores.Redis;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

/// <summary>
/// With the Redis provider, warns once at start (as soon as Redis answers) about Redis settings that can lose answered
/// commands, such as an evicting <c>maxmemory-policy</c> or no append-only file. The bot still runs: the operator may
/// have reasons, and <c>/healthz</c> keeps reporting the risk as "Degraded" until it is fixed.
/// </summary>
internal sealed partial class RedisSettingsAudit(
    IServiceProvider services,
    IOptions<StoreOptions> options,
    TimeProvider clock,
    ILogger<RedisSettingsAudit> logger) : RedisStartupStep(services, options, clock)
{
    protected override TimeSpan RetryInterval => TimeSpan.FromSeconds(5);

    protected override async Task RunAsync(RedisStore store, CancellationToken ct)
    {
        try
        {
            foreach (var risk in await store.FindDurabilityRisksAsync(ct)) LogRisk(risk);
        }
        catch (Exception ex) when (ex is not StoreUnavailableException && !ct.IsCancellationRequested)
        {
            // A server that hides INFO (an ACL, a renamed command) is the operator's choice: say so, never stop the bot.
            LogUnreadable(ex);
        }
    }

    protected override bool ShouldRetry(Exception failure) => failure is StoreUnavailableException;

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Redis setting can lose answered commands: {Risk}")]
    private partial void LogRisk(string risk);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Could not read Redis's settings (INFO); check maxmemory-policy and appendonly yourself")]
    private partial void LogUnreadable(Exception ex);
}
