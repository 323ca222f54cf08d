using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Stores.Sqlite;

public sealed partial class SqliteStore
{
    public Task<CommitResult> CommitAsync(IncidentCommit commit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var now = _clock.GetUtcNow().ToTicks();
        // The stored version is always expected + 1, whatever the snapshot claims, so versions never skip or repeat.
        var snapshot = commit.Snapshot with { Version = commit.ExpectedVersion + 1 };
        var snapshotJson = IncidentJson.Serialize(snapshot);
        var messages = commit.Messages.Select(m => (Message: m, Json: IncidentJson.Serialize(m))).ToList();
        return WriteOrRollbackAsync(tx => Apply(tx, commit, snapshot, snapshotJson, messages, now), ct);
    }

    private static (CommitResult, bool Commit) Apply(
        StoreConnection c, IncidentCommit commit, Incident snapshot, string snapshotJson,
        List<(OutboundMessage Message, string Json)> messages, long now)
    {
        var claimed = c.Execute(
            "INSERT OR IGNORE INTO idempotency(key, result_json, created_at, expires_at) VALUES(@k, @r, @now, NULL)",
            ("@k", commit.IdempotencyKey), ("@r", commit.ResultJson), ("@now", now));
        if (claimed == 0)
        {
            var prior = (string?)c.Scalar("SELECT result_json FROM idempotency WHERE key = @k", ("@k", commit.IdempotencyKey));
            return (new CommitResult(CommitOutcome.Duplicate, prior), false);
        }

        if (!SaveSnapshot(c, snapshot, commit.ExpectedVersion, snapshotJson)) return (new CommitResult(CommitOutcome.VersionConflict), false);

        AppendEvents(c, snapshot.Id, commit.Events);
        foreach (var (message, json) in messages)
        {
            c.Execute(
                """
                INSERT INTO outbox(channel, kind, incident, message_json, created_at, attempts, next_attempt_at)
                VALUES(@channel, @kind, @incident, @json, @now, 0, @now)
                """,
                ("@channel", message.Channel), ("@kind", message.Kind.ToString()), ("@incident", message.Incident.Number),
                ("@json", json), ("@now", now));
        }
        // Complete the fired timer before applying changes: a command that reschedules the same key keeps the new one.
        if (commit.CompletedTimer is { } done) DeleteTimer(c, done);
        foreach (var change in commit.Timers) ApplyTimerChange(c, change);
        return (new CommitResult(CommitOutcome.Committed), true);
    }

    private static bool SaveSnapshot(StoreConnection c, Incident snapshot, long expectedVersion, string json)
    {
        (string, object?)[] values =
        [
            ("@n", snapshot.Id.Number), ("@v", snapshot.Version), ("@expected", expectedVersion), ("@channel", snapshot.Channel),
            ("@status", snapshot.Status.ToText()), ("@service", snapshot.Service), ("@open", snapshot.Status.IsOpen() ? 1 : 0), ("@json", json),
        ];
        var sql = expectedVersion == 0
            ? """
              INSERT INTO incidents(number, version, channel, status, service, is_open, json)
              VALUES(@n, @v, @channel, @status, @service, @open, @json) ON CONFLICT(number) DO NOTHING
              """
            : """
              UPDATE incidents SET version = @v, channel = @channel, status = @status, service = @service, is_open = @open, json = @json
              WHERE number = @n AND version = @expected
              """;
        return c.Execute(sql, values) == 1;
    }

    private static void AppendEvents(StoreConnection c, IncidentId id, IReadOnlyList<TimelineEntry> events)
    {
        if (events.Count == 0) return;
        var last = (long)c.Scalar("SELECT COALESCE(MAX(seq), 0) FROM timeline WHERE number = @n", ("@n", id.Number))!;
        foreach (var entry in events)
        {
            c.Execute(
                """
                INSERT INTO timeline(number, seq, at, actor_id, actor_name, kind, text, surface)
                VALUES(@n, @seq, @at, @actorId, @actorName, @kind, @text, @surface)
                """,
                ("@n", id.Number), ("@seq", ++last), ("@at", entry.At.ToTicks()), ("@actorId", entry.Actor.Id),
                ("@actorName", entry.Actor.Name), ("@kind", entry.Kind), ("@text", entry.Text), ("@surface", entry.Surface));
        }
    }
}
