namespace ChatOps.Core.Ports;

/// <summary>
/// One message as the web console shows it. <see cref="Sequence"/> grows on every insert and every in-place
/// update, so a live reader asks for "everything after N" and sees both.
/// </summary>
public sealed record TranscriptMessage(
    long Sequence,
    string MessageKey,
    string Channel,
    DateTimeOffset At,
    string Author,
    string Text,
    string? CardJson);

/// <summary>
/// The web console is a chat surface of its own: the outbox pump delivers into this transcript. Upserting by
/// message key makes a redelivery invisible to the user (nothing is shown twice).
/// </summary>
public interface IConsoleTranscript
{
    Task<TranscriptMessage> UpsertAsync(string messageKey, string channel, DateTimeOffset at, string author, string text, string? cardJson, CancellationToken ct);

    /// <summary>Messages with a sequence above <paramref name="afterSequence"/>, optionally for one channel, in sequence order.</summary>
    Task<IReadOnlyList<TranscriptMessage>> ReadAsync(string? channel, long afterSequence, int max, CancellationToken ct);

    Task<IReadOnlyList<string>> ChannelsAsync(CancellationToken ct);
}
