using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

/// <summary>Configuration section <c>Store</c>: which store implementation holds incidents, timers and the outbox.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";
    public const string Sqlite = "Sqlite";
    public const string Redis = "Redis";

    /// <summary><c>Sqlite</c> (embedded, one process) or <c>Redis</c> (shared by several replicas).</summary>
    public string Provider { get; set; } = Sqlite;

    public bool UsesRedis => string.Equals(Provider, Redis, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Refuses to start with a provider this build does not have, naming the value and the choices.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        string.Equals(options.Provider, StoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase) || options.UsesRedis
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Store:Provider '{options.Provider}' is not supported. Use 'Sqlite' (the embedded store, the default) or 'Redis' (shared by several replicas; see Store:Redis).");
}
