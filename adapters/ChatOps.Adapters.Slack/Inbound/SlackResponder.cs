using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Delivery;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Inbound;

/// <summary>
/// Answers the person who sent a command. Each message is tried at once; one that Slack cannot take now (down, 5xx,
/// 429, no answer) is queued in the outbox with every message after it, on that person's reply channel, and the pump
/// sends it when Slack is back, until the response URL dies (30 minutes after the command). While anything to that
/// person is still queued, new replies queue behind it, so they never overtake one another.
/// </summary>
internal sealed partial class SlackResponder(SlackReplyPoster poster, IOutboxStore outbox, TimeProvider clock, ILogger<SlackResponder> logger)
{
    /// <summary>Slack keeps a response URL for 30 minutes; an ephemeral answer later than that answers nobody either.</summary>
    public static readonly TimeSpan ReplyLifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Throws only when a reply that must wait could not be queued (the store is down): the inbound item is then run
    /// again, and the command, already committed, answers the same.
    /// </summary>
    public async Task RespondAsync(SlackWork work, DateTimeOffset receivedAt, IReadOnlyList<JsonObject> messages, CancellationToken ct)
    {
        var replies = messages.Select(m => new QueuedReply(
            SlackMessageSender.Surface, work.ChannelId, work.UserId, work.ResponseUrl, m.ToJsonString(), receivedAt + ReplyLifetime)).ToList();
        if (replies.Count == 0) return;
        if (await outbox.HasPendingAsync(replies[0].Channel, ct).ConfigureAwait(false))
        {
            await QueueAsync(replies, "earlier replies to this person are still queued", ct).ConfigureAwait(false);
            return;
        }
        for (var i = 0; i < replies.Count; i++)
        {
            try
            {
                await poster.DeliverAsync(replies[i], ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or SlackApiException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                await QueueAsync(replies[i..], ex.Message, ct).ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task QueueAsync(IReadOnlyList<QueuedReply> replies, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The first retry waits a second, like the outbox's first backoff: a reply that just failed is not retried at once.
        await outbox.EnqueueRepliesAsync(replies, now, now + TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        LogQueued(replies.Count, replies[0].Recipient, replies[0].Conversation, reason);
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "{Count} replies to {UserId} in {ChannelId} wait in the outbox: {Reason}")]
    private partial void LogQueued(int count, string userId, string channelId, string reason);
}
