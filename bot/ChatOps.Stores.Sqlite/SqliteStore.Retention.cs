namespace ChatOps.Stores.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Deletes rows that only served delivery or deduplication and can no longer matter: outbox messages delivered
    /// before <paramref name="deliveredBefore"/>, inbound requests finished before it (and outside the dedupe window,
    /// so a late redelivery is still recognised), and expired claims. Incidents, timelines, idempotency results and
    /// the transcript are history and are kept. Deletes at most <paramref name="maxRows"/> rows per table in one write,
    /// so the writer is never held for long; returns how many rows went (call again while it equals the maximum).
    /// </summary>
    public Task<int> PruneAsync(DateTimeOffset now, DateTimeOffset deliveredBefore, int maxRows, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        var dedupeCutoff = now - Core.Ports.IInboundQueue.DedupeWindow * 2;
        var inboundCutoff = deliveredBefore < dedupeCutoff ? deliveredBefore : dedupeCutoff;
        return OnWriterAsync(c =>
            // Oldest rows sit at the start of the id order, so each scan stops after the first few thousand rows.
            c.Execute(
                """
                DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
                    WHERE delivered_at IS NOT NULL AND delivered_at < @cutoff ORDER BY id LIMIT @max)
                """,
                ("@cutoff", deliveredBefore.ToTicks()), ("@max", maxRows))
            + c.Execute(
                """
                DELETE FROM inbound WHERE id IN (SELECT id FROM inbound
                    WHERE done_at IS NOT NULL AND done_at < @cutoff ORDER BY id LIMIT @max)
                """,
                ("@cutoff", inboundCutoff.ToTicks()), ("@max", maxRows))
            + c.Execute(
                "DELETE FROM claims WHERE key IN (SELECT key FROM claims WHERE expires_at <= @now LIMIT @max)",
                ("@now", now.ToTicks()), ("@max", maxRows)), ct);
    }
}
