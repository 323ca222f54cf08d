using ChatOps.Adapters.Slack.Configuration;
using ChatOps.Adapters.Slack.WebApi;
using ChatOps.Cards.Rendering;
using ChatOps.Cards.Views;
using ChatOps.Core.Bridge;
using ChatOps.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Slack.Delivery;

/// <summary>
/// Delivers outbox messages to Slack. The status card is posted once, pinned, and then updated in place
/// (<c>chat.update</c>) through the message key -> <c>ts</c> binding; every other message is posted once (a redelivery
/// after a crash finds its binding and posts nothing). The first message to an incident channel creates it.
/// Throwing means "retry later" to the outbox (Slack unreachable, 5xx, a 4xx from something that is not Slack); a refusal
/// Slack answered (<c>ok:false</c> that is not a transient error) is reported and the message is settled.
/// </summary>
public sealed partial class SlackMessageSender
{
    public const string Surface = "slack";

    private readonly SlackWebApi _api;
    private readonly IPlatformDirectory _directory;
    private readonly IncidentChannelCreator _creator;
    private readonly FollowUpSteps _steps;
    private readonly SlackOptions _options;
    private readonly ILogger<SlackMessageSender> _logger;
    private readonly Dictionary<string, string> _topics = new(StringComparer.Ordinal);

