using ChatOps.Core.Ports;
using StackExchange.Redis;

namespace ChatOps.Stores.Redis;

public sealed partial class RedisStore
{
    /// <summary>The key keeps its entry (and channel); the sequence moves to the newest so live readers see the update.</summary>
    public Task<TranscriptMessage> UpsertAsync(string messageKey, string channel, DateTimeOffset at, string author, string text, string? cardJson, CancellationToken ct) =>
        Guard(async () =>
        {
            var reply = (RedisResult[])(await RedisScripts.UpsertTranscript.RunAsync(_db,
                Prefix, messageKey, channel, RedisTime.Ticks(at), author, text, cardJson is null ? "0" : "1", cardJson is null ? RedisValue.EmptyString : StoredJson.Deflate(cardJson)).ConfigureAwait(false))!;
            return new TranscriptMessage((long)reply[0], messageKey, (string)reply[1]!, at.ToUniversalTime(), author, text, cardJson);
        }, ct);

    public Task<IReadOnlyList<TranscriptMessage>> ReadAsync(string? channel, long afterSequence, int max, CancellationToken ct) =>
        Guard<IReadOnlyList<TranscriptMessage>>(async () =>
        {
            if (max <= 0) return [];
            var reply = (RedisResult[])(await RedisScripts.ReadTranscript.RunAsync(_db, Prefix, channel ?? "", afterSequence, max).ConfigureAwait(false))!;
            var list = new List<TranscriptMessage>(reply.Length / 8);
            for (var i = 0; i < reply.Length; i += 8)
            {
                list.Add(new TranscriptMessage((long)reply[i + 1], (string)reply[i]!, (string)reply[i + 2]!, RedisTime.FromTicks((string)reply[i + 3]!),
                    (string)reply[i + 4]!, (string)reply[i + 5]!, StoredJson.ReadCard((string)reply[i + 7]!, (byte[]?)reply[i + 6])));
            }
            return list;
        }, ct);

    public Task<IReadOnlyList<string>> ChannelsAsync(CancellationToken ct) =>
        Guard<IReadOnlyList<string>>(async () =>
        {
            var members = await _db.SetMembersAsync(_keys.TranscriptChannels).ConfigureAwait(false);
            return [.. members.Select(m => (string)m!).Order(StringComparer.Ordinal)];
        }, ct);
}
