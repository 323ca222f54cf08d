namespace ChatOps.Stores.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>An expired claim is taken over in the same statement, so two racing claimers can never both win.</summary>
    public Task<bool> TryClaimAsync(string key, DateTimeOffset now, TimeSpan ttl, CancellationToken ct) =>
        OnWriterAsync(c => c.Execute(
            """
            INSERT INTO claims(key, claimed_at, expires_at) VALUES(@key, @now, @expires)
            ON CONFLICT(key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
            WHERE claims.expires_at <= @now
            """,
            ("@key", key), ("@now", now.ToTicks()), ("@expires", (now + ttl).ToTicks())) == 1, ct);
}
