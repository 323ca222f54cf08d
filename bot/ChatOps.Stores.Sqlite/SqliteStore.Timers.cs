using ChatOps.Core.Bridge;
using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Stores.Sqlite;

public sealed partial class SqliteStore
{
    public Task<IReadOnlyList<DueTimer>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken ct) =>
        WriteOrRollbackAsync<IReadOnlyList<DueTimer>>(tx =>
        {
            var due = new List<DueTimer>();
            using (var reader = tx.Query(
                """
                SELECT key, incident, due_at FROM timers
                WHERE due_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
                ORDER BY due_at, key LIMIT @max
                """,
                ("@now", now.ToTicks()), ("@max", max)))
            {
                while (reader.Read()) due.Add(new DueTimer(reader.GetString(0), new IncidentId(reader.GetInt64(1)), StoredTime.FromTicks(reader.GetInt64(2))));
            }
            foreach (var timer in due)
            {
                tx.Execute("UPDATE timers SET claimed_by = @owner, claimed_until = @until WHERE key = @key",
                    ("@owner", owner), ("@until", (now + lease).ToTicks()), ("@key", timer.Key));
            }
            return (due, true);
        }, ct);

    public Task CompleteAsync(DueTimer timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return OnWriterAsync(c => DeleteTimer(c, timer), ct);
    }

    Task<int> ITimerStore.CountPendingAsync(CancellationToken ct) =>
        OnReaderAsync(c => (int)(long)c.Scalar("SELECT COUNT(*) FROM timers")!, ct);

    /// <summary>Deletes the timer only if it is still the one that fired; a reschedule in between keeps the new due time.</summary>
    private static int DeleteTimer(StoreConnection c, DueTimer timer) =>
        c.Execute("DELETE FROM timers WHERE key = @key AND due_at = @due", ("@key", timer.Key), ("@due", timer.DueAt.ToTicks()));

    private static void ApplyTimerChange(StoreConnection c, TimerChange change)
    {
        if (change.DueAt is not { } dueAt)
        {
            c.Execute("DELETE FROM timers WHERE key = @key", ("@key", change.Key));
            return;
        }
        c.Execute(
            """
            INSERT INTO timers(key, incident, due_at, claimed_by, claimed_until) VALUES(@key, @incident, @due, NULL, NULL)
            ON CONFLICT(key) DO UPDATE SET incident = excluded.incident, due_at = excluded.due_at, claimed_by = NULL, claimed_until = NULL
            """,
            ("@key", change.Key), ("@incident", change.Incident.Number), ("@due", dueAt.ToTicks()));
    }
}
