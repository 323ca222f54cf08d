namespace ChatOps.Stores.Sqlite;

/// <summary>
/// The schema. Times are UTC ticks (INTEGER): lossless for <see cref="DateTimeOffset"/> and ordered by value.
/// Adapter claims live apart from command results so an adapter may reuse a delivery id as the command's key.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Stored in <c>PRAGMA user_version</c>; a later schema change migrates from it.</summary>
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS incidents(
            number INTEGER PRIMARY KEY,
            version INTEGER NOT NULL,
            channel TEXT NOT NULL,
            status TEXT NOT NULL,
            service TEXT NOT NULL,
            is_open INTEGER NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS incidents_channel ON incidents(channel);
        CREATE INDEX IF NOT EXISTS incidents_open ON incidents(is_open, number);

        CREATE TABLE IF NOT EXISTS timeline(
            number INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            at INTEGER NOT NULL,
            actor_id TEXT NOT NULL,
            actor_name TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            surface TEXT NOT NULL,
            PRIMARY KEY(number, seq)) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS outbox(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel TEXT NOT NULL,
            kind TEXT NOT NULL,
            incident INTEGER NOT NULL,
            message_json TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            claimed_by TEXT,
            claimed_until INTEGER,
            delivered_at INTEGER,
            last_error TEXT);
        DROP INDEX IF EXISTS outbox_pending;
        CREATE INDEX IF NOT EXISTS outbox_pending_channel ON outbox(channel, id) WHERE delivered_at IS NULL;

        CREATE TABLE IF NOT EXISTS timers(
            key TEXT PRIMARY KEY,
            incident INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            claimed_by TEXT,
            claimed_until INTEGER) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS timers_due ON timers(due_at);

        CREATE TABLE IF NOT EXISTS idempotency(
            key TEXT PRIMARY KEY,
            result_json TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS claims(
            key TEXT PRIMARY KEY,
            claimed_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS counters(
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS transcript(
            message_key TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            channel TEXT NOT NULL,
            at INTEGER NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            card_json TEXT);
        CREATE INDEX IF NOT EXISTS transcript_channel ON transcript(channel, seq);

        CREATE TABLE IF NOT EXISTS inbound(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            surface TEXT NOT NULL,
            dedupe_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            claimed_by TEXT,
            claimed_until INTEGER,
            done_at INTEGER,
            last_error TEXT,
            UNIQUE(surface, dedupe_key));
        CREATE INDEX IF NOT EXISTS inbound_pending ON inbound(id) WHERE done_at IS NULL;

        CREATE TABLE IF NOT EXISTS directory_channels(
            surface TEXT NOT NULL,
            channel TEXT NOT NULL,
            platform_channel TEXT NOT NULL,
            PRIMARY KEY(surface, channel)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS directory_platform ON directory_channels(surface, platform_channel);

        CREATE TABLE IF NOT EXISTS directory_messages(
            surface TEXT NOT NULL,
            message_key TEXT NOT NULL,
            platform_message TEXT NOT NULL,
            PRIMARY KEY(surface, message_key)) WITHOUT ROWID;
        """;
}
