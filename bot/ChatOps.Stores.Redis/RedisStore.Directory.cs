using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

/// <summary>Platform ids of neutral channels and messages, a hash per surface; a later bind of the same name replaces the earlier one.</summary>
public sealed partial class RedisStore
{
    public Task BindChannelAsync(string surface, string channel, string platformChannel, CancellationToken ct) =>
        Guard(() => RedisScripts.BindChannel.RunAsync(_db, Prefix, surface, channel, platformChannel), ct);

    public Task<string?> FindPlatformChannelAsync(string surface, string channel, CancellationToken ct) =>
        Guard(async () => (string?)await _db.HashGetAsync(_keys.Prefix + "dir:ch:" + surface, channel).ConfigureAwait(false), ct);

    public Task<string?> FindChannelAsync(string surface, string platformChannel, CancellationToken ct) =>
        Guard(async () =>
        {
            var first = await _db.SortedSetRangeByRankAsync(_keys.Prefix + "dir:pch:" + surface + ":" + platformChannel, 0, 0).ConfigureAwait(false);
            return first.Length == 0 ? null : (string?)first[0];
        }, ct);

    public Task BindMessageAsync(string surface, string messageKey, string platformMessage, CancellationToken ct) =>
        Guard(() => _db.HashSetAsync(_keys.Prefix + "dir:msg:" + surface, messageKey, platformMessage), ct);

    public Task<string?> FindPlatformMessageAsync(string surface, string messageKey, CancellationToken ct) =>
        Guard(async () => (string?)await _db.HashGetAsync(_keys.Prefix + "dir:msg:" + surface, messageKey).ConfigureAwait(false), ct);
}
