using ChatOps.Core.Ports;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

/// <summary>
/// The adapters' durable inbox. Explicit implementations: the outbox has methods of the same shape. A finished item
/// leaves the store; its dedupe key stays for twice <see cref="IInboundQueue.DedupeWindow"/>, so a late redelivery is
/// still recognised.
/// </summary>
public sealed partial class RedisStore
{
    private static readonly long DedupeTtlMs = (long)(IInboundQueue.DedupeWindow * 2).TotalMilliseconds;

    Task<bool> IInboundQueue.EnqueueAsync(string surface, string dedupeKey, string payload, DateTimeOffset now, CancellationToken ct)
    {
        var at = RedisTime.From(now);
        return Guard(async () => (int)await RedisScripts.EnqueueInbound.RunAsync(_db,
            Prefix, surface, dedupeKey, payload, RedisTime.Ticks(now), at.Ms, at.Rem, DedupeTtlMs).ConfigureAwait(false) == 1, ct);
    }

    Task<IReadOnlyList<InboundItem>> IInboundQueue.ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct) =>
        Guard<IReadOnlyList<InboundItem>>(async () =>
        {
            if (max <= 0) return [];
            var at = RedisTime.From(now);
            var until = RedisTime.From(now + lease);
            var reply = (RedisResult[])(await RedisScripts.ClaimInbound.RunAsync(_db, Prefix, at.Ms, at.Rem, until.Ms, until.Rem, owner, max).ConfigureAwait(false))!;
            var items = new List<InboundItem>(reply.Length / 6);
            for (var i = 0; i < reply.Length; i += 6)
            {
                items.Add(new InboundItem((long)reply[i], (string)reply[i + 1]!, (string)reply[i + 2]!, (string)reply[i + 3]!,
                    RedisTime.FromTicks((string)reply[i + 4]!), (int)reply[i + 5]));
            }
            return items;
        }, ct);

    Task IInboundQueue.CompleteAsync(long id, DateTimeOffset now, CancellationToken ct) =>
        Guard(() => RedisScripts.CompleteInbound.RunAsync(_db, Prefix, id), ct);

    Task IInboundQueue.RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken ct)
    {
        var next = RedisTime.From(nextAttemptAt);
        return Guard(() => RedisScripts.RetryInbound.RunAsync(_db, Prefix, id, next.Ms, next.Rem, error), ct);
    }
}
