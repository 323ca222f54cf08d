using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public sealed partial class RedisStore
{
    /// <summary>One script, one round trip: see <see cref="RedisScripts.Commit"/> for the checks and writes.</summary>
    public Task<CommitResult> CommitAsync(IncidentCommit commit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var args = CommitArguments(commit, _clock.GetUtcNow());
        return Guard(async () =>
        {
            var reply = (RedisResult[])(await RedisScripts.Commit.RunAsync(_db, args).ConfigureAwait(false))!;
            return (int)reply[0] switch
            {
                1 => Committed(commit),
                2 => new CommitResult(CommitOutcome.VersionConflict),
                _ => new CommitResult(CommitOutcome.Duplicate, (string?)reply[1]),
            };
        }, ct);
    }

    private CommitResult Committed(IncidentCommit commit)
    {
        if (commit.ExpectedVersion == 0) _channels.Remember(commit.Snapshot.Channel, commit.Snapshot.Id);
        return new CommitResult(CommitOutcome.Committed);
    }

    private RedisValue[] CommitArguments(IncidentCommit commit, DateTimeOffset now)
    {
        // The stored version is always expected + 1, whatever the snapshot claims, so versions never skip or repeat.
        var snapshot = commit.Snapshot with { Version = commit.ExpectedVersion + 1 };
        var nowTime = RedisTime.From(now);
        var args = new List<RedisValue>
        {
            Prefix, commit.IdempotencyKey, commit.ResultJson, snapshot.Id.Number, commit.ExpectedVersion,
            IncidentJson.Serialize(snapshot), snapshot.Channel, snapshot.Service.ToLowerInvariant(), snapshot.Status.IsOpen() ? "1" : "0",
            RedisTime.Ticks(now), nowTime.Ms, nowTime.Rem,
            commit.CompletedTimer?.Key ?? "", commit.CompletedTimer is { } done ? RedisTime.Ticks(done.DueAt) : "",
            commit.Events.Count,
        };
        // Sequence and incident are implied by the list the entry sits in; times are kept in UTC as SQLite keeps them.
        args.AddRange(commit.Events.Select(e => (RedisValue)IncidentJson.Serialize(e with { Sequence = 0, At = e.At.ToUniversalTime() })));
        args.Add(commit.Messages.Count);
        foreach (var message in commit.Messages)
        {
            args.Add(message.Channel);
            args.Add(StoredJson.Deflate(IncidentJson.Serialize(message)));
        }
        args.Add(commit.Timers.Count);
        foreach (var change in commit.Timers)
        {
            var due = change.DueAt is { } at ? RedisTime.From(at) : default;
            args.Add(change.Key);
            args.Add(change.Incident.Number);
            args.Add(change.DueAt is { } dueAt ? RedisTime.Ticks(dueAt) : "");
            args.Add(due.Ms);
            args.Add(due.Rem);
        }
        return [.. args];
    }
}
