using ChatOps.Adapters.Slack.Delivery;

namespace ChatOps.Bot.Delivery;

/// <summary>Outbox messages to Slack when the adapter is enabled (<c>Slack:Enabled</c>) and Slack has the channel; nothing otherwise.</summary>
internal sealed class SlackChatSink(IServiceProvider services) : IChatSink
{
    private readonly SlackMessageSender? _sender = services.GetService<SlackMessageSender>();

    public async Task DeliverAsync(OutboundDelivery delivery, CancellationToken ct)
    {
        if (_sender is null || !await _sender.HandlesAsync(delivery.Channel, ct)) return;
        await _sender.DeliverAsync(new SlackOutbound(delivery.MessageKey, delivery.Channel, delivery.Kind, delivery.Card, delivery.Snapshot, delivery.MaybePostedSince), ct);
    }
}
