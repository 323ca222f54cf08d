using ChatOps.Core.Ports;

namespace ChatOps.Stores.Sqlite;

/// <summary>
/// The adapters' durable inbox. Explicit implementations: the outbox has methods of the same shape.
/// Finished rows are kept (with their dedupe key) so a late redelivery is still recognised.
/// </summary>
public sealed partial class SqliteStore
{
    Task<bool> IInboundQueue.EnqueueAsync(string surface, string dedupeKey, string payload, DateTimeOffset now, CancellationToken ct) =>
        OnWriterAsync(c => c.Execute(
            """
            INSERT OR IGNORE INTO inbound(surface, dedupe_key, payload, received_at, next_attempt_at)
            VALUES(@surface, @key, @payload, @now, @now)
            """,
            ("@surface", surface), ("@key", dedupeKey), ("@payload", payload), ("@now", now.ToTicks())) == 1, ct);

    Task<IReadOnlyList<InboundItem>> IInboundQueue.ClaimAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct) =>
        WriteOrRollbackAsync<IReadOnlyList<InboundItem>>(tx =>
        {
            var claimed = new List<InboundItem>();
            using (var reader = tx.Query(
                """
                SELECT id, surface, dedupe_key, payload, received_at, attempts FROM inbound
                WHERE done_at IS NULL AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
                ORDER BY id LIMIT @max
                """,
                ("@now", now.ToTicks()), ("@max", max)))
            {
                while (reader.Read())
                {
                    claimed.Add(new InboundItem(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                        StoredTime.FromTicks(reader.GetInt64(4)), reader.GetInt32(5) + 1));
                }
            }
            foreach (var item in claimed)
            {
                tx.Execute("UPDATE inbound SET claimed_by = @owner, claimed_until = @until, attempts = attempts + 1 WHERE id = @id",
                    ("@owner", owner), ("@until", (now + lease).ToTicks()), ("@id", item.Id));
            }
            return (claimed, true);
        }, ct);

    Task IInboundQueue.CompleteAsync(long id, DateTimeOffset now, CancellationToken ct) =>
        OnWriterAsync(c => c.Execute(
            "UPDATE inbound SET done_at = @now, claimed_by = NULL, claimed_until = NULL WHERE id = @id",
            ("@now", now.ToTicks()), ("@id", id)), ct);

    Task IInboundQueue.RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken ct) =>
        OnWriterAsync(c => c.Execute(
            """
            UPDATE inbound SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = @next, last_error = @error
            WHERE id = @id AND done_at IS NULL
            """,
            ("@next", nextAttemptAt.ToTicks()), ("@error", error), ("@id", id)), ct);
}
