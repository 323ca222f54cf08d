using ChatOps.Core.Ports;
using ChatOps.Stores.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The store chosen by <c>Store:Provider</c>; only <c>Sqlite</c> exists for now.</summary>
    public static IServiceCollection AddChatOpsStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();
        return services.AddSqliteStore();
    }

    /// <summary>
    /// The embedded SQLite store (section <c>Store:Sqlite</c>). A relative <c>Path</c> resolves against the working
    /// directory, so <c>dotnet run --project bot/ChatOps.Bot</c> from the repo root writes <c>./data/chatops.db</c>.
    /// </summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services)
    {
        services.AddOptions<SqliteStoreOptions>().BindConfiguration(SqliteStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => SqliteStoreFactory.Open(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<ITimerStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IIdempotencyClaims>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IConsoleTranscript>(sp => sp.GetRequiredService<SqliteStore>());
        return services;
    }
}