    internal SlackMessageSender(
        SlackWebApi api, IPlatformDirectory directory, IncidentChannelCreator creator, FollowUpSteps steps, IOptions<SlackOptions> options, ILogger<SlackMessageSender> logger)
    {
        _api = api;
        _directory = directory;
        _creator = creator;
        _steps = steps;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>True when Slack has (or will create) a channel for <paramref name="channel"/>: bound, configured, or an incident channel.</summary>
    public async Task<bool> HandlesAsync(string channel, CancellationToken ct) =>
        _options.Channels.ContainsKey(channel)
        || SlackChannels.IsIncidentChannel(channel, _options.IncidentChannelPrefix)
        || await _directory.FindPlatformChannelAsync(Surface, channel, ct).ConfigureAwait(false) is not null;

    public async Task DeliverAsync(SlackOutbound message, CancellationToken ct)
    {
        try
        {
            var channelId = await ChannelIdAsync(message, ct).ConfigureAwait(false);
            if (channelId is null)
            {
                LogNotSlack(message.MessageKey, message.Channel);
                return;
            }
            await PostOrUpdateAsync(channelId, message, ct).ConfigureAwait(false);
        }
        catch (SlackApiException ex) when (!ex.Transient)
        {
            // Slack said no (a deleted channel, a revoked token, a missing scope, every channel name taken): a retry gets
            // the same answer and would hold up every later message of the channel, so say so loudly, once, and settle.
            LogUndeliverable(ex, message.MessageKey, message.Channel, ex.Error);
        }
    }

    private async Task<string?> ChannelIdAsync(SlackOutbound message, CancellationToken ct)
    {
        // An incident channel goes through the creator even when bound: it finishes a set-up a failure or a crash cut off.
        if (SlackChannels.IsIncidentChannel(message.Channel, _options.IncidentChannelPrefix))
        {
            return await _creator.EnsureAsync(message.Channel, message.Card, message.Snapshot, ct).ConfigureAwait(false);
        }
        if (await _directory.FindPlatformChannelAsync(Surface, message.Channel, ct).ConfigureAwait(false) is { } bound) return bound;
        return _options.Channels.GetValueOrDefault(message.Channel);
    }

    private async Task PostOrUpdateAsync(string channelId, SlackOutbound message, CancellationToken ct)
    {
        var blocks = PostMarker.Mark(BlockKitRenderer.Render(message.Card), message.MessageKey);
        var text = BlockKitRenderer.FallbackText(message.Card);
        var existing = await _directory.FindPlatformMessageAsync(Surface, message.MessageKey, ct).ConfigureAwait(false);
        if (existing is not null && message.Kind != MessageKind.StatusCard) return; // posted before a crash: never twice
        if (existing is not null)
        {
            try
            {
                await _api.UpdateMessageAsync(channelId, existing, text, blocks, ct).ConfigureAwait(false);
                await PinOnceAsync(channelId, existing, ct).ConfigureAwait(false);
                await SetTopicAsync(channelId, message.Card, ct).ConfigureAwait(false);
                return;
            }
            catch (SlackApiException ex) when (ex.Error is "message_not_found" or "cant_update_message")
            {
                LogRepost(message.MessageKey, ex.Error);
            }
        }
        var ts = await EarlierPostAsync(channelId, message, ct).ConfigureAwait(false)
            ?? await _api.PostMessageAsync(channelId, text, blocks, ct).ConfigureAwait(false);
        await _directory.BindMessageAsync(Surface, message.MessageKey, ts, ct).ConfigureAwait(false);
        if (message.Kind == MessageKind.StatusCard)
        {
            await PinOnceAsync(channelId, ts, ct).ConfigureAwait(false);
            await SetTopicAsync(channelId, message.Card, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// When an earlier attempt may have posted the message (it failed, or the bot stopped, before the answer was bound),
    /// the post is looked for by its marker before it is made again; found, it is bound like a fresh post.
    /// </summary>
    private async Task<string?> EarlierPostAsync(string channelId, SlackOutbound message, CancellationToken ct)
    {
        if (message.MaybePostedSince is not { } since) return null;
        try
        {
            var ts = await _api.FindPostAsync(channelId, PostMarker.For(message.MessageKey), since, ct).ConfigureAwait(false);
            if (ts is not null) LogEarlierPostFound(message.MessageKey, channelId, ts);
            return ts;
        }
        catch (SlackApiException ex) when (!ex.Transient)
        {
            // The history cannot be read (a scope the app lacks): a message posted twice is better than one never posted.
            LogHistoryUnreadable(message.MessageKey, channelId, ex.Error);
            return null;
        }
    }

    /// <summary>
    /// The status message is bound before it is pinned (so it is never posted twice); a pin that failed, or that a crash
    /// cut off, is made by the next delivery of the card, the retry's update included.
    /// </summary>
    private Task PinOnceAsync(string channelId, string ts, CancellationToken ct) =>
        _steps.OnceAsync($"pin:{channelId}:{ts}", () => _api.PinAsync(channelId, ts, ct), ct);

    /// <summary>Severity, status and commander in the topic; set only when it changes (each change posts a notice in Slack).</summary>
    private async Task SetTopicAsync(string channelId, CardView card, CancellationToken ct)
    {
        if (card is not StatusCardView status) return;
        var topic = $"{status.IncidentId} · {status.Severity} · {status.Status} · IC: {status.Commander}";
        lock (_topics)
        {
            if (_topics.TryGetValue(channelId, out var last) && last == topic) return;
        }
        await _api.SetTopicAsync(channelId, topic, ct).ConfigureAwait(false);
        lock (_topics) _topics[channelId] = topic;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Outbox message {MessageKey} to {Channel} is not for Slack")]
    private partial void LogNotSlack(string messageKey, string channel);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Error, Message = "Slack cannot take message {MessageKey} for {Channel} ({Error}); it is settled without delivery: fix the channel or the app's scopes")]
    private partial void LogUndeliverable(Exception ex, string messageKey, string channel, string error);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Message {MessageKey} was posted to {ChannelId} by an attempt whose answer was lost ({Ts}); it is not posted again")]
    private partial void LogEarlierPostFound(string messageKey, string channelId, string ts);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Message {MessageKey} may have been posted to {ChannelId} already, but its history cannot be read ({Error}); posting it")]
    private partial void LogHistoryUnreadable(string messageKey, string channelId, string error);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Status message {MessageKey} could not be updated ({Error}); posting it again")]
    private partial void LogRepost(string messageKey, string error);
}
