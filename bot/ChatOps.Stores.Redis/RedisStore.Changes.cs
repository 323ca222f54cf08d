using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public sealed partial class RedisStore
{
    /// <summary>
    /// Calls <paramref name="onChange"/> whenever any replica on this Redis commits, delivers an outbox message or
    /// writes to the console transcript (the scripts publish on <c>{prefix}events</c>), so live views and the outbox
    /// pump wake at once instead of at their next poll. The subscription ends when the store is disposed; after a
    /// reconnect StackExchange.Redis subscribes again by itself.
    /// </summary>
    public Task SubscribeToChangesAsync(Action<string> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        return _connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_keys.Events), (_, message) => onChange(message.ToString()));
    }

    /// <summary>Round trip to Redis; for health checks.</summary>
    public Task<TimeSpan> PingAsync(CancellationToken ct) => Guard(() => _db.PingAsync(), ct);
}
