using ChatOps.Core.Incidents;
using ChatOps.Core.Ports;

namespace ChatOps.Stores.Sqlite;

public sealed partial class SqliteStore
{
    public Task<IncidentId> AllocateIdAsync(CancellationToken ct) =>
        OnWriterAsync(c => new IncidentId(NextCounter(c, "incident")), ct);

    public Task<Incident?> GetAsync(IncidentId id, CancellationToken ct) => OnReaderAsync(c => ReadIncident(c, id), ct);

    public Task<IncidentId?> FindByChannelAsync(string channel, CancellationToken ct) =>
        OnReaderAsync(c => c.Scalar("SELECT number FROM incidents WHERE channel = @channel ORDER BY number DESC LIMIT 1", ("@channel", channel)) is long n
            ? new IncidentId(n)
            : (IncidentId?)null, ct);

    public Task<IReadOnlyList<Incident>> ListAsync(IncidentQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        return OnReaderAsync<IReadOnlyList<Incident>>(c =>
        {
            using var reader = c.Query(
                """
                SELECT json FROM incidents
                WHERE (@openOnly = 0 OR is_open = 1) AND (@service IS NULL OR service = @service COLLATE NOCASE)
                ORDER BY number LIMIT @limit
                """,
                ("@openOnly", query.OpenOnly ? 1 : 0), ("@service", query.Service), ("@limit", query.Limit));
            var list = new List<Incident>();
            while (reader.Read()) list.Add(ReadSnapshot(reader.GetString(0)));
            return list;
        }, ct);
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(IncidentId id, CancellationToken ct) =>
        OnReaderAsync<IReadOnlyList<TimelineEntry>>(c =>
        {
            using var reader = c.Query(
                "SELECT seq, at, actor_id, actor_name, kind, text, surface FROM timeline WHERE number = @n ORDER BY seq",
                ("@n", id.Number));
            var list = new List<TimelineEntry>();
            while (reader.Read())
            {
                list.Add(new TimelineEntry(id, reader.GetInt64(0), StoredTime.FromTicks(reader.GetInt64(1)),
                    new Actor(reader.GetString(2), reader.GetString(3)), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            }
            return list;
        }, ct);

    public Task<string?> FindResultAsync(string idempotencyKey, CancellationToken ct) => OnReaderAsync(c => ReadResult(c, idempotencyKey), ct);

    public Task<CommandState> GetForCommandAsync(IncidentId id, string idempotencyKey, CancellationToken ct) =>
        OnReaderAsync(c => new CommandState(ReadIncident(c, id), ReadResult(c, idempotencyKey)), ct);

    private static Incident? ReadIncident(StoreConnection c, IncidentId id) =>
        c.Scalar("SELECT json FROM incidents WHERE number = @n", ("@n", id.Number)) is string json ? ReadSnapshot(json) : null;

    private static string? ReadResult(StoreConnection c, string idempotencyKey) =>
        c.Scalar("SELECT result_json FROM idempotency WHERE key = @k", ("@k", idempotencyKey)) as string;

    private static long NextCounter(StoreConnection c, string name) =>
        (long)c.Scalar(
            "INSERT INTO counters(name, value) VALUES(@name, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value",
            ("@name", name))!;

    private static Incident ReadSnapshot(string json) =>
        IncidentJson.Deserialize<Incident>(json) ?? throw new InvalidOperationException("A stored incident snapshot is unreadable.");
}
