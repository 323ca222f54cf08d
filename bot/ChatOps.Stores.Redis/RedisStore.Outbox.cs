using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public sealed partial class RedisStore
{
    public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct) =>
        Guard<IReadOnlyList<OutboxEntry>>(async () =>
        {
            if (max <= 0) return [];
            var at = RedisTime.From(now);
            var until = RedisTime.From(now + lease);
            var reply = (RedisResult[])(await RedisScripts.ClaimOutbox.RunAsync(_db, Prefix, at.Ms, at.Rem, until.Ms, until.Rem, owner, max).ConfigureAwait(false))!;
            var claimed = new List<OutboxEntry>(reply.Length / 5);
            for (var i = 0; i < reply.Length; i += 5)
            {
                var (id, attempts, created) = ((long)reply[i], (int)reply[i + 2], RedisTime.FromTicks((string)reply[i + 3]!));
                var entry = StoredJson.TryReadMessage((byte[]?)reply[i + 1]) is { } json
                    ? OutboxEntry.Read(id, json, attempts, created)
                    : OutboxEntry.Damaged(id, attempts, created, "stored bytes that do not inflate");
                claimed.Add(entry with { LeaseLapsed = (string?)reply[i + 4] == "1" });
            }
            return claimed;
        }, ct);

    public Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        Guard(() => RedisScripts.MarkDelivered.RunAsync(_db, Prefix, id), ct);

    public Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken ct)
    {
        var next = RedisTime.From(nextAttemptAt);
        return Guard(() => RedisScripts.RetryLater.RunAsync(_db, Prefix, id, next.Ms, next.Rem, error), ct);
    }

    Task<int> IOutboxStore.CountPendingAsync(CancellationToken ct) =>
        Guard(async () => (int)await _db.SortedSetLengthAsync(_keys.Outbox).ConfigureAwait(false), ct);

    /// <summary>Plain JSON: a reply is small, and <see cref="StoredJson.ReadMessage"/> reads plain and deflated alike.</summary>
    public Task EnqueueRepliesAsync(IReadOnlyList<QueuedReply> replies, DateTimeOffset now, DateTimeOffset dueAt, CancellationToken ct)
    {
        var due = RedisTime.From(dueAt);
        var args = new List<RedisValue> { Prefix, RedisTime.Ticks(now), due.Ms, due.Rem };
        foreach (var reply in replies)
        {
            args.Add(reply.Channel);
            args.Add(OutboxEntry.Serialize(reply));
        }
        return Guard(() => RedisScripts.EnqueueOutbox.RunAsync(_db, [.. args]), ct);
    }

    public Task<bool> HasPendingAsync(string channel, CancellationToken ct) =>
        Guard(() => _db.KeyExistsAsync(Prefix + "outbox:ch:" + channel), ct);
}
