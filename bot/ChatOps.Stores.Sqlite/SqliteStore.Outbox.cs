using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;

namespace ChatOps.Stores.Sqlite;

public sealed partial class SqliteStore
{
    public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct) =>
        WriteOrRollbackAsync<IReadOnlyList<OutboxEntry>>(tx =>
        {
            var claimed = SelectClaimable(tx, now.ToTicks(), max);
            foreach (var entry in claimed)
            {
                tx.Execute("UPDATE outbox SET claimed_by = @owner, claimed_until = @until WHERE id = @id",
                    ("@owner", owner), ("@until", (now + lease).ToTicks()), ("@id", entry.Id));
            }
            return (claimed, true);
        }, ct);

    public Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        OnWriterAsync(c => c.Execute(
            "UPDATE outbox SET delivered_at = @at, claimed_by = NULL, claimed_until = NULL WHERE id = @id",
            ("@at", at.ToTicks()), ("@id", id)), ct);

    public Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken ct) =>
        OnWriterAsync(c => c.Execute(
            """
            UPDATE outbox SET attempts = attempts + 1, claimed_by = NULL, claimed_until = NULL, next_attempt_at = @next, last_error = @error
            WHERE id = @id AND delivered_at IS NULL
            """,
            ("@next", nextAttemptAt.ToTicks()), ("@error", error), ("@id", id)), ct);

    Task<int> IOutboxStore.CountPendingAsync(CancellationToken ct) =>
        OnReaderAsync(c => (int)(long)c.Scalar("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL")!, ct);

    public Task EnqueueRepliesAsync(IReadOnlyList<QueuedReply> replies, DateTimeOffset now, DateTimeOffset dueAt, CancellationToken ct) =>
        OnWriterAsync(c =>
        {
            foreach (var reply in replies)
            {
                c.Execute(
                    """
                    INSERT INTO outbox(channel, kind, incident, message_json, created_at, attempts, next_attempt_at)
                    VALUES(@channel, 'Reply', 0, @json, @now, 0, @due)
                    """,
                    ("@channel", reply.Channel), ("@json", OutboxEntry.Serialize(reply)), ("@now", now.ToTicks()), ("@due", dueAt.ToTicks()));
            }
            return replies.Count;
        }, ct);

    public Task<bool> HasPendingAsync(string channel, CancellationToken ct) =>
        OnReaderAsync(c => c.Scalar("SELECT 1 FROM outbox WHERE channel = @channel AND delivered_at IS NULL LIMIT 1", ("@channel", channel)) is not null, ct);

    /// <summary>
    /// The oldest claimable messages, at most <paramref name="max"/>. A message that cannot be taken now (not due, or
    /// leased to someone) blocks every later message to its channel, so each channel sees its messages in order. Works
    /// from each channel's oldest undelivered message, so a long queue behind one stuck channel (replies during a Slack
    /// outage) costs an index seek, not a walk through every row of it, while the writer is held.
    /// </summary>
    private static List<OutboxEntry> SelectClaimable(StoreConnection c, long now, int max)
    {
        var claimed = new List<PendingRow>();
        if (max <= 0) return [];
        foreach (var (channel, head) in PendingHeads(c).OrderBy(h => h.Head))
        {
            // Every message of this channel and of the channels after it is newer than the max-th oldest claimed.
            if (claimed.Count >= max && head > claimed[max - 1].Id) break;
            claimed.AddRange(ClaimableOfChannel(c, channel, now, max));
            claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
            if (claimed.Count > max) claimed.RemoveRange(max, claimed.Count - max);
        }
        // Only what is kept is deserialized.
        return [.. claimed.Select(r => OutboxEntry.Read(r.Id, r.Json, r.Attempts, StoredTime.FromTicks(r.CreatedAt)) with { LeaseLapsed = r.LeaseLapsed })];
    }

    /// <summary>Each channel with undelivered messages and its oldest, one index seek per channel (a loose index scan).</summary>
    private static List<(string Channel, long Head)> PendingHeads(StoreConnection c)
    {
        var heads = new List<(string, long)>();
        using var reader = c.Query(
            """
            WITH RECURSIVE pending(channel) AS (
                SELECT MIN(channel) FROM outbox WHERE delivered_at IS NULL
                UNION ALL
                SELECT (SELECT MIN(o.channel) FROM outbox o WHERE o.delivered_at IS NULL AND o.channel > pending.channel)
                FROM pending WHERE pending.channel IS NOT NULL)
            SELECT channel, (SELECT MIN(o.id) FROM outbox o WHERE o.delivered_at IS NULL AND o.channel = pending.channel)
            FROM pending WHERE channel IS NOT NULL
            """);
        while (reader.Read()) heads.Add((reader.GetString(0), reader.GetInt64(1)));
        return heads;
    }

    /// <summary>The channel's undelivered messages from its oldest on, up to the first that is not due or is leased.</summary>
    private static List<PendingRow> ClaimableOfChannel(StoreConnection c, string channel, long now, int max)
    {
        var claimable = new List<PendingRow>();
        using var reader = c.Query(
            """
            SELECT id, next_attempt_at, claimed_until, message_json, attempts, created_at
            FROM outbox WHERE channel = @channel AND delivered_at IS NULL ORDER BY id LIMIT @max
            """,
            ("@channel", channel), ("@max", max));
        while (reader.Read())
        {
            var due = reader.GetInt64(1) <= now;
            var leased = !reader.IsDBNull(2) && reader.GetInt64(2) > now;
            if (!due || leased) break;
            // A lease still set here has run out: the pump that held it died before it settled or retried the message.
            claimable.Add(new PendingRow(reader.GetInt64(0), reader.GetString(3), reader.GetInt32(4), reader.GetInt64(5), LeaseLapsed: !reader.IsDBNull(2)));
        }
        return claimable;
    }

    private readonly record struct PendingRow(long Id, string Json, int Attempts, long CreatedAt, bool LeaseLapsed);
}
