using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Store;

/// <summary>Configuration section <c>Store</c>: which store implementation holds incidents, timers and the outbox.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";
    public const string Sqlite = "Sqlite";

    public string Provider { get; set; } = Sqlite;
}

/// <summary>Refuses to start with a provider this build does not have, naming the value and the choices.</summary>
internal sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options) =>
        string.Equals(options.Provider, StoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Store:Provider '{options.Provider}' is not supported. Use 'Sqlite' (the embedded store, the default); Redis comes in a later release.");
}
