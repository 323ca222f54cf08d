using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public sealed partial class RedisStore
{
    public Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct) =>
        Guard<IReadOnlyList<DueTimer>>(async () =>
        {
            if (max <= 0) return [];
            var at = RedisTime.From(now);
            var until = RedisTime.From(now + lease);
            var reply = (RedisResult[])(await RedisScripts.ClaimTimers.RunAsync(_db, Prefix, at.Ms, at.Rem, until.Ms, until.Rem, owner, max).ConfigureAwait(false))!;
            var due = new List<DueTimer>(reply.Length / 3);
            for (var i = 0; i < reply.Length; i += 3)
            {
                due.Add(new DueTimer((string)reply[i]!, new IncidentId((long)reply[i + 1]), RedisTime.FromTicks((string)reply[i + 2]!)));
            }
            return due;
        }, ct);

    public Task CompleteAsync(DueTimer timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return Guard(() => RedisScripts.CompleteTimer.RunAsync(_db, Prefix, timer.Key, RedisTime.Ticks(timer.DueAt)), ct);
    }

    Task<int> ITimerStore.CountPendingAsync(CancellationToken ct) =>
        Guard(async () => (int)await _db.SortedSetLengthAsync(_keys.Timers).ConfigureAwait(false), ct);
}
