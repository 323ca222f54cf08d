using ChatOps.Core.Ports;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

/// <summary>
/// Every store port on a shared Redis, for several bot replicas at once. Each write is one Lua script (atomic,
/// one round trip); reads are single commands. Thread-safe; open it with <see cref="RedisStoreFactory.Connect"/>
/// and share one instance per process.
/// </summary>
public sealed partial class RedisStore : IIncidentStore, ITimerStore, IOutboxStore, IIdempotencyClaims, IConsoleTranscript, IInboundQueue, IPlatformDirectory, IDisposable, IAsyncDisposable
{
    private readonly IConnectionMultiplexer _connection;
    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly TimeProvider _clock;
    private readonly ChannelDirectory _channels = new();

    internal RedisStore(IConnectionMultiplexer connection, string keyPrefix, TimeProvider clock)
    {
        _connection = connection;
        _db = connection.GetDatabase();
        _keys = new RedisKeys(keyPrefix);
        _clock = clock;
    }

    internal IConnectionMultiplexer Connection => _connection;

    public void Dispose() => _connection.Dispose();

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync().ConfigureAwait(false);

    /// <summary>Runs one store operation, turning "Redis cannot be reached" into the port's <see cref="StoreUnavailableException"/>.</summary>
    private static async Task<T> Guard<T>(Func<Task<T>> operation, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new StoreUnavailableException("The incident store (Redis) is unavailable right now; try again in a moment.", ex);
        }
    }

    /// <summary>Down, unreachable, too slow, or still loading its data after a restart: all pass once Redis is back.</summary>
    internal static bool IsUnavailable(Exception ex) =>
        ex is RedisConnectionException or RedisTimeoutException or ObjectDisposedException
        || (ex is RedisServerException server && (server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("READONLY", StringComparison.Ordinal)));

    private RedisValue Prefix => _keys.Prefix;
}
