using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public static class RedisStoreFactory
{
    /// <summary>
    /// Connects to Redis. A Redis that is down at start is not fatal: the connection keeps retrying in the
    /// background, and meanwhile every store call fails fast with <see cref="Core.Ports.StoreUnavailableException"/>.
    /// </summary>
    public static RedisStore Connect(RedisStoreOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        // Queueing commands while disconnected would hold HTTP requests for seconds; failing at once lets the caller
        // answer "store unavailable, try again".
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var connection = ConnectionMultiplexer.Connect(configuration);
        return new RedisStore(connection, options.KeyPrefix, clock);
    }
}
