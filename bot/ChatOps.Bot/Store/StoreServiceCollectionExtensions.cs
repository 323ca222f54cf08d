using ChatOps.Core.Ports;
using ChatOps.Stores.Redis;
using ChatOps.Stores.Sqlite;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// The store chosen by <c>Store:Provider</c>: <c>Sqlite</c> (default) or <c>Redis</c>. Both are registered and
    /// only the chosen one is ever created, so the choice is read from configuration when the ports are first used.
    /// </summary>
    public static IServiceCollection AddChatOpsStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        services.AddSqliteStore();
        services.AddRedisStore();
        services.AddSingleton<IIncidentStore>(Chosen<IIncidentStore>);
        services.AddSingleton<ITimerStore>(Chosen<ITimerStore>);
        services.AddSingleton<IOutboxStore>(Chosen<IOutboxStore>);
        services.AddSingleton<IIdempotencyClaims>(Chosen<IIdempotencyClaims>);
        services.AddSingleton<IConsoleTranscript>(Chosen<IConsoleTranscript>);
        services.AddSingleton<IInboundQueue>(Chosen<IInboundQueue>);
        services.AddSingleton<IPlatformDirectory>(Chosen<IPlatformDirectory>);
        services.AddSingleton<IRateGate>(sp => sp.GetRequiredService<IOptions<StoreOptions>>().Value.UsesRedis ? sp.GetRequiredService<RedisStore>() : new InProcessRateGate());
        services.AddTransient<IStartupFilter, StoreUnavailableStartupFilter>();
        services.AddSingleton<IDeveloperPageExceptionFilter, StoreUnavailableDeveloperPageFilter>();
        return services;
    }

    /// <summary>
    /// The embedded SQLite store (section <c>Store:Sqlite</c>) and its retention sweep. A relative <c>Path</c> resolves against the working
    /// directory, so <c>dotnet run --project bot/ChatOps.Bot</c> from the repo root writes <c>./data/chatops.db</c>.
    /// </summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services)
    {
        services.AddOptions<SqliteStoreOptions>().BindConfiguration(SqliteStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => SqliteStoreFactory.Open(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SqliteRetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<SqliteRetentionSweeper>());
        return services;
    }

    /// <summary>
    /// The shared Redis store (section <c>Store:Redis</c>: <c>Configuration</c>, <c>KeyPrefix</c>), its <c>/healthz</c>
    /// entry, the relay that wakes this replica's live views and outbox pump when another replica writes, and the
    /// start-up warning about Redis settings that can lose answered commands.
    /// </summary>
    public static IServiceCollection AddRedisStore(this IServiceCollection services)
    {
        services.AddOptions<RedisStoreOptions>().BindConfiguration(RedisStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => RedisStoreFactory.Connect(sp.GetRequiredService<IOptions<RedisStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<RedisChangeRelay>();
        services.AddHostedService<RedisSettingsAudit>();
        services.AddHealthChecks();
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<StoreOptions>>((health, store) =>
        {
            if (store.Value.UsesRedis) health.Registrations.Add(new HealthCheckRegistration("redis", sp => ActivatorUtilities.CreateInstance<RedisHealthCheck>(sp), null, null));
        });
        return services;
    }

    private static T Chosen<T>(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<StoreOptions>>().Value.UsesRedis
            ? (T)(object)sp.GetRequiredService<RedisStore>()
            : (T)(object)sp.GetRequiredService<SqliteStore>();
}
