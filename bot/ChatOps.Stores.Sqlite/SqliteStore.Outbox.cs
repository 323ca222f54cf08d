using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
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

    /// <summary>
    /// Walks the undelivered messages in id order. A message that cannot be taken now (not due, or leased to someone)
    /// blocks every later message to its channel, so each channel sees its messages in order.
    /// </summary>
    private static List<OutboxEntry> SelectClaimable(StoreConnection c, long now, int max)
    {
        var claimed = new List<OutboxEntry>();
        if (max <= 0) return claimed;
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        using var reader = c.Query(
            """
            SELECT id, channel, next_attempt_at, claimed_until, message_json, attempts, created_at
            FROM outbox WHERE delivered_at IS NULL ORDER BY id
            """);
        while (claimed.Count < max && reader.Read())
        {
            var channel = reader.GetString(1);
            if (blocked.Contains(channel)) continue;
            var due = reader.GetInt64(2) <= now;
            var leased = !reader.IsDBNull(3) && reader.GetInt64(3) > now;
            if (!due || leased)
            {
                blocked.Add(channel);
                continue;
            }
            var message = IncidentJson.Deserialize<OutboundMessage>(reader.GetString(4))
                ?? throw new InvalidOperationException("A stored outbox message is unreadable.");
            claimed.Add(new OutboxEntry(reader.GetInt64(0), message, reader.GetInt32(5), StoredTime.FromTicks(reader.GetInt64(6))));
        }
        return claimed;
    }
}
