using ChatOps.Core.Ports;

namespace ChatOps.Stores.Sqlite;

public sealed partial class SqliteStore
{
    /// <summary>The key keeps its row; the sequence moves to the newest so live readers see the update.</summary>
    public Task<TranscriptMessage> UpsertAsync(string messageKey, string channel, DateTimeOffset at, string author, string text, string? cardJson, CancellationToken ct) =>
        WriteOrRollbackAsync(tx =>
        {
            var seq = NextCounter(tx, "transcript");
            tx.Execute(
                """
                INSERT INTO transcript(message_key, seq, channel, at, author, text, card_json) VALUES(@key, @seq, @channel, @at, @author, @text, @card)
                ON CONFLICT(message_key) DO UPDATE SET seq = excluded.seq, at = excluded.at, author = excluded.author, text = excluded.text, card_json = excluded.card_json
                """,
                ("@key", messageKey), ("@seq", seq), ("@channel", channel), ("@at", at.ToTicks()), ("@author", author), ("@text", text), ("@card", cardJson));
            using var reader = tx.Query("SELECT seq, message_key, channel, at, author, text, card_json FROM transcript WHERE message_key = @key", ("@key", messageKey));
            reader.Read();
            return (ReadMessage(reader), true);
        }, ct);

    public Task<IReadOnlyList<TranscriptMessage>> ReadAsync(string? channel, long afterSequence, int max, CancellationToken ct) =>
        OnReaderAsync<IReadOnlyList<TranscriptMessage>>(c =>
        {
            using var reader = c.Query(
                """
                SELECT seq, message_key, channel, at, author, text, card_json FROM transcript
                WHERE seq > @after AND (@channel IS NULL OR channel = @channel)
                ORDER BY seq LIMIT @max
                """,
                ("@after", afterSequence), ("@channel", channel), ("@max", max));
            var list = new List<TranscriptMessage>();
            while (reader.Read()) list.Add(ReadMessage(reader));
            return list;
        }, ct);

    public Task<IReadOnlyList<string>> ChannelsAsync(CancellationToken ct) =>
        OnReaderAsync<IReadOnlyList<string>>(c =>
        {
            using var reader = c.Query("SELECT DISTINCT channel FROM transcript ORDER BY channel");
            var list = new List<string>();
            while (reader.Read()) list.Add(reader.GetString(0));
            return list;
        }, ct);

    private static TranscriptMessage ReadMessage(Microsoft.Data.Sqlite.SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), StoredTime.FromTicks(reader.GetInt64(3)),
            reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
}
